package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.status.StatusReport.ServiceStatus;

class ServerViewTest {

    @Test
    void aServiceIsUpWhenItAndItsCompanionsRunHealthy() {
        assertThat(ServerView.state("gitea", List.of(new ServiceStatus("gitea", "running", "healthy"),
                new ServiceStatus("gitea-db", "running", "none"), new ServiceStatus("traefik", "exited", "none"))))
                .contains(ServiceHealth.State.UP);
    }

    @Test
    void anUnhealthyCompanionDegradesAndAStoppedMainContainerIsDown() {
        assertThat(ServerView.state("nextcloud", List.of(new ServiceStatus("nextcloud", "running", "healthy"),
                new ServiceStatus("nextcloud-db", "running", "unhealthy")))).contains(ServiceHealth.State.DEGRADED);
        assertThat(ServerView.state("nextcloud", List.of(new ServiceStatus("nextcloud", "running", "starting"))))
                .contains(ServiceHealth.State.DEGRADED);
        assertThat(ServerView.state("nextcloud", List.of(new ServiceStatus("nextcloud", "restarting", "none"),
                new ServiceStatus("nextcloud-db", "running", "healthy")))).contains(ServiceHealth.State.DOWN);
    }

    @Test
    void aServiceWithoutContainersIsLeftToTheProbe() {
        assertThat(ServerView.state("ollama", List.of(new ServiceStatus("open-webui", "running", "healthy"))))
                .isEmpty();
    }

    @Test
    void theWorseVerdictWinsButAnUnfinishedProbeDoesNotOverrule() {
        assertThat(ServerView.merge(ServiceHealth.State.UP, ServiceHealth.State.DOWN)).isEqualTo(ServiceHealth.State.DOWN);
        assertThat(ServerView.merge(ServiceHealth.State.DEGRADED, ServiceHealth.State.UP))
                .isEqualTo(ServiceHealth.State.DEGRADED);
        assertThat(ServerView.merge(ServiceHealth.State.DOWN, ServiceHealth.State.UNKNOWN))
                .isEqualTo(ServiceHealth.State.DOWN);
    }
}
