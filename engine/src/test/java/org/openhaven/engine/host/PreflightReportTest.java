package org.openhaven.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightReportTest {

    @Test
    void fitServerHasNoProblems() {
        PreflightReport report = PreflightReport.parse("os=debian:12\npretty=Debian GNU/Linux 12 (bookworm)\nsudo=yes\n"
                + "disk_free_kib=40000000\nmem_kib=4000000\nports=\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void everyProblemIsNamedWithItsRemedy() {
        PreflightReport report = PreflightReport.parse("os=centos:7\npretty=CentOS Linux 7\nsudo=no\n"
                + "disk_free_kib=1048576\nmem_kib=524288\nports=0.0.0.0:80 [::]:443 \n");
        List<PreflightReport.Problem> problems = report.problems();
        assertThat(problems).extracting(PreflightReport.Problem::message).containsExactly(
                "The server runs CentOS Linux 7, which OpenHaven does not support.",
                "The login user may not run commands as root without a password.",
                "The server has only 1.0 GiB of free disk space; a haven needs at least 10.0 GiB.",
                "The server has only 0.5 GiB of memory; a haven needs at least 1 GiB.",
                "Ports 80/443 are already in use on the server (0.0.0.0:80, [::]:443).");
        assertThat(problems).allSatisfy(p -> assertThat(p.remedy()).isNotBlank());
    }

    @Test
    void aServerClaimedByAnotherHavenIsRefusedNamingIt() {
        PreflightReport report = PreflightReport.parse("os=debian:12\npretty=Debian GNU/Linux 12 (bookworm)\nsudo=yes\n"
                + "disk_free_kib=40000000\nmem_kib=4000000\nports=\nowner=family\n");
        assertThat(report.owner()).isEqualTo("family");
        assertThat(report.problems("family")).isEmpty();
        assertThat(report.problems(null)).isEmpty();
        assertThat(report.problems("work")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("The server already runs the haven 'family'.");
            assertThat(p.remedy()).contains("openhaven destroy --haven family");
        });
    }
}
