package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

/** Bucket setup through the real AWS SDK v2 against a real S3 server (s3proxy). */
class BackupBucketIT {

    private static S3Server s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    private static BackupBucket bucket(String name, String secretKey) {
        ResticRepository repository = s3.repository(name, "haven");
        BackupCredentials credentials = s3.credentials("unused");
        return new BackupBucket(repository, credentials.accessKeyId(),
                secretKey == null ? credentials.secretAccessKey() : Secret.of(secretKey));
    }

    @Test
    void ensureCreatesAMissingBucketAndIsANoOpTheSecondTime() {
        try (BackupBucket bucket = bucket("fresh-bucket", null)) {
            assertThat(bucket.ensure()).isEqualTo(BackupBucket.Outcome.CREATED);
            assertThat(bucket.ensure()).isEqualTo(BackupBucket.Outcome.ALREADY_EXISTED);
        }
    }

    @Test
    void proveWritableLeavesNoObjectBehind() {
        try (BackupBucket bucket = bucket("probe-bucket", null);
             software.amazon.awssdk.services.s3.S3Client client = s3.client()) {
            bucket.ensure();
            bucket.proveWritable();
            assertThat(client.listObjectsV2(b -> b.bucket("probe-bucket")).contents()).isEmpty();
        }
    }

    @Test
    void bucketInANonDefaultRegionIsCreatedWithItsLocation() {
        ResticRepository repository = ResticRepository.of(new BackupSpec(s3.repository("x", "").endpoint().toString(),
                "eu-central-1", "regional-bucket", "", null, null));
        BackupCredentials credentials = s3.credentials("unused");
        try (BackupBucket bucket = new BackupBucket(repository, credentials.accessKeyId(),
                credentials.secretAccessKey())) {
            assertThat(bucket.ensure()).isEqualTo(BackupBucket.Outcome.CREATED);
        }
    }

    @Test
    void requireRepositoryFindsResticsConfigUnderThePrefixAndNamesTheLocationWhenItIsMissing() {
        try (BackupBucket bucket = bucket("kit-bucket", null);
             software.amazon.awssdk.services.s3.S3Client client = s3.client()) {
            bucket.ensure();
            assertThatThrownBy(bucket::requireRepository)
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                        assertThat(e.userMessage()).contains("no backup repository").contains("kit-bucket")
                                .contains("haven");
                    });
            client.putObject(b -> b.bucket("kit-bucket").key("haven/config"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("restic config"));

            bucket.requireRepository();
        }
    }

    @Test
    void requireRepositoryInAMissingBucketSaysSoToo() {
        try (BackupBucket bucket = bucket("no-such-bucket", null)) {
            assertThatThrownBy(bucket::requireRepository)
                    .isInstanceOfSatisfying(OpenHavenException.class, e ->
                            assertThat(e.userMessage()).contains("no backup repository"));
        }
    }

    @Test
    void rejectedKeysAreReportedAsAuthWithoutTheKey() {
        try (BackupBucket bucket = bucket("other-bucket", "wrong-secret-key")) {
            assertThatThrownBy(bucket::ensure)
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                        assertThat(e.userMessage()).contains("rejected the S3 keys").doesNotContain("wrong-secret-key");
                        assertThat(e.remedy()).contains("other-bucket");
                    });
        }
    }

    @Test
    void unreachableEndpointIsANetworkErrorThatMayBeRetried() {
        ResticRepository repository = ResticRepository.of(new BackupSpec("http://127.0.0.1:1", null, "b", "", null,
                null));
        try (BackupBucket bucket = new BackupBucket(repository, Secret.of("a"), Secret.of("b"))) {
            assertThatThrownBy(bucket::ensure)
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                        assertThat(e.retryable()).isTrue();
                    });
        }
    }
}
