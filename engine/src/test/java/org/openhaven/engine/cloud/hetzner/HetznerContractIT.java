package org.openhaven.engine.cloud.hetzner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.http.RestClient;
import org.openhaven.engine.secrets.Secret;

/**
 * Hetzner Cloud provider against a WireMock fake built from the API reference at
 * docs.hetzner.cloud/reference/cloud; every stub names the section its request and response shapes come from.
 */
class HetznerContractIT {

    static final WireMockServer HETZNER = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HavenLabel LABEL = new HavenLabel("demo");
    static final String SELECTOR = "openhaven=demo";
    static final CloudResource KEY = new CloudResource(ResourceKind.SSH_KEY, "42", "demo-key", Map.of());
    static final CloudResource FIREWALL = new CloudResource(ResourceKind.FIREWALL, "38", "demo-fw", Map.of());
    static final ServerRequest REQUEST = new ServerRequest("demo-server", "fsn1", "cx22", "debian-12",
            "#cloud-config\n", KEY, FIREWALL);

    /** docs.hetzner.cloud/reference/cloud#servers-get-a-server: the Server object. */
    static final String SERVER = """
            {"id": 4711, "name": "demo-server", "status": "%s", "created": "2026-11-24T12:00:00+00:00",
             "labels": {"openhaven": "demo"},
             "public_net": {"ipv4": {"id": 9001, "ip": "203.0.113.10", "blocked": false, "dns_ptr": "static.example"},
                            "ipv6": {"id": 9002, "ip": "2001:db8:1234::/64", "blocked": false, "dns_ptr": []},
                            "floating_ips": [], "firewalls": [{"id": 38, "status": "applied"}]},
             "server_type": {"id": 104, "name": "cx22", "cores": 2, "memory": 4.0, "disk": 40},
             "datacenter": {"id": 4, "name": "fsn1-dc14", "location": {"id": 1, "name": "fsn1", "city": "Falkenstein"}},
             "image": {"id": 114690387, "name": "debian-12"}}""";

    /** docs.hetzner.cloud/reference/cloud#pagination: meta.pagination on every list. */
    static String page(String field, String items, Integer nextPage) {
        return "{\"" + field + "\": [" + items + "], \"meta\": {\"pagination\": {\"page\": 1, \"per_page\": 25,"
                + " \"previous_page\": null, \"next_page\": " + nextPage + ", \"last_page\": 1,"
                + " \"total_entries\": 1}}}";
    }

    /** docs.hetzner.cloud/reference/cloud#errors: the error object. */
    static String error(String code, String message) {
        return "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\", \"details\": {}}}";
    }

    FakeTime time;
    HetznerCloudProvider hetzner;

    @BeforeAll
    static void start() {
        HETZNER.start();
    }

    @AfterAll
    static void stop() {
        HETZNER.stop();
    }

    @BeforeEach
    void reset() {
        HETZNER.resetAll();
        time = new FakeTime();
        hetzner = provider(URI.create(HETZNER.baseUrl() + "/v1"));
    }

    HetznerCloudProvider provider(URI endpoint) {
        RestClient client = new RestClient(endpoint, Secret.of("hetzner-test-token"), new HetznerErrors(), time, time,
                time.retry());
        return new HetznerCloudProvider(client, time.polling());
    }

