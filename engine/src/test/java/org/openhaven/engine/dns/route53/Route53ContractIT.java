package org.openhaven.engine.dns.route53;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.aws.AwsClients;
import org.openhaven.engine.cloud.aws.AwsCredentials;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Route53 through the real AWS SDK v2 against WireMock stubs of the Route53 REST XML API, shaped after
 * docs.aws.amazon.com/Route53/latest/APIReference/ (API_ListHostedZones.html, API_ListResourceRecordSets.html,
 * API_ChangeResourceRecordSets.html; errors from API_ChangeResourceRecordSets.html#API_ChangeResourceRecordSets_Errors).
 */
class Route53ContractIT {

    static final WireMockServer R53 = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    static final HavenLabel LABEL = new HavenLabel("demo");
    static final DnsZone ZONE = new DnsZone("Z1D633PJN98FT9", "example.org");
    static final String RRSET = "/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset/?";

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static String sets(String... sets) {
        return "<ListResourceRecordSetsResponse " + NS + "><ResourceRecordSets>" + String.join("", sets)
                + "</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>"
                + "</ListResourceRecordSetsResponse>";
    }

    static String set(String name, String type, String... values) {
        StringBuilder records = new StringBuilder();
        for (String value : values) {
            records.append("<ResourceRecord><Value>").append(value.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</Value></ResourceRecord>");
        }
        return "<ResourceRecordSet><Name>" + name + "</Name><Type>" + type + "</Type><TTL>300</TTL>"
                + "<ResourceRecords>" + records + "</ResourceRecords></ResourceRecordSet>";
    }

    static final String CHANGED = "<ChangeResourceRecordSetsResponse " + NS + "><ChangeInfo><Id>/change/C2682N5HXP0BZ4"
            + "</Id><Status>PENDING</Status><SubmittedAt>2026-11-24T12:00:00.000Z</SubmittedAt></ChangeInfo>"
            + "</ChangeResourceRecordSetsResponse>";

    Route53Client client;
    Route53DnsProvider route53;

    @BeforeAll
    static void start() {
        R53.start();
    }

    @AfterAll
    static void stop() {
        R53.stop();
    }

    @BeforeEach
    void reset() {
        R53.resetAll();
        client = AwsClients.route53(URI.create(R53.baseUrl()),
                AwsCredentials.fromVault(Secret.of("AKIAEXAMPLE"), Secret.of("aws-test-secret")));
        route53 = new Route53DnsProvider(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    void rrset(String name, String type, String body) {
        R53.stubFor(get(urlPathMatching(RRSET)).withQueryParam("name", equalTo(name))
                .withQueryParam("type", equalTo(type)).willReturn(xml(body)));
    }

    String changeBody() {
        return R53.findAll(postRequestedFor(urlPathMatching(RRSET))).get(0).getBodyAsString();
    }

    @Test
    void findZoneTakesTheLongestPublicZone() {
        R53.stubFor(get(urlPathEqualTo("/2013-04-01/hostedzone")).willReturn(xml("<ListHostedZonesResponse " + NS
                + "><HostedZones>"
                + "<HostedZone><Id>/hostedzone/ZORG</Id><Name>org.</Name><CallerReference>a</CallerReference>"
                + "<Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>2</ResourceRecordSetCount>"
                + "</HostedZone>"
                + "<HostedZone><Id>/hostedzone/ZPRIV</Id><Name>example.org.</Name><CallerReference>b</CallerReference>"
                + "<Config><PrivateZone>true</PrivateZone></Config><ResourceRecordSetCount>2</ResourceRecordSetCount>"
                + "</HostedZone>"
                + "<HostedZone><Id>/hostedzone/Z1D633PJN98FT9</Id><Name>example.org.</Name>"
                + "<CallerReference>c</CallerReference><Config><PrivateZone>false</PrivateZone></Config>"
                + "<ResourceRecordSetCount>4</ResourceRecordSetCount></HostedZone>"
                + "</HostedZones><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesResponse>")));

        assertThat(route53.findZone("cloud.example.org")).isEqualTo(ZONE);
    }

    @Test
    void upsertWritesTheRecordAndItsOwnershipMarkerInOneBatch() {
        rrset("cloud.example.org", "A", sets());
        rrset("_openhaven-demo.example.org", "TXT", sets());
        R53.stubFor(post(urlPathMatching(RRSET)).willReturn(xml(CHANGED)));

        DnsRecord written = route53.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"));

        assertThat(written.providerId()).isEqualTo("demo A cloud.example.org");
        String body = changeBody();
        assertThat(body).contains("<Action>UPSERT</Action>")
                .contains("<Name>cloud.example.org</Name><Type>A</Type><TTL>300</TTL>")
                .contains("<Value>203.0.113.10</Value>")
                .contains("<Name>_openhaven-demo.example.org</Name><Type>TXT</Type>")
                .contains("&quot;A cloud.example.org "
                        + Route53Values.fingerprint(DnsRecord.desired("A", "cloud.example.org", "203.0.113.10")));
        R53.verify(1, postRequestedFor(urlPathMatching(RRSET)));
    }

    @Test
    void upsertKeepsTheUsersOwnTxtValuesInTheSameSet() {
        rrset("example.org", "TXT", sets(set("example.org.", "TXT", "\"google-site-verification=abc\"")));
        rrset("_openhaven-demo.example.org", "TXT", sets());
        R53.stubFor(post(urlPathMatching(RRSET)).willReturn(xml(CHANGED)));

        route53.upsert(LABEL, ZONE, DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all"));

        assertThat(changeBody()).contains("<Value>&quot;google-site-verification=abc&quot;</Value>")
                .contains("<Value>&quot;v=spf1 mx -all&quot;</Value>");
    }

    /**
     * docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#TXTFormat: "A single string can
     * include up to 255 characters"; a longer value is several quoted strings in one ResourceRecord Value.
     */
    @Test
    void upsertOfADkimKeyLongerThan255SendsOneValueOfQuotedStringsOfAtMost255() {
        String dkim = "v=DKIM1; k=rsa; p=" + "A".repeat(380);
        rrset("mail._domainkey.example.org", "TXT", sets());
        rrset("_openhaven-demo.example.org", "TXT", sets());
        R53.stubFor(post(urlPathMatching(RRSET)).willReturn(xml(CHANGED)));

        route53.upsert(LABEL, ZONE, DnsRecord.desired("TXT", "mail._domainkey.example.org", dkim));

        assertThat(changeBody()).contains("<Name>mail._domainkey.example.org</Name><Type>TXT</Type>")
                .contains("<Value>&quot;" + dkim.substring(0, 255) + "&quot; &quot;" + dkim.substring(255)
                        + "&quot;</Value>");
    }

    /** API_ResourceRecord.html: an MX value is "priority mail-host", e.g. {@code 10 mail.example.com}. */
    @Test
    void upsertOfMxSendsPriorityAndHostInOneValue() {
        rrset("example.org", "MX", sets());
        rrset("_openhaven-demo.example.org", "TXT", sets());
        R53.stubFor(post(urlPathMatching(RRSET)).willReturn(xml(CHANGED)));

        route53.upsert(LABEL, ZONE, new DnsRecord("MX", "example.org", "mail.example.org", 300, 10, false, null));

        assertThat(changeBody()).contains("<Name>example.org</Name><Type>MX</Type>")
                .contains("<Value>10 mail.example.org</Value>");
    }

    @Test
    void upsertRefusesToReplaceAnAddressTheUserMade() {
        rrset("cloud.example.org", "A", sets(set("cloud.example.org.", "A", "198.51.100.77")));
        rrset("_openhaven-demo.example.org", "TXT", sets());

        assertThatThrownBy(() -> route53.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org",
                "203.0.113.10"))).isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("198.51.100.77");
                });
        R53.verify(0, postRequestedFor(urlPathMatching(RRSET)));
    }

    @Test
    void listOwnedReturnsOnlyValuesNamedInTheMarker() {
        DnsRecord spf = DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all");
        rrset("_openhaven-demo.example.org", "TXT", sets(set("_openhaven-demo.example.org.", "TXT",
                "\"TXT example.org " + Route53Values.fingerprint(spf) + "\"")));
        rrset("example.org", "TXT", sets(set("example.org.", "TXT", "\"google-site-verification=abc\"",
                "\"v=spf1 mx -all\"")));

        List<DnsRecord> owned = route53.listOwned(LABEL, ZONE);

        assertThat(owned).singleElement().satisfies(r -> assertThat(r.sameAs(spf)).isTrue());
    }

    @Test
    void deleteRemovesOurValueAndTheMarkerAtomically() {
        DnsRecord spf = DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all").withProviderId("demo TXT example.org");
        rrset("_openhaven-demo.example.org", "TXT", sets(set("_openhaven-demo.example.org.", "TXT",
                "\"TXT example.org " + Route53Values.fingerprint(spf) + "\"")));
        rrset("example.org", "TXT", sets(set("example.org.", "TXT", "\"google-site-verification=abc\"",
                "\"v=spf1 mx -all\"")));
        R53.stubFor(post(urlPathMatching(RRSET)).willReturn(xml(CHANGED)));

        route53.delete(ZONE, spf);

        String body = changeBody();
        assertThat(body).contains("<Action>UPSERT</Action>").contains("google-site-verification=abc")
                .doesNotContain("<Value>&quot;v=spf1 mx -all&quot;</Value>")
                .contains("<Action>DELETE</Action>").contains("<Name>_openhaven-demo.example.org.</Name>");
        R53.verify(1, postRequestedFor(urlPathMatching(RRSET)));
    }

    @Test
    void deleteOfARecordAlreadyGoneChangesNothing() {
        rrset("_openhaven-demo.example.org", "TXT", sets());
        rrset("cloud.example.org", "A", sets());

        route53.delete(ZONE, DnsRecord.desired("A", "cloud.example.org", "203.0.113.10")
                .withProviderId("demo A cloud.example.org"));

        R53.verify(0, postRequestedFor(urlPathMatching(RRSET)));
    }

    @Test
    void accessDeniedIsAnAuthErrorNamingTheIamActions() {
        R53.stubFor(get(urlPathMatching(RRSET)).willReturn(aResponse().withStatus(403).withHeader("Content-Type",
                "text/xml").withBody("<ErrorResponse " + NS + "><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                + "<Message>User is not authorized to perform: route53:ListResourceRecordSets</Message></Error>"
                + "<RequestId>8a3f0d2e-example</RequestId></ErrorResponse>")));

        assertThatThrownBy(() -> route53.listOwned(LABEL, ZONE)).isInstanceOfSatisfying(OpenHavenException.class,
                e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.remedy()).contains("route53:ChangeResourceRecordSets");
                });
    }
}
