package org.openhaven.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.deploy.ServerLayout;

class StatusGathererTest {

    private static final String OUTPUT = """
            @@services
            web running healthy
            db running starting
            @@disk
            /dev/sda1 41000000000 10000000000 29000000000 25% /
            @@memory
            MemTotal:        4000000 kB
            MemAvailable:    3000000 kB
            @@release
            /opt/openhaven/releases/abc123
            @@backup
            {"finishedAt":"2026-11-24T03:00:00Z"}

            @@tls
            notAfter=Feb  2 12:00:00 2027 GMT
            """;

    @Test
    void parsesEverySectionOfTheBatchedOutput() {
        StatusReport report = StatusGatherer.parse(OUTPUT);
        assertThat(report.services()).containsExactly(
                new StatusReport.ServiceStatus("db", "running", "starting"),
                new StatusReport.ServiceStatus("web", "running", "healthy"));
        assertThat(report.allHealthy()).isFalse();
        assertThat(report.diskTotalBytes()).isEqualTo(41_000_000_000L);
        assertThat(report.diskFreeBytes()).isEqualTo(29_000_000_000L);
        assertThat(report.memoryTotalBytes()).isEqualTo(4_000_000L * 1024);
        assertThat(report.memoryAvailableBytes()).isEqualTo(3_000_000L * 1024);
        assertThat(report.liveRelease()).isEqualTo("abc123");
        assertThat(report.lastBackupJson()).hasValue("{\"finishedAt\":\"2026-11-24T03:00:00Z\"}");
        assertThat(report.certificateExpiry()).hasValue(Instant.parse("2027-02-02T12:00:00Z"));
    }

    @Test
    void emptySectionsMeanNothingDeployedYet() {
        StatusReport report = StatusGatherer.parse("@@services\n@@disk\n@@memory\n@@release\n@@backup\n\n@@tls\n");
        assertThat(report.services()).isEmpty();
        assertThat(report.allHealthy()).isFalse();
        assertThat(report.liveRelease()).isEmpty();
        assertThat(report.lastBackupJson()).isEmpty();
        assertThat(report.certificateExpiry()).isEmpty();
    }

    @Test
    void commandSendsTheDomainAsSniAndReadsTheBackupStatusFile() {
        String script = StatusGatherer.command(ServerLayout.DEFAULT, "home.example").argv().get(2);
        assertThat(script).contains("-servername home.example", "cat /opt/openhaven/backup/status.json",
                "label=com.docker.compose.project=openhaven", "df -P -B1 /opt/openhaven");
    }
}