    void noServersYet() {
        // docs.hetzner.cloud/reference/cloud#servers-list-servers (label_selector and name filters)
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers")).withQueryParam("label_selector", equalTo(SELECTOR))
                .inScenario("server").whenScenarioStateIs(STARTED)
                .willReturn(okJson(page("servers", "", null))));
    }

    @Test
    void ensureServerCreatesALabelledServerWithUserDataKeyAndFirewall() {
        noServersYet();
        // docs.hetzner.cloud/reference/cloud#servers-create-a-server: 201 with server, action, next_actions
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"server\": " + SERVER.formatted("initializing") + ", \"action\": {\"id\": 1,"
                        + " \"command\": \"create_server\", \"status\": \"running\"}, \"next_actions\": [],"
                        + " \"root_password\": null}")));

        CloudResource server = hetzner.ensureServer(LABEL, REQUEST);

        assertThat(server.providerId()).isEqualTo("4711");
        assertThat(server.attribute("ipv4")).isEqualTo("203.0.113.10");
        HETZNER.verify(postRequestedFor(urlPathEqualTo("/v1/servers"))
                .withHeader("Authorization", equalTo("Bearer hetzner-test-token"))
                .withRequestBody(equalToJson("""
                        {"name": "demo-server", "server_type": "cx22", "location": "fsn1", "image": "debian-12",
                         "ssh_keys": [42], "firewalls": [{"firewall": 38}], "user_data": "#cloud-config\\n",
                         "labels": {"openhaven": "demo"},
                         "public_net": {"enable_ipv4": true, "enable_ipv6": true}, "start_after_create": true}""")));
    }

    @Test
    void retriedEnsureServerAfterALostResponseCreatesNoSecondServer() {
        noServersYet();
        // The create is processed but the connection drops before the answer arrives.
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).inScenario("server").whenScenarioStateIs(STARTED)
                .willSetStateTo("created")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers")).withQueryParam("label_selector", equalTo(SELECTOR))
                .inScenario("server").whenScenarioStateIs("created")
                .willReturn(okJson(page("servers", SERVER.formatted("running"), null))));

        assertThatThrownBy(() -> hetzner.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                    assertThat(e.retryable()).isTrue();
                });
        CloudResource server = hetzner.ensureServer(LABEL, REQUEST);

        assertThat(server.providerId()).isEqualTo("4711");
        HETZNER.verify(1, postRequestedFor(urlPathEqualTo("/v1/servers")));
    }

    @Test
    void createServerRetriesAfter429HonouringRetryAfter() {
        noServersYet();
        // docs.hetzner.cloud/reference/cloud#rate-limiting: 429 rate_limit_exceeded with RateLimit-* headers
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willSetStateTo("allowed")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("RateLimit-Limit", "3600").withHeader("RateLimit-Remaining", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody(error("rate_limit_exceeded", "limit of 3600 requests per hour reached"))));
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).inScenario("throttle").whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"server\": " + SERVER.formatted("initializing") + "}")));

        assertThat(hetzner.ensureServer(LABEL, REQUEST).providerId()).isEqualTo("4711");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        HETZNER.verify(2, postRequestedFor(urlPathEqualTo("/v1/servers")));
    }

    @Test
    void createThatFailedWith503IsReportedRetryableWithoutRepeatingThePost() {
        noServersYet();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(503)
                .withBody(error("unavailable", "service temporarily unavailable"))));

        assertThatThrownBy(() -> hetzner.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.PROVIDER_API);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.userMessage()).contains("HTTP 503").contains("POST /servers");
                });
        HETZNER.verify(1, postRequestedFor(urlPathEqualTo("/v1/servers")));
    }

    @Test
    void throttleLongerThanTheInProcessLimitIsLeftToTheCaller() {
        noServersYet();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "600").withBody(error("rate_limit_exceeded", "limit reached"))));

        assertThatThrownBy(() -> hetzner.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.throttled()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
                });
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void rateLimitResetHeaderGivesTheWaitWhenRetryAfterIsAbsent() {
        long reset = time.instant().plusSeconds(12).getEpochSecond();
        HETZNER.stubFor(get(urlPathEqualTo("/v1/locations")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("RateLimit-Reset", Long.toString(reset))
                        .withBody(error("rate_limit_exceeded", "limit reached"))));
        // docs.hetzner.cloud/reference/cloud#locations-list-locations
        HETZNER.stubFor(get(urlPathEqualTo("/v1/locations")).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(okJson(page("locations", """
                        {"id": 1, "name": "fsn1", "description": "Falkenstein DC Park 1", "country": "DE",
                         "city": "Falkenstein", "network_zone": "eu-central"}""", null))));

        assertThat(hetzner.regions()).extracting(r -> r.id() + "/" + r.country()).containsExactly("fsn1/DE");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void rejectedTokenIsAnAuthErrorWithTheConsolePathAndNeverAnEmptyList() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(error("unauthorized", "unable to authenticate"))));

        assertThatThrownBy(() -> hetzner.listOwned(LABEL))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("Hetzner Cloud token is invalid")
                            .contains("unauthorized").doesNotContain("hetzner-test-token");
                    assertThat(e.remedy()).contains("Security → API tokens").contains("Read & Write");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void destroyWithAForbiddenTokenThrowsAuthInsteadOfTreatingTheServerAsGone() {
        HETZNER.stubFor(delete(urlPathEqualTo("/v1/servers/4711")).willReturn(aResponse().withStatus(403)
                .withBody(error("forbidden", "insufficient permissions"))));
        CloudResource server = new CloudResource(ResourceKind.SERVER, "4711", "demo-server", Map.of());

        assertThatThrownBy(() -> hetzner.destroy(server))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void readOnlyTokenIsReportedAsSuch() {
        noServersYet();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(403)
                .withBody(error("token_readonly", "The token is read-only"))));

        assertThatThrownBy(() -> hetzner.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("read-only");
                });
    }

    @Test
    void reachedProjectLimitIsAQuotaErrorSayingWhatToDo() {
        noServersYet();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/servers")).willReturn(aResponse().withStatus(403)
                .withBody(error("resource_limit_exceeded", "server limit exceeded"))));

        assertThatThrownBy(() -> hetzner.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA);
                    assertThat(e.remedy()).contains("Request limit increase");
                });
    }

    @Test
    void serverErrorsOnReadsAreRetriedThenSucceed() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/pricing")).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503)
                        .withBody(error("unavailable", "service unavailable"))));
        // docs.hetzner.cloud/reference/cloud#pricing-get-all-prices: pricing.primary_ips[].prices[]
        HETZNER.stubFor(get(urlPathEqualTo("/v1/pricing")).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson("""
                        {"pricing": {"currency": "EUR", "vat_rate": "19.000000",
                          "primary_ips": [
                            {"type": "ipv4", "prices": [
                              {"location": "fsn1", "price_hourly": {"net": "0.0008", "gross": "0.000952"},
                               "price_monthly": {"net": "0.5000000000", "gross": "0.5950000000"}}]},
                            {"type": "ipv6", "prices": [
                              {"location": "fsn1", "price_hourly": {"net": "0.0000", "gross": "0.0000"},
                               "price_monthly": {"net": "0.0000000000", "gross": "0.0000000000"}}]}]}}""")));

        assertThat(hetzner.monthlyIpPrice()).isEqualByComparingTo(new BigDecimal("0.60"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void serverTypesFollowPaginationAndQuoteGrossMonthlyPrices() {
        // docs.hetzner.cloud/reference/cloud#server-types-list-server-types
        String cx22 = """
                {"id": 104, "name": "cx22", "description": "CX22", "cores": 2, "memory": 4.0, "disk": 40,
                 "deprecated": false, "deprecation": null, "architecture": "x86", "cpu_type": "shared",
                 "prices": [{"location": "fsn1", "price_hourly": {"net": "0.006", "gross": "0.00714"},
                             "price_monthly": {"net": "3.7900000000", "gross": "4.5101000000"}}]}""";
        String cx11 = """
                {"id": 1, "name": "cx11", "description": "CX11", "cores": 1, "memory": 2.0, "disk": 20,
                 "deprecated": true, "deprecation": {"announced": "2024-01-01T00:00:00+00:00",
                 "unavailable_after": "2024-04-01T00:00:00+00:00"}, "prices": []}""";
        String cpx31 = """
                {"id": 9, "name": "cpx31", "description": "CPX 31", "cores": 4, "memory": 8.0, "disk": 160,
                 "deprecated": false, "deprecation": null,
                 "prices": [{"location": "nbg1", "price_hourly": {"net": "0.0224", "gross": "0.0267"},
                             "price_monthly": {"net": "13.1000000000", "gross": "15.5890000000"}}]}""";
        HETZNER.stubFor(get(urlPathEqualTo("/v1/server_types")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page("server_types", cpx31, null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/server_types")).atPriority(10)
                .willReturn(okJson(page("server_types", cx22 + "," + cx11, 2))));

        List<ServerType> types = hetzner.serverTypes();

        assertThat(types).extracting(ServerType::id).containsExactly("cx22", "cpx31");
        assertThat(types.get(0).memoryMb()).isEqualTo(4096);
        assertThat(types.get(0).monthlyPrice()).isEqualByComparingTo(new BigDecimal("4.51"));
        assertThat(types.get(1).regions()).containsExactly("nbg1");
    }

    @Test
    void ensureReservedIpKeepsTheServersPrimaryIpv4BeyondTheServer() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/primary_ips")).willReturn(okJson(page("primary_ips", "", null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers/4711"))
                .willReturn(okJson("{\"server\": " + SERVER.formatted("running") + "}")));
        // docs.hetzner.cloud/reference/cloud#primary-ips-update-a-primary-ip
        HETZNER.stubFor(put(urlPathEqualTo("/v1/primary_ips/9001")).willReturn(okJson("""
                {"primary_ip": {"id": 9001, "name": "demo-ip", "ip": "203.0.113.10", "type": "ipv4",
                 "assignee_id": 4711, "assignee_type": "server", "auto_delete": false,
                 "labels": {"openhaven": "demo"}}}""")));

        CloudResource ip = hetzner.ensureReservedIp(LABEL, "demo-ip",
                new CloudResource(ResourceKind.SERVER, "4711", "demo-server", Map.of()));

        assertThat(ip.attribute("ipv4")).isEqualTo("203.0.113.10");
        HETZNER.verify(putRequestedFor(urlPathEqualTo("/v1/primary_ips/9001")).withRequestBody(equalToJson(
                "{\"name\": \"demo-ip\", \"labels\": {\"openhaven\": \"demo\"}, \"auto_delete\": false}")));
    }

    @Test
    void ensureFirewallFindsTheLabelledOneInsteadOfCreatingAnother() {
        // docs.hetzner.cloud/reference/cloud#firewalls-list-firewalls
        HETZNER.stubFor(get(urlPathEqualTo("/v1/firewalls")).withQueryParam("label_selector", equalTo(SELECTOR))
                .withQueryParam("name", equalTo("demo-fw")).willReturn(okJson(page("firewalls", """
                        {"id": 38, "name": "demo-fw", "labels": {"openhaven": "demo"}, "applied_to": [],
                         "rules": [{"direction": "in", "protocol": "tcp", "port": "22",
                                    "source_ips": ["0.0.0.0/0", "::/0"], "destination_ips": [],
                                    "description": "ssh"}]}""", null))));

        CloudResource firewall = hetzner.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(22, "ssh")));

        assertThat(firewall.providerId()).isEqualTo("38");
        HETZNER.verify(0, postRequestedFor(urlPathEqualTo("/v1/firewalls")));
    }

    @Test
    void ensureFirewallCreatesDefaultDenyRulesForEachOpening() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/firewalls")).willReturn(okJson(page("firewalls", "", null))));
        // docs.hetzner.cloud/reference/cloud#firewalls-create-a-firewall
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"firewall\": {\"id\": 38, \"name\": \"demo-fw\", \"labels\": {\"openhaven\": \"demo\"},"
                        + " \"rules\": []}, \"actions\": []}")));

        hetzner.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(443, "https"),
                FirewallRule.udp(51820, "wireguard")));

        HETZNER.verify(postRequestedFor(urlPathEqualTo("/v1/firewalls"))
                .withRequestBody(matchingJsonPath("$.rules[0].port", equalTo("443")))
                .withRequestBody(matchingJsonPath("$.rules[1].protocol", equalTo("udp")))
                .withRequestBody(matchingJsonPath("$.labels.openhaven", equalTo("demo"))));
    }

    /** docs.hetzner.cloud/reference/cloud#firewalls-get-all-firewalls: our firewall with SSH, HTTP and HTTPS open. */
    static final String WEB_FIREWALL = """
            {"id": 38, "name": "demo-fw", "labels": {"openhaven": "demo"}, "created": "2026-11-24T12:00:00+00:00",
             "applied_to": [{"type": "server", "server": {"id": 4711}}],
             "rules": [
               {"direction": "in", "protocol": "tcp", "port": "443", "source_ips": ["0.0.0.0/0", "::/0"],
                "destination_ips": [], "description": "HTTPS"},
               {"direction": "in", "protocol": "tcp", "port": "22", "source_ips": ["::/0", "0.0.0.0/0"],
                "destination_ips": [], "description": "SSH"},
               {"direction": "in", "protocol": "tcp", "port": "80", "source_ips": ["0.0.0.0/0", "::/0"],
                "destination_ips": [], "description": "HTTP (ACME, redirect)"}]}""";

    static final List<FirewallRule> WEB_RULES = List.of(FirewallRule.tcp(22, "SSH"),
            FirewallRule.tcp(80, "HTTP (ACME, redirect)"), FirewallRule.tcp(443, "HTTPS"));

    static final List<FirewallRule> WEB_AND_GIT_RULES = List.of(FirewallRule.tcp(22, "SSH"),
            FirewallRule.tcp(80, "HTTP (ACME, redirect)"), FirewallRule.tcp(443, "HTTPS"),
            FirewallRule.tcp(2222, "git over SSH"));

    /**
     * docs.hetzner.cloud/reference/cloud#firewall-actions-set-rules: 201 with the actions it started
     * (set_firewall_rules, then apply_firewall for each resource the firewall is applied to).
     */
    static final String SET_RULES_STARTED = """
            {"actions": [
              {"id": 13, "command": "set_firewall_rules", "status": "running", "progress": 0,
               "started": "2026-11-24T12:00:00+00:00", "finished": null,
               "resources": [{"id": 38, "type": "firewall"}], "error": null},
              {"id": 14, "command": "apply_firewall", "status": "success", "progress": 100,
               "started": "2026-11-24T12:00:00+00:00", "finished": "2026-11-24T12:00:01+00:00",
               "resources": [{"id": 38, "type": "firewall"}, {"id": 4711, "type": "server"}], "error": null}]}""";

    /** docs.hetzner.cloud/reference/cloud#actions-get-an-action. */
    static String action(long id, String status, String error) {
        return "{\"action\": " + actionObject(id, status, error) + "}";
    }

    static String actionObject(long id, String status, String error) {
        return "{\"id\": " + id + ", \"command\": \"set_firewall_rules\", \"status\": \"" + status
                + "\", \"progress\": " + ("running".equals(status) ? 50 : 100) + ", \"started\": "
                + "\"2026-11-24T12:00:00+00:00\", \"finished\": null, \"resources\": [{\"id\": 38, \"type\": "
                + "\"firewall\"}], \"error\": " + (error == null ? "null" : error) + "}";
    }

    void existingWebFirewall() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/firewalls")).withQueryParam("label_selector", equalTo(SELECTOR))
                .withQueryParam("name", equalTo("demo-fw")).willReturn(okJson(page("firewalls", WEB_FIREWALL, null))));
    }

    @Test
    void ensureFirewallReplacesChangedRulesWithOneSetRulesActionAndWaitsForIt() {
        existingWebFirewall();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(SET_RULES_STARTED)));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/actions/13")).inScenario("rules").whenScenarioStateIs(STARTED)
                .willSetStateTo("applied").willReturn(okJson(action(13, "running", null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/actions/13")).inScenario("rules").whenScenarioStateIs("applied")
                .willReturn(okJson(action(13, "success", null))));

        CloudResource firewall = hetzner.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(firewall.providerId()).isEqualTo("38");
        HETZNER.verify(1, postRequestedFor(urlPathEqualTo("/v1/firewalls/38/actions/set_rules"))
                .withHeader("Authorization", equalTo("Bearer hetzner-test-token"))
                .withRequestBody(equalToJson("""
                        {"rules": [
                          {"direction": "in", "protocol": "tcp", "port": "22", "source_ips": ["0.0.0.0/0", "::/0"],
                           "description": "SSH"},
                          {"direction": "in", "protocol": "tcp", "port": "80", "source_ips": ["0.0.0.0/0", "::/0"],
                           "description": "HTTP (ACME, redirect)"},
                          {"direction": "in", "protocol": "tcp", "port": "443", "source_ips": ["0.0.0.0/0", "::/0"],
                           "description": "HTTPS"},
                          {"direction": "in", "protocol": "tcp", "port": "2222", "source_ips": ["0.0.0.0/0", "::/0"],
                           "description": "git over SSH"}]}""")));
        HETZNER.verify(2, getRequestedFor(urlPathEqualTo("/v1/actions/13")));
        HETZNER.verify(0, getRequestedFor(urlPathEqualTo("/v1/actions/14")));
        HETZNER.verify(0, postRequestedFor(urlPathEqualTo("/v1/firewalls")));
    }

    @Test
    void ensureFirewallWithTheSameRulesInAnotherOrderSendsNoUpdate() {
        existingWebFirewall();

        hetzner.ensureFirewall(LABEL, "demo-fw", WEB_RULES);

        HETZNER.verify(0, postRequestedFor(urlPathMatching("/v1/firewalls.*")));
    }

    @Test
    void ensureFirewallRemovesAnOpeningNoLongerWanted() {
        existingWebFirewall();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"actions\": [" + actionObject(13, "success", null) + "]}")));

        hetzner.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(22, "SSH"), FirewallRule.tcp(443, "HTTPS")));

        HETZNER.verify(1, postRequestedFor(urlPathEqualTo("/v1/firewalls/38/actions/set_rules"))
                .withRequestBody(matchingJsonPath("$.rules.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.rules[1].port", equalTo("443"))));
        HETZNER.verify(0, getRequestedFor(urlPathMatching("/v1/actions/.*")));
    }

    @Test
    void setRulesWithAForbiddenTokenIsTheTokenMessage() {
        existingWebFirewall();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody(error("forbidden", "insufficient permissions for this request"))));

        assertThatThrownBy(() -> hetzner.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("Hetzner Cloud token").contains("set_rules")
                            .doesNotContain("hetzner-test-token");
                    assertThat(e.remedy()).contains("Security → API tokens").contains("Read & Write");
                    assertThat(e.retryable()).isFalse();
                });
        HETZNER.verify(1, postRequestedFor(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")));
    }

    @Test
    void setRulesRetriesAfter429HonouringRetryAfter() {
        existingWebFirewall();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).inScenario("throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("allowed")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")
                        .withHeader("Content-Type", "application/json")
                        .withBody(error("rate_limit_exceeded", "limit of 3600 requests per hour reached"))));
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).inScenario("throttle")
                .whenScenarioStateIs("allowed").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"actions\": []}")));

        hetzner.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
        HETZNER.verify(2, postRequestedFor(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")));
    }

    @Test
    void setRulesActionThatFailsIsReportedNamingTheFirewall() {
        existingWebFirewall();
        HETZNER.stubFor(post(urlPathEqualTo("/v1/firewalls/38/actions/set_rules")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(SET_RULES_STARTED)));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/actions/13")).willReturn(okJson(action(13, "error",
                "{\"code\": \"action_failed\", \"message\": \"Action failed\"}"))));

        assertThatThrownBy(() -> hetzner.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.PROVIDER_API);
                    assertThat(e.userMessage()).contains("set_firewall_rules").contains("action_failed")
                            .contains("demo-fw");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void waitUntilRunningPollsUntilTheServerRuns() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers/4711")).inScenario("boot").whenScenarioStateIs(STARTED)
                .willSetStateTo("running")
                .willReturn(okJson("{\"server\": " + SERVER.formatted("initializing") + "}")));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers/4711")).inScenario("boot").whenScenarioStateIs("running")
                .willReturn(okJson("{\"server\": " + SERVER.formatted("running") + "}")));

        CloudResource running = hetzner.waitUntilRunning(
                new CloudResource(ResourceKind.SERVER, "4711", "demo-server", Map.of()), Duration.ofMinutes(5));

        assertThat(running.attribute("status")).isEqualTo("running");
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void waitUntilRunningNamesTheServerWhenTheDeadlinePasses() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers/4711"))
                .willReturn(okJson("{\"server\": " + SERVER.formatted("initializing") + "}")));

        assertThatThrownBy(() -> hetzner.waitUntilRunning(
                new CloudResource(ResourceKind.SERVER, "4711", "demo-server", Map.of()), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("demo-server").contains("30 s"));
    }

    @Test
    void destroyTreatsAnAlreadyDeletedResourceAsSuccess() {
        HETZNER.stubFor(delete(urlPathEqualTo("/v1/ssh_keys/42")).willReturn(aResponse().withStatus(404)
                .withBody(error("not_found", "ssh_key with ID '42' not found"))));

        hetzner.destroy(KEY);

        HETZNER.verify(deleteRequestedFor(urlPathEqualTo("/v1/ssh_keys/42")));
    }

    @Test
    void listOwnedFindsEveryLabelledResourceKind() {
        HETZNER.stubFor(get(urlPathEqualTo("/v1/servers")).withQueryParam("label_selector", equalTo(SELECTOR))
                .willReturn(okJson(page("servers", SERVER.formatted("running"), null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/primary_ips")).withQueryParam("label_selector", equalTo(SELECTOR))
                .willReturn(okJson(page("primary_ips", "{\"id\": 9001, \"name\": \"demo-ip\", \"ip\": \"203.0.113.10\","
                        + " \"assignee_id\": 4711}", null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/firewalls")).withQueryParam("label_selector", equalTo(SELECTOR))
                .willReturn(okJson(page("firewalls", "{\"id\": 38, \"name\": \"demo-fw\", \"rules\": []}", null))));
        HETZNER.stubFor(get(urlPathEqualTo("/v1/ssh_keys")).withQueryParam("label_selector", equalTo(SELECTOR))
                .willReturn(okJson(page("ssh_keys", "{\"id\": 42, \"name\": \"demo-key\","
                        + " \"fingerprint\": \"b7:2f\"}", null))));

        assertThat(hetzner.listOwned(LABEL)).extracting(CloudResource::kind).containsExactly(
                ResourceKind.SERVER, ResourceKind.IP, ResourceKind.FIREWALL, ResourceKind.SSH_KEY);
    }

    @Test
    void unreachableApiIsANetworkErrorNamingTheEndpoint() {
        HetznerCloudProvider offline = provider(URI.create("http://127.0.0.1:1/v1"));

        assertThatThrownBy(offline::verifyCredentials)
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                    assertThat(e.userMessage()).contains("http://127.0.0.1:1/v1");
                });
    }
}
