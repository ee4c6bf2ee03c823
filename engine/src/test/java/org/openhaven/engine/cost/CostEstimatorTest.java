package org.openhaven.engine.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.aws.AwsClients;
import org.openhaven.engine.cloud.aws.AwsCloudProvider;
import org.openhaven.engine.cloud.aws.AwsCredentials;
import org.openhaven.engine.cloud.aws.AwsPrices;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

class CostEstimatorTest {

    final CostEstimator estimator = new CostEstimator(ObjectStoragePrices.bundled(), LocalDate.of(2026, 11, 24));

    /** AWS prices come from the bundled table, so no API call is made (the endpoint is unreachable on purpose). */
    AwsCloudProvider aws() {
        return new AwsCloudProvider(AwsClients.ec2("eu-central-1", URI.create("http://127.0.0.1:1"),
                AwsCredentials.fromVault(Secret.of("a"), Secret.of("b"))), "eu-central-1", AwsPrices.bundled(),
                new FakeTime().polling());
    }

    @Test
    void awsEstimateAddsServerIpDiskAndBackupWithTheTableDate() {
        BackupSpec backup = new BackupSpec(null, "eu-central-1", "bucket", "demo", "03:00",
                BackupSpec.Retention.DEFAULT);

        CostEstimate estimate = estimator.estimate(aws(), "eu-central-1", "t3.medium", backup, 100);

        assertThat(estimate.items()).extracting(CostEstimate.LineItem::monthly).containsExactly(
                new BigDecimal("35.04"), new BigDecimal("3.65"), new BigDecimal("3.81"), new BigDecimal("2.30"));
        assertThat(estimate.total()).isEqualByComparingTo("44.80");
        assertThat(estimate.currency()).isEqualTo("USD");
        assertThat(estimate.source()).isEqualTo("aws price table 2025-06-01");
        assertThat(estimate.items().get(3).estimate()).isTrue();
    }

    @Test
    void backupInAnotherCurrencyIsTotalledSeparately() {
        BackupSpec hetznerStorage = new BackupSpec("https://fsn1.your-objectstorage.com", "fsn1", "b", "p", "03:00",
                BackupSpec.Retention.DEFAULT);

        CostEstimate estimate = estimator.estimate(aws(), "eu-central-1", "t3.small", hetznerStorage, 200);

        assertThat(estimate.totals()).containsEntry("EUR", new BigDecimal("5.99"));
        assertThat(estimate.total()).isEqualByComparingTo("24.98"); // 17.52 server + 3.65 IP + 3.81 disk, USD only
    }

    @Test
    void unknownSizeNamesTheOfferedOnes() {
        assertThatThrownBy(() -> estimator.estimate(aws(), "eu-central-1", "t3.huge", null, 0))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.remedy()).contains("t3.medium"));
    }
}
