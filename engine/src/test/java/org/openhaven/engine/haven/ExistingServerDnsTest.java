package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

class ExistingServerDnsTest {

    @TempDir
    Path dir;

    private final HavenSpec cloud = TestHavens.cloudSpec("family");
    private final HavenSpec own = HavenEngineCostTest.withServer(cloud,
            new ServerSpec("ssh", null, null, "192.0.2.7", 22, "root", null));

    @Test
    void theRecordsToSetByHandAreNamedForAServerTheUserAlreadyHas() {
        assertThat(ExistingServerDns.warnings(own)).containsExactly(
                "OpenHaven does not set DNS records for a server you already have: point " + cloud.domain()
                        + " and *." + cloud.domain() + " at 192.0.2.7 (A records, or AAAA for an IPv6 address)"
                        + " at your DNS host before you apply, or the certificates cannot be issued.");
    }

    @Test
    void withMailTheMailRecordsAreNamedToo() {
        HavenSpec withMail = new HavenSpec(own.name(), own.domain(), own.owner(), own.server(), own.dns(), own.tls(),
                own.services(), own.backup(), own.vpn(), new MailSpec(true));

        assertThat(ExistingServerDns.warnings(withMail)).singleElement().asString()
                .endsWith("With mail on, also add the MX, SPF, DKIM and DMARC records that `openhaven render` lists.");
    }

    @Test
    void aServerOpenHavenCreatesNeedsNoSuchWarning() {
        assertThat(ExistingServerDns.warnings(cloud)).isEmpty();
    }

    @Test
    void thePlanCarriesTheWarning() {
        HavenEngine engine = TestHavens.engine(dir.resolve("home"),
                new FileBackedTestProvider(dir.resolve("provider.json")), new FileBackedTestHost(dir.resolve("host")));

        assertThat(engine.plan(own).warnings()).containsExactlyElementsOf(ExistingServerDns.warnings(own));
    }
}
