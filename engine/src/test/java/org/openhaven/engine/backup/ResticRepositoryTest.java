package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.BackupSpec;

class ResticRepositoryTest {

    private static BackupSpec spec(String endpoint, String region, String bucket, String prefix) {
        return new BackupSpec(endpoint, region, bucket, prefix, null, null);
    }

    @Test
    void awsS3IsTheRegionalEndpointWhenNoneIsGiven() {
        assertThat(ResticRepository.of(spec(null, "eu-central-1", "haven-backups", "home")).resticUrl())
                .isEqualTo("s3:https://s3.eu-central-1.amazonaws.com/haven-backups/home");
    }

    @Test
    void customEndpointKeepsItsPortAndSchemeAndGetsHttpsWhenBare() {
        assertThat(ResticRepository.of(spec("http://127.0.0.1:9000/", null, "b", "")).resticUrl())
                .isEqualTo("s3:http://127.0.0.1:9000/b");
        assertThat(ResticRepository.of(spec("fsn1.your-objectstorage.com", "fsn1", "b", "/a/b/")).resticUrl())
                .isEqualTo("s3:https://fsn1.your-objectstorage.com/b/a/b");
    }

    @Test
    void missingRegionFallsBackToUsEast1() {
        assertThat(ResticRepository.of(spec("https://s3.example.test", " ", "b", null)).region())
                .isEqualTo("us-east-1");
    }

    @Test
    void endpointThatIsNotAWebAddressIsRejectedWithAnExample() {
        assertThatThrownBy(() -> ResticRepository.of(spec("ftp://files.example.test", null, "b", null)))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("'ftp://files.example.test' is not a web address");
    }

    @Test
    void missingBucketIsAConfigurationError() {
        assertThatThrownBy(() -> ResticRepository.of(spec(null, "eu-west-1", "", null)))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("no bucket");
    }
}
