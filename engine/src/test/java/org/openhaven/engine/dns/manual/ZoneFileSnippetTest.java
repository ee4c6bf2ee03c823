package org.openhaven.engine.dns.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.dns.DnsRecord;

class ZoneFileSnippetTest {

    @Test
    void rendersFullyQualifiedRecordsInZoneFileSyntax() {
        String snippet = ZoneFileSnippet.render("example.org", List.of(
                DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"),
                new DnsRecord("MX", "example.org", "mail.example.org", 300, 10, false, null),
                DnsRecord.desired("TXT", "_dmarc.example.org", "v=DMARC1; p=quarantine")));

        assertThat(snippet).isEqualTo("""
                ; DNS records for example.org, created by OpenHaven.
                ; Add them at your DNS host exactly as shown (name, TTL, type, value).
                cloud.example.org.     300 IN A     203.0.113.10
                example.org.           300 IN MX    10 mail.example.org.
                _dmarc.example.org.    300 IN TXT   "v=DMARC1; p=quarantine"
                """);
    }

    @Test
    void longTxtValuesAreSplitIntoQuotedStringsOf255() {
        String snippet = ZoneFileSnippet.render("example.org",
                List.of(DnsRecord.desired("TXT", "k._domainkey.example.org", "x".repeat(300))));

        assertThat(snippet).contains("\"" + "x".repeat(255) + "\" \"" + "x".repeat(45) + "\"");
    }

    @Test
    void manualUpsertReplacesAnAddressButKeepsSeveralTxtRecords() {
        ManualDnsProvider manual = new ManualDnsProvider();
        var zone = manual.findZone("Example.org.");
        var label = new org.openhaven.engine.cloud.HavenLabel("demo");

        manual.upsert(label, zone, DnsRecord.desired("A", "cloud.example.org", "198.51.100.1"));
        manual.upsert(label, zone, DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"));
        manual.upsert(label, zone, DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all"));
        manual.upsert(label, zone, DnsRecord.desired("TXT", "example.org", "site-verification=1"));

        assertThat(zone.name()).isEqualTo("example.org");
        assertThat(manual.listOwned(label, zone)).extracting(DnsRecord::content)
                .containsExactly("203.0.113.10", "v=spf1 mx -all", "site-verification=1");
    }
}
