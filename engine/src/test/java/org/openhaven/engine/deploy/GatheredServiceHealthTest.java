package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.status.StatusReport;

class GatheredServiceHealthTest {

    private static final StatusReport REPORT = new StatusReport(List.of(
            new StatusReport.ServiceStatus("nextcloud", "running", "healthy"),
            new StatusReport.ServiceStatus("nextcloud-db", "running", "starting"),
            new StatusReport.ServiceStatus("nextcloudx", "running", "healthy"),
            new StatusReport.ServiceStatus("gitea", "running", "none")), 0, 0, 0, 0, "", Optional.empty(),
            Optional.empty());

    @Test
    void aServiceIsEveryContainerNamedAfterItAndNoOther() {
        assertThat(GatheredServiceHealth.ofService(REPORT, "nextcloud"))
                .extracting(StatusReport.ServiceStatus::service).containsExactly("nextcloud", "nextcloud-db");
        assertThat(GatheredServiceHealth.ofService(REPORT, "vaultwarden")).isEmpty();
    }
}
