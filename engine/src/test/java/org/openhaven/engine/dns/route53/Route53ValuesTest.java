package org.openhaven.engine.dns.route53;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhaven.engine.dns.DnsRecord;

class Route53ValuesTest {

    @Test
    void txtValuesAreQuotedAndSplitAt255Characters() {
        String key = "v=DKIM1; k=rsa; p=" + "A".repeat(300);

        String value = Route53Values.value(DnsRecord.desired("TXT", "mail._domainkey.example.org", key));

        assertThat(value).startsWith("\"v=DKIM1; k=rsa; p=AAA").contains("\" \"").endsWith("AAA\"");
        assertThat(Route53Values.unquoteTxt(value)).isEqualTo(key);
    }

    @Test
    void quotesInsideTxtAreEscaped() {
        assertThat(Route53Values.quoteTxt("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Route53Values.unquoteTxt("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
    }

    @Test
    void mxValuesCarryThePriorityAndReadBackWithoutTheTrailingDot() {
        DnsRecord mx = new DnsRecord("MX", "example.org", "mail.example.org", 300, 10, false, null);

        assertThat(Route53Values.value(mx)).isEqualTo("10 mail.example.org");
        DnsRecord read = Route53Values.record("MX", "example.org.", 300, "10 mail.example.org.", "id");
        assertThat(read.sameAs(mx)).isTrue();
        assertThat(read.priority()).isEqualTo(10);
    }

    @Test
    void namesAreNormalisedIncludingTheEscapedWildcard() {
        assertThat(Route53Values.normalise("\\052.Example.ORG.")).isEqualTo("*.example.org");
    }

    @Test
    void fingerprintsDifferWhenContentDiffers() {
        assertThat(Route53Values.fingerprint(DnsRecord.desired("A", "a.example.org", "203.0.113.1")))
                .hasSize(16)
                .isNotEqualTo(Route53Values.fingerprint(DnsRecord.desired("A", "a.example.org", "203.0.113.2")));
    }
}
