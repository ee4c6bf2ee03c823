package org.openhaven.engine.backup;

import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Ensures the haven's backup bucket exists, with versioning switched on where the storage supports it (so a
 * compromised server that deletes backup objects cannot destroy their older versions). Idempotent: a bucket that
 * already exists and belongs to these keys is success.
 */
public final class BackupBucket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupBucket.class);

    /** What {@link #ensure()} did. */
    public enum Outcome { CREATED, ALREADY_EXISTED }

    private final ResticRepository repository;
    private final S3Client s3;

    public BackupBucket(ResticRepository repository, Secret accessKeyId, Secret secretAccessKey) {
        this.repository = repository;
        this.s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(repository.region()))
                .endpointOverride(repository.endpoint())
                // Custom endpoints (MinIO, Hetzner, a bucket name with dots) need path-style addressing.
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId.reveal(), secretAccessKey.reveal())))
                .build();
    }

    /** Creates the bucket if it is missing, then turns versioning on where supported. */
    public Outcome ensure() {
        Outcome outcome = exists() ? Outcome.ALREADY_EXISTED : create();
        enableVersioning();
        return outcome;
    }

    /** Whether versioning is on; false also where the storage does not support it. */
    public boolean versioningEnabled() {
        try {
            return s3.getBucketVersioning(b -> b.bucket(repository.bucket())).status() == BucketVersioningStatus.ENABLED;
        } catch (S3Exception e) {
            return false;
        }
    }

    /**
     * Writes a small object under the repository's prefix, reads it back and deletes it: proves the keys may write
     * where backups go, before the first backup needs to. Call after {@link #ensure()}.
     */
    public void proveWritable() {
        String key = (repository.prefix().isEmpty() ? "" : repository.prefix() + "/")
                + "openhaven-write-test-" + java.util.UUID.randomUUID();
        byte[] body = "OpenHaven backup target check\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            s3.putObject(b -> b.bucket(repository.bucket()).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(body));
            byte[] read = s3.getObjectAsBytes(b -> b.bucket(repository.bucket()).key(key)).asByteArray();
            s3.deleteObject(b -> b.bucket(repository.bucket()).key(key));
            if (!java.util.Arrays.equals(body, read)) {
                throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "The storage at " + repository.endpoint()
                        + " returned different bytes than were written.")
                        .remedy("Check that backup.endpoint points at S3-compatible storage.").build();
            }
        } catch (S3Exception e) {
            throw failure(e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    /**
     * Fails unless a restic repository lives at the location (its {@code config} object is there): checks the keys
     * and the kit's location before a recovery pays for a new server. The password can only be tested by restic.
     */
    public void requireRepository() {
        String config = (repository.prefix().isEmpty() ? "" : repository.prefix() + "/") + "config";
        try {
            s3.headObject(b -> b.bucket(repository.bucket()).key(config));
        } catch (NoSuchBucketException | NoSuchKeyException e) {
            throw noRepository(e);
        } catch (S3Exception e) {
            throw e.statusCode() == 404 ? noRepository(e) : failure(e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private OpenHavenException noRepository(S3Exception e) {
        return OpenHavenException.of(ErrorCategory.CONFIG, "There is no backup repository in "
                        + repository.describe() + ".")
                .remedy("Check the endpoint, bucket and folder against the recovery kit (and the spec's backup "
                        + "section, which must match it).")
                .cause(e)
                .build();
    }

    private boolean exists() {
        try {
            s3.headBucket(b -> b.bucket(repository.bucket()));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure(e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private Outcome create() {
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(repository.bucket());
        // us-east-1 is the one AWS region that rejects an explicit location constraint.
        if (!ResticRepository.DEFAULT_REGION.equals(repository.region())) {
            request.createBucketConfiguration(CreateBucketConfiguration.builder()
                    .locationConstraint(repository.region()).build());
        }
        try {
            s3.createBucket(request.build());
            LOG.info("Created backup bucket {} at {}", repository.bucket(), repository.endpoint());
            return Outcome.CREATED;
        } catch (BucketAlreadyOwnedByYouException e) {
            return Outcome.ALREADY_EXISTED;
        } catch (BucketAlreadyExistsException e) {
            throw OpenHavenException.config("The bucket name '" + repository.bucket()
                            + "' is already taken by another account.",
                    "Bucket names are global at most providers: choose a more specific name for backup.bucket.");
        } catch (S3Exception e) {
            throw failure(e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private void enableVersioning() {
        try {
            s3.putBucketVersioning(b -> b.bucket(repository.bucket())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        } catch (S3Exception e) {
            // Some S3-compatible stores (older MinIO in FS mode, some gateways) lack versioning: backups still work.
            LOG.warn("The storage at {} does not support bucket versioning ({}); continuing without it",
                    repository.endpoint(), e.statusCode());
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private OpenHavenException failure(S3Exception e) {
        if (e.statusCode() == 401 || e.statusCode() == 403) {
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "The storage at " + repository.endpoint() + " rejected the S3 keys (" + e.statusCode()
                                    + ").")
                    .remedy("Check the access key id and secret key, and that they may create and write the bucket '"
                            + repository.bucket() + "'.")
                    .cause(e)
                    .build();
        }
        return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                        "The storage at " + repository.endpoint() + " refused to set up the bucket '"
                                + repository.bucket() + "' (HTTP " + e.statusCode() + ").")
                .remedy("Create the bucket in your storage provider's console, then run the deploy again.")
                .retryable(e.statusCode() >= 500)
                .cause(e)
                .build();
    }

    private OpenHavenException unreachable(SdkClientException e) {
        return OpenHavenException.of(ErrorCategory.NETWORK,
                        "The storage at " + repository.endpoint() + " cannot be reached.")
                .remedy("Check backup.endpoint and your internet connection, then try again.")
                .cause(e)
                .build();
    }

    @Override
    public void close() {
        s3.close();
    }
}
