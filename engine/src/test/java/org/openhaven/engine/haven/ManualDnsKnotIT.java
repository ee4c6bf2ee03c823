package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.dns.verify.DnsVerifier;
import org.openhaven.engine.dns.verify.KnotServer;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.render.MailDnsRecords;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenDirectory;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * Manual DNS in the flow against a real authoritative server (Knot): the records are shown and saved as a
 * zone-file snippet, and apply waits until the server serves them, naming the missing ones when it gives up.
 */
class ManualDnsKnotIT {

    @TempDir
    Path dir;

    private KnotServer knot;
    private final ManualDnsProvider manual = new ManualDnsProvider();
    private final HavenSpec spec = TestHavens.cloudSpec("family");
    private final List<String> log = new ArrayList<>();
    private HavenDirectory haven;
    private ConfirmDnsForCertificates step;
    private DnsZone zone;

    @BeforeEach
    void setUp() throws Exception {
        knot = new KnotServer(Files.createDirectory(dir.resolve("knot")), "family.example.org", "");
        haven = new HavenStore(dir.resolve("home")).create(spec.havenId());
        FlowContext flow = new FlowContext(spec, haven, new InMemorySecretStore(), () -> null, () -> manual, null,
                new AtomicReference<>());
        FakeTime time = new FakeTime();
        step = new ConfirmDnsForCertificates(flow, List.of("family.example.org", "*.family.example.org"),
                z -> new DnsVerifier(List.of(knot.address()), Duration.ofSeconds(2), time.polling()),
                Duration.ofMinutes(5));
        zone = manual.findZone(spec.domain());
        // what the ensure-dns step hands the manual provider
        manual.upsert(new HavenLabel("family"), zone, DnsRecord.desired("A", "family.example.org", "203.0.113.10"));
        manual.upsert(new HavenLabel("family"), zone, DnsRecord.desired("A", "*.family.example.org", "203.0.113.10"));
    }

    @AfterEach
    void stop() throws Exception {
        if (knot != null) {
            knot.close();
        }
    }

    @Test
    void missingRecordsStopTheRunNamingEachRecordAndTheSavedSnippet() {
        Path snippet = haven.root().resolve(ConfirmDnsForCertificates.SNIPPET_FILE);

        assertThatThrownBy(() -> step.confirm(manual, zone, log::add))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.userMessage()).isEqualTo("After 5 min the DNS servers still do not serve 2 record(s): "
                            + "family.example.org A: expected 203.0.113.10, but no such record exists yet; "
                            + "*.family.example.org A: expected 203.0.113.10, but no such record exists yet.");
                    assertThat(e.remedy()).isEqualTo("Add the missing record(s) at your DNS host exactly as listed in "
                            + snippet + ", then run 'openhaven apply' again; it continues where it stopped.");
                });
        assertThat(log).containsExactly(
                "Add these DNS records at your DNS host (also saved to " + snippet + "):",
                "  family.example.org.      300 IN A     203.0.113.10",
                "  *.family.example.org.    300 IN A     203.0.113.10",
                "Waiting up to 5 min until the name servers of family.example.org serve them…");
        assertThat(snippet).content().contains("family.example.org.      300 IN A     203.0.113.10");
    }

    @Test
    void mailRecordsAreShownAsAZoneFileTheServerLoadsAndAreCheckedIncludingTheSplitDkimKey() throws Exception {
        HavenSpec mail = new HavenSpec(spec.name(), spec.domain(), spec.owner(), spec.server(), spec.dns(), spec.tls(),
                spec.services(), null, spec.vpn(), new MailSpec(true));
        String dkim = MailDnsRecords.dkim(mail, new InMemorySecretStore(), new SecretGenerators()).value();
        assertThat(dkim.length()).isGreaterThan(255);
        // what the ensure-dns step hands the manual provider for a haven with mail
        for (DesiredResource d : HavenDnsRecords.desired(mail, "family-ip")) {
            manual.upsert(new HavenLabel("family"), zone, HavenDnsRecords.record(d, "203.0.113.10", () -> dkim));
        }
        Path snippet = haven.root().resolve(ConfirmDnsForCertificates.SNIPPET_FILE);

        assertThatThrownBy(() -> step.confirm(manual, zone, log::add))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> assertThat(e.userMessage())
                        .contains("7 record(s)")
                        .contains("family.example.org MX: expected mail.family.example.org, but no such record")
                        .contains("mail._domainkey.family.example.org TXT: expected v=DKIM1; k=rsa; p="));
        assertThat(log).contains("  family.example.org.                    300 IN MX    10 mail.family.example.org.",
                "  mail._domainkey.family.example.org.    300 IN TXT   \"" + dkim.substring(0, 255) + "\" \""
                        + dkim.substring(255) + "\"");

        // The user pastes the saved snippet into their zone exactly as shown.
        knot.replaceRecords(Files.readString(snippet));

        assertThat(step.confirm(manual, zone, log::add)).startsWith("your DNS host serves the haven's records");
    }

    @Test
    void onceTheRecordsAreServedTheCheckPasses() throws Exception {
        knot.replaceRecords("@ A 203.0.113.10\n* A 203.0.113.10\n");

        assertThat(step.confirm(manual, zone, log::add))
                .isEqualTo("your DNS host serves the haven's records; nothing stands in the way of the HTTP-01 check");
    }
}
