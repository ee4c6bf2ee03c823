package org.openhaven.engine.backup;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

/** A real S3 server (s3proxy, filesystem blob store in a temp directory) on a free loopback port. */
final class S3Server implements AutoCloseable {

    private final S3ProxyJunitCore proxy;

    private S3Server(S3ProxyJunitCore proxy) {
        this.proxy = proxy;
    }

    static S3Server start() throws Exception {
        S3ProxyJunitCore proxy = new S3ProxyJunitCore.Builder()
                .withCredentials("test-access-key", "test-secret-key")
                .withBlobStoreProvider("filesystem")
                .build();
        proxy.beforeEach();
        return new S3Server(proxy);
    }

    ResticRepository repository(String bucket, String prefix) {
        return ResticRepository.of(new BackupSpec(proxy.getUri().toString(), null, bucket, prefix, null, null));
    }

    BackupCredentials credentials(String repositoryPassword) {
        return new BackupCredentials(Secret.of(repositoryPassword), Secret.of(proxy.getAccessKey()),
                Secret.of(proxy.getSecretKey()));
    }

    void ensureBucket(ResticRepository repository) {
        try (BackupBucket bucket = new BackupBucket(repository, Secret.of(proxy.getAccessKey()),
                Secret.of(proxy.getSecretKey()))) {
            bucket.ensure();
        }
    }

    /** A plain SDK client on this server, for tests that look at the objects directly. */
    software.amazon.awssdk.services.s3.S3Client client() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .endpointOverride(proxy.getUri()).forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                proxy.getAccessKey(), proxy.getSecretKey())))
                .build();
    }

    @Override
    public void close() {
        proxy.afterEach();
    }
}
