package org.openhaven.engine.dns.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.http.Polling;

/** DNS verification and the manual provider's zone-file snippet against a real Knot DNS server. */
class DnsVerificationKnotIT {

    static final String BASE = "cloud A 203.0.113.10\nwww CNAME cloud\n";

    @TempDir
    static Path dir;
    static KnotServer knot;

    @BeforeAll
    static void start() throws Exception {
        knot = new KnotServer(dir, "example.org", BASE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (knot != null) {
            knot.close();
        }
    }

    static DnsVerifier verifier(Polling polling) {
        return new DnsVerifier(List.of(knot.address()), Duration.ofSeconds(2), polling);
    }

    @Test
    void checkNamesMissingAndWrongRecords() {
        List<RecordCheck> checks = verifier(new FakeTime().polling()).check(List.of(
                DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"),
                DnsRecord.desired("CNAME", "www.example.org", "cloud.example.org"),
                DnsRecord.desired("A", "vault.example.org", "203.0.113.10"),
                DnsRecord.desired("CNAME", "www.example.org", "elsewhere.example.net")));

        assertThat(checks).extracting(RecordCheck::ok).containsExactly(true, true, false, false);
        assertThat(checks.get(2).describe()).isEqualTo(
                "vault.example.org A: expected 203.0.113.10, but no such record exists yet");
        assertThat(checks.get(3).describe()).isEqualTo(
                "www.example.org CNAME: expected elsewhere.example.net, found cloud.example.org");
    }

    @Test
    void awaitAllGivesUpAtTheDeadlineNamingTheMissingRecord() {
        FakeTime time = new FakeTime();

        assertThatThrownBy(() -> verifier(time.polling()).awaitAll(List.of(
                DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"),
                DnsRecord.desired("A", "git.example.org", "203.0.113.10")), Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("git.example.org A: expected 203.0.113.10")
                            .doesNotContain("cloud.example.org A");
                });
    }

    @Test
    void manualRecordsPastedAsTheSnippetAreServedAndVerified() throws Exception {
        ManualDnsProvider manual = new ManualDnsProvider();
        HavenLabel label = new HavenLabel("demo");
        DnsZone zone = manual.findZone("example.org");
        String dkim = "v=DKIM1; k=rsa; p=" + "M".repeat(380);
        manual.upsert(label, zone, DnsRecord.desired("A", "mail.example.org", "203.0.113.10"));
        manual.upsert(label, zone, DnsRecord.desired("AAAA", "mail.example.org", "2001:db8:0:0::10"));
        manual.upsert(label, zone, new DnsRecord("MX", "example.org", "mail.example.org", 300, 10, false, null));
        manual.upsert(label, zone, DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all"));
        manual.upsert(label, zone, DnsRecord.desired("TXT", "mail._domainkey.example.org", dkim));
        String snippet = manual.snippet(zone);
        FakeTime time = new FakeTime();
        // The user pastes the snippet at their DNS host while OpenHaven waits: simulated at the first poll.
        Polling polling = new Polling(time, duration -> {
            time.sleep(duration);
            if (time.sleeps().size() == 1) {
                try {
                    knot.replaceRecords(BASE + snippet);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, Duration.ofSeconds(2), Duration.ofSeconds(10));

        manual.awaitPublished(verifier(polling), Duration.ofMinutes(10));

        assertThat(time.sleeps()).hasSize(1);
        knot.replaceRecords(BASE);
    }

    @Test
    void authoritativeServersAreFoundFromTheZonesNsRecords() {
        DnsVerifier discovered = DnsVerifier.forZone("example.org", knot.address(), knot.port(), Duration.ofSeconds(2),
                new FakeTime().polling());

        assertThat(discovered.check(List.of(DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"))))
                .allMatch(RecordCheck::ok);
    }
}
