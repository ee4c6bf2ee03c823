package org.openhaven.engine.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.http.RestClient;
import org.openhaven.engine.secrets.Secret;

/**
 * Cloudflare DNS against a WireMock fake built from developers.cloudflare.com/api/resources/dns/subresources/records/
 * and developers.cloudflare.com/api/resources/zones/methods/list/; each stub names its operation.
 */
class CloudflareContractIT {

    static final WireMockServer CF = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HavenLabel LABEL = new HavenLabel("demo");
    static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    static final DnsZone ZONE = new DnsZone(ZONE_ID, "example.org");
    static final String RECORDS = "/client/v4/zones/" + ZONE_ID + "/dns_records";

    /** The v4 envelope with result_info (developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/). */
    static String list(String items, int page, int totalPages) {
        return "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": [" + items + "],"
                + " \"result_info\": {\"page\": " + page + ", \"per_page\": 100, \"count\": 1,"
                + " \"total_count\": " + totalPages + ", \"total_pages\": " + totalPages + "}}";
    }

    static String single(String item) {
        return "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": " + item + "}";
    }

    /** dns_records object: id, type, name, content, proxied, ttl, comment. */
    static String record(String id, String type, String name, String content, boolean proxied, String comment) {
        return "{\"id\": \"" + id + "\", \"zone_id\": \"" + ZONE_ID + "\", \"zone_name\": \"example.org\","
                + " \"type\": \"" + type + "\", \"name\": \"" + name + "\", \"content\": \"" + content + "\","
                + " \"proxiable\": true, \"proxied\": " + proxied + ", \"ttl\": 300, \"settings\": {}, \"meta\": {},"
                + " \"comment\": " + (comment == null ? "null" : "\"" + comment + "\"") + ", \"tags\": [],"
                + " \"created_on\": \"2026-01-01T05:20:00.12345Z\", \"modified_on\": \"2026-01-01T05:20:00.12345Z\"}";
    }

    static String error(int code, String message) {
        return "{\"success\": false, \"errors\": [{\"code\": " + code + ", \"message\": \"" + message + "\"}],"
                + " \"messages\": [], \"result\": null}";
    }

    FakeTime time;
    CloudflareDnsProvider cloudflare;

    @BeforeAll
    static void start() {
        CF.start();
    }

    @AfterAll
    static void stop() {
        CF.stop();
    }

    @BeforeEach
    void reset() {
        CF.resetAll();
        time = new FakeTime();
        cloudflare = new CloudflareDnsProvider(new RestClient(URI.create(CF.baseUrl() + "/client/v4"),
                Secret.of("cf-test-token"), new CloudflareErrors(), time, time, time.retry()));
    }

    @Test
    void verifyCredentialsAcceptsAnActiveToken() {
        // /user/tokens/verify (developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/)
        CF.stubFor(get(urlPathEqualTo("/client/v4/user/tokens/verify")).withHeader("Authorization",
                equalTo("Bearer cf-test-token")).willReturn(okJson(single(
                "{\"id\": \"ed17574386854bf78a67040be0a770b0\", \"status\": \"active\"}"))));

        assertThat(cloudflare.verifyCredentials()).contains("active");
    }

    @Test
    void invalidTokenIsAnAuthErrorWithTheDashboardPath() {
        CF.stubFor(get(urlPathEqualTo("/client/v4/user/tokens/verify")).willReturn(aResponse().withStatus(401)
                .withBody(error(1000, "Invalid API Token"))));

        assertThatThrownBy(cloudflare::verifyCredentials).isInstanceOfSatisfying(OpenHavenException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
            assertThat(e.userMessage()).contains("Invalid API Token");
            assertThat(e.remedy()).contains("My Profile → API Tokens").contains("Zone → DNS → Edit");
        });
    }

    @Test
    void findZoneTakesTheLongestMatchingZone() {
        // /zones?name= (zones list)
        CF.stubFor(get(urlPathEqualTo("/client/v4/zones")).withQueryParam("name", equalTo("cloud.example.org"))
                .willReturn(okJson(list("", 1, 0))));
        CF.stubFor(get(urlPathEqualTo("/client/v4/zones")).withQueryParam("name", equalTo("example.org"))
                .willReturn(okJson(list("{\"id\": \"" + ZONE_ID + "\", \"name\": \"example.org\","
                        + " \"status\": \"active\", \"name_servers\": [\"bob.ns.cloudflare.com\","
                        + " \"lola.ns.cloudflare.com\"]}", 1, 1))));

        assertThat(cloudflare.findZone("cloud.example.org")).isEqualTo(ZONE);
    }

    @Test
    void missingZoneSaysHowToAddTheSite() {
        CF.stubFor(get(urlPathEqualTo("/client/v4/zones")).willReturn(okJson(list("", 1, 0))));

        assertThatThrownBy(() -> cloudflare.findZone("example.org")).isInstanceOfSatisfying(OpenHavenException.class,
                e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.remedy()).contains("Add a site");
                });
    }

    @Test
    void upsertCreatesAnUnproxiedRecordMarkedAsTheHavens() {
        // dns_records list filtered by type and name, then create
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list("", 1, 0))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(okJson(single(record("372e67954025e0ba6aaa6d586b9e0b59",
                "A", "cloud.example.org", "203.0.113.10", false, "openhaven=demo")))));

        DnsRecord created = cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org",
                "203.0.113.10"));

        assertThat(created.providerId()).isEqualTo("372e67954025e0ba6aaa6d586b9e0b59");
        CF.verify(postRequestedFor(urlPathEqualTo(RECORDS)).withRequestBody(equalToJson("""
                {"type": "A", "name": "cloud.example.org", "content": "203.0.113.10", "ttl": 300,
                 "proxied": false, "comment": "openhaven=demo"}""")));
    }

    @Test
    void upsertOfAnUnchangedRecordWritesNothing() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list(record("r1", "A", "cloud.example.org",
                "203.0.113.10", false, "openhaven=demo"), 1, 1))));

        cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"));

        CF.verify(0, postRequestedFor(urlPathEqualTo(RECORDS)));
        CF.verify(0, putRequestedFor(urlPathEqualTo(RECORDS + "/r1")));
    }

    @Test
    void upsertUpdatesOurRecordWhenTheAddressChanged() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list(record("r1", "A", "cloud.example.org",
                "198.51.100.1", false, "openhaven=demo"), 1, 1))));
        CF.stubFor(put(urlPathEqualTo(RECORDS + "/r1")).willReturn(okJson(single(record("r1", "A",
                "cloud.example.org", "203.0.113.10", false, "openhaven=demo")))));

        DnsRecord updated = cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org",
                "203.0.113.10"));

        assertThat(updated.content()).isEqualTo("203.0.113.10");
    }

    @Test
    void upsertRefusesToOverwriteARecordTheUserMade() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list(record("u1", "A", "cloud.example.org",
                "198.51.100.77", false, null), 1, 1))));

        assertThatThrownBy(() -> cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org",
                "203.0.113.10"))).isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("198.51.100.77");
                    assertThat(e.remedy()).contains("DNS → Records");
                });
        CF.verify(0, putRequestedFor(urlPathEqualTo(RECORDS + "/u1")));
    }

    @Test
    void upsertOfTxtLeavesTheUsersOtherTxtRecordsAlone() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list(record("u1", "TXT", "example.org",
                "google-site-verification=abc", false, null), 1, 1))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(okJson(single(record("r2", "TXT", "example.org",
                "v=spf1 mx -all", false, "openhaven=demo")))));

        cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("TXT", "example.org", "v=spf1 mx -all"));

        CF.verify(0, putRequestedFor(urlPathEqualTo(RECORDS + "/u1")));
        CF.verify(postRequestedFor(urlPathEqualTo(RECORDS)));
    }

    /**
     * developers.cloudflare.com/api/resources/dns/subresources/records/methods/create/ (MX Record): "priority:
     * Required for MX, SRV and URI records"; the content is the mail server's host name.
     */
    @Test
    void mxIsCreatedWithItsPriorityApartFromTheHost() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list("", 1, 0))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(okJson(single(record("r3", "MX", "example.org",
                "mail.example.org", false, "openhaven=demo").replace("\"ttl\"", "\"priority\": 10, \"ttl\"")))));

        DnsRecord landed = cloudflare.upsert(LABEL, ZONE,
                new DnsRecord("MX", "example.org", "mail.example.org", 300, 10, false, null));

        CF.verify(postRequestedFor(urlPathEqualTo(RECORDS)).withRequestBody(equalToJson("{\"type\": \"MX\", "
                + "\"name\": \"example.org\", \"content\": \"mail.example.org\", \"priority\": 10, \"ttl\": 300, "
                + "\"proxied\": false, \"comment\": \"openhaven=demo\"}")));
        assertThat(landed.priority()).isEqualTo(10);
    }

    /**
     * developers.cloudflare.com/api/resources/dns/subresources/records/methods/create/ (TXT Record): "The content
     * must consist of quoted character strings (RFC 1035), each with a length of up to 255 bytes."
     */
    @Test
    void longDkimTxtIsSentAsQuotedStringsOfAtMost255AndReadBackWhole() {
        String dkim = "v=DKIM1; k=rsa; p=" + "B".repeat(380);
        String quoted = "\"" + dkim.substring(0, 255) + "\" \"" + dkim.substring(255) + "\"";
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list("", 1, 0))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(okJson(single(record("r4", "TXT",
                "mail._domainkey.example.org", quoted.replace("\"", "\\\""), false, "openhaven=demo")))));

        DnsRecord landed = cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("TXT", "mail._domainkey.example.org",
                dkim));

        CF.verify(postRequestedFor(urlPathEqualTo(RECORDS)).withRequestBody(equalToJson("{\"content\": \""
                + quoted.replace("\"", "\\\"") + "\"}", false, true)));
        assertThat(landed.content()).isEqualTo(dkim);
    }

    @Test
    void proxiedRecordIsReportedBeforeCertificatesAreRequested() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("name", equalTo("cloud.example.org"))
                .willReturn(okJson(list(record("u1", "A", "cloud.example.org", "104.16.0.1", true, null), 1, 1))));
        CF.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("name", equalTo("vault.example.org"))
                .willReturn(okJson(list("", 1, 0))));

        List<String> blockers = cloudflare.httpChallengeBlockers(ZONE, List.of("cloud.example.org",
                "vault.example.org"));

        assertThat(blockers).singleElement().asString().startsWith("cloud.example.org").contains("DNS only");
    }

    @Test
    void listOwnedReadsEveryPageAndOnlyMarkedRecords() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("comment.exact", equalTo("openhaven=demo"))
                .withQueryParam("page", equalTo("2")).willReturn(okJson(list(record("r2", "MX", "example.org",
                        "mail.example.org", false, "openhaven=demo"), 2, 2))));
        CF.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("comment.exact", equalTo("openhaven=demo"))
                .atPriority(10).willReturn(okJson(list(record("r1", "A", "cloud.example.org", "203.0.113.10", false,
                        "openhaven=demo") + "," + record("x", "A", "other.example.org", "203.0.113.99", false,
                        "openhaven=other"), 1, 2))));

        assertThat(cloudflare.listOwned(LABEL, ZONE)).extracting(DnsRecord::providerId).containsExactly("r1", "r2");
    }

    @Test
    void deleteOfARecordAlreadyGoneSucceedsButAForbiddenDeleteDoesNot() {
        CF.stubFor(delete(urlPathEqualTo(RECORDS + "/gone")).willReturn(aResponse().withStatus(404)
                .withBody(error(81044, "Record does not exist."))));
        CF.stubFor(delete(urlPathEqualTo(RECORDS + "/locked")).willReturn(aResponse().withStatus(403)
                .withBody(error(10000, "Authentication error"))));

        cloudflare.delete(ZONE, DnsRecord.desired("A", "a.example.org", "203.0.113.1").withProviderId("gone"));
        assertThatThrownBy(() -> cloudflare.delete(ZONE, DnsRecord.desired("A", "b.example.org", "203.0.113.1")
                .withProviderId("locked"))).isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void rateLimitedCreateWaitsForRetryAfterThenSucceeds() {
        CF.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(list("", 1, 0))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).inScenario("rl").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody(error(971, "Please wait and consider throttling your request speed"))));
        CF.stubFor(post(urlPathEqualTo(RECORDS)).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(okJson(single(record("r1", "A", "cloud.example.org", "203.0.113.10", false,
                        "openhaven=demo")))));

        cloudflare.upsert(LABEL, ZONE, DnsRecord.desired("A", "cloud.example.org", "203.0.113.10"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }
}
