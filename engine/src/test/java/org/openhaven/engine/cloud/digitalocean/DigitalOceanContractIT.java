package org.openhaven.engine.cloud.digitalocean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;

/**
 * DigitalOcean provider against a WireMock fake built from the API reference at
 * docs.digitalocean.com/reference/api/api-reference/; every stub names the operation it follows.
 */
class DigitalOceanContractIT {

    static final WireMockServer DO = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HavenLabel LABEL = new HavenLabel("demo");
    static final CloudResource KEY = new CloudResource(ResourceKind.SSH_KEY, "512189", "demo-key", Map.of());
    static final ServerRequest REQUEST = new ServerRequest("demo-server", "fra1", "s-2vcpu-4gb", "debian-12",
            "#cloud-config\n", KEY, null);

    /** #operation/droplets_get: the droplet object. */
    static final String DROPLET = """
            {"id": 3164444, "name": "demo-server", "memory": 4096, "vcpus": 2, "disk": 80, "status": "%s",
             "size_slug": "s-2vcpu-4gb", "region": {"slug": "fra1", "name": "Frankfurt 1"},
             "networks": {"v4": [{"ip_address": "10.135.0.5", "netmask": "255.255.0.0", "gateway": "10.135.0.1",
                                  "type": "private"},
                                 {"ip_address": "203.0.113.20", "netmask": "255.255.240.0",
                                  "gateway": "203.0.113.1", "type": "public"}],
                          "v6": [{"ip_address": "2001:db8::20", "netmask": 64, "gateway": "2001:db8::1",
                                  "type": "public"}]},
             "tags": ["openhaven:demo"]}""";

    /** Lists carry links.pages and meta.total (docs.digitalocean.com/reference/api/api-reference/#section/Introduction/Links-and-Pagination). */
    static String list(String field, String items, String next) {
        String links = next == null ? "{}" : "{\"pages\": {\"next\": \"" + next + "\", \"last\": \"" + next + "\"}}";
        return "{\"" + field + "\": [" + items + "], \"links\": " + links + ", \"meta\": {\"total\": 1}}";
    }

    /** The error body (#section/Introduction/HTTP-Statuses). */
    static String error(String id, String message) {
        return "{\"id\": \"" + id + "\", \"message\": \"" + message + "\","
                + " \"request_id\": \"4d9d8375-3c56-4925-a3e7-eb137fed17e9\"}";
    }

    FakeTime time;
    DigitalOceanCloudProvider digitalOcean;

    @BeforeAll
    static void start() {
        DO.start();
    }

    @AfterAll
    static void stop() {
        DO.stop();
    }

    @BeforeEach
    void reset() {
        DO.resetAll();
        time = new FakeTime();
        RestClient client = new RestClient(URI.create(DO.baseUrl() + "/v2"), Secret.of("do-test-token"),
                new DigitalOceanErrors(), time, time, time.retry());
        digitalOcean = new DigitalOceanCloudProvider(client, time.polling());
    }

    @Test
    void verifyCredentialsNamesTheAccount() {
        // #operation/account_get
        DO.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(okJson("""
                {"account": {"droplet_limit": 25, "floating_ip_limit": 5, "email": "owner@example.org",
                 "uuid": "b6fr89dbf6d9156cace5f3c78dc9851d957381ef", "email_verified": true, "status": "active",
                 "status_message": ""}}""")));

        assertThat(digitalOcean.verifyCredentials()).contains("owner@example.org");
    }

    @Test
    void retriedEnsureServerAfterALostResponseCreatesNoSecondDroplet() {
        // #operation/droplets_list filtered by tag_name
        DO.stubFor(get(urlPathEqualTo("/v2/droplets")).withQueryParam("tag_name", equalTo("openhaven:demo"))
                .inScenario("droplet").whenScenarioStateIs(STARTED)
                .willReturn(okJson(list("droplets", "", null))));
        DO.stubFor(post(urlPathEqualTo("/v2/droplets")).inScenario("droplet").whenScenarioStateIs(STARTED)
                .willSetStateTo("created").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        DO.stubFor(get(urlPathEqualTo("/v2/droplets")).withQueryParam("tag_name", equalTo("openhaven:demo"))
                .inScenario("droplet").whenScenarioStateIs("created")
                .willReturn(okJson(list("droplets", DROPLET.formatted("new"), null))));

        assertThatThrownBy(() -> digitalOcean.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> assertThat(e.retryable()).isTrue());
        CloudResource droplet = digitalOcean.ensureServer(LABEL, REQUEST);

        assertThat(droplet.providerId()).isEqualTo("3164444");
        DO.verify(1, postRequestedFor(urlPathEqualTo("/v2/droplets")));
    }

    @Test
    void ensureServerCreatesATaggedDropletWithUserData() {
        DO.stubFor(get(urlPathEqualTo("/v2/droplets")).willReturn(okJson(list("droplets", "", null))));
        // #operation/droplets_create: 202 Accepted with droplet and links.actions
        DO.stubFor(post(urlPathEqualTo("/v2/droplets")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"droplet\": " + DROPLET.formatted("new") + ", \"links\": {\"actions\": [{\"id\": 7515,"
                        + " \"rel\": \"create\", \"href\": \"https://api.digitalocean.com/v2/actions/7515\"}]}}")));

        CloudResource droplet = digitalOcean.ensureServer(LABEL, REQUEST);

        assertThat(droplet.attribute("ipv4")).isEqualTo("203.0.113.20");
        DO.verify(postRequestedFor(urlPathEqualTo("/v2/droplets")).withRequestBody(equalToJson("""
                {"name": "demo-server", "region": "fra1", "size": "s-2vcpu-4gb", "image": "debian-12-x64",
                 "ssh_keys": [512189], "user_data": "#cloud-config\\n", "ipv6": true, "monitoring": false,
                 "tags": ["openhaven:demo"]}""")));
    }

    @Test
    void dropletLimitIsAQuotaErrorSayingWhatToDo() {
        DO.stubFor(get(urlPathEqualTo("/v2/droplets")).willReturn(okJson(list("droplets", "", null))));
        DO.stubFor(post(urlPathEqualTo("/v2/droplets")).willReturn(aResponse().withStatus(422)
                .withBody(error("unprocessable_entity",
                        "creating this/these droplet(s) will exceed your droplet limit"))));

        assertThatThrownBy(() -> digitalOcean.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA);
                    assertThat(e.remedy()).contains("Droplet limit");
                });
    }

    @Test
    void rejectedTokenIsAnAuthErrorAndListOwnedNeverReturnsEmpty() {
        DO.stubFor(get(urlPathEqualTo("/v2/droplets")).willReturn(aResponse().withStatus(401)
                .withBody(error("unauthorized", "Unable to authenticate you."))));

        assertThatThrownBy(() -> digitalOcean.listOwned(LABEL))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("Unable to authenticate you");
                    assertThat(e.remedy()).contains("API → Tokens");
                });
    }

    @Test
    void destroyWithAForbiddenTokenThrowsAuth() {
        DO.stubFor(delete(urlPathEqualTo("/v2/droplets/3164444")).willReturn(aResponse().withStatus(403)
                .withBody(error("forbidden", "You do not have access for the attempted action."))));

        assertThatThrownBy(() -> digitalOcean.destroy(new CloudResource(ResourceKind.SERVER, "3164444", "demo-server",
                Map.of()))).isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void destroyTreatsAnAlreadyDeletedDropletAsSuccess() {
        DO.stubFor(delete(urlPathEqualTo("/v2/droplets/3164444")).willReturn(aResponse().withStatus(404)
                .withBody(error("not_found", "The resource you requested could not be found."))));

        digitalOcean.destroy(new CloudResource(ResourceKind.SERVER, "3164444", "demo-server", Map.of()));

        DO.verify(deleteRequestedFor(urlPathEqualTo("/v2/droplets/3164444")));
    }

    @Test
    void sizesFollowTheNextLinkThroughTheOverriddenEndpoint() {
        // #operation/sizes_list: the next link names the public host; the client must stay on the override.
        String small = """
                {"slug": "s-1vcpu-1gb", "memory": 1024, "vcpus": 1, "disk": 25, "transfer": 1.0,
                 "price_monthly": 6.0, "price_hourly": 0.00893, "regions": ["fra1", "nyc3"], "available": true,
                 "description": "Basic"}""";
        String large = """
                {"slug": "s-2vcpu-4gb", "memory": 4096, "vcpus": 2, "disk": 80, "transfer": 4.0,
                 "price_monthly": 24.0, "price_hourly": 0.03571, "regions": ["fra1"], "available": true,
                 "description": "Basic"}""";
        DO.stubFor(get(urlPathEqualTo("/v2/sizes")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(list("sizes", large, null))));
        DO.stubFor(get(urlPathEqualTo("/v2/sizes")).atPriority(10).willReturn(okJson(list("sizes", small,
                "https://api.digitalocean.com/v2/sizes?page=2&per_page=200"))));

        List<ServerType> sizes = digitalOcean.serverTypes();

        assertThat(sizes).extracting(ServerType::id).containsExactly("s-1vcpu-1gb", "s-2vcpu-4gb");
        assertThat(sizes.get(1).monthlyPrice()).isEqualByComparingTo(new BigDecimal("24.00"));
        assertThat(sizes.get(1).currency()).isEqualTo("USD");
    }

    @Test
    void throttledRequestWaitsUntilRateLimitReset() {
        long reset = time.instant().plusSeconds(20).getEpochSecond();
        DO.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429)
                        .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", Long.toString(reset))
                        .withBody(error("too_many_requests", "API Rate limit exceeded."))));
        // #operation/regions_list
        DO.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson(list("regions", """
                        {"slug": "fra1", "name": "Frankfurt 1", "sizes": ["s-1vcpu-1gb"], "available": true,
                         "features": ["backups", "ipv6"]}""", null))));

        assertThat(digitalOcean.regions()).extracting(r -> r.id()).containsExactly("fra1");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void ensureFirewallCreatesTheTagFirstAndAllowsAllOutbound() {
        // #operation/firewalls_list
        DO.stubFor(get(urlPathEqualTo("/v2/firewalls")).willReturn(okJson(list("firewalls", """
                {"id": "bb4b2611-3d72-467b-8602-280330ecd65c", "name": "someone-else", "status": "succeeded",
                 "inbound_rules": [], "outbound_rules": [], "droplet_ids": [], "tags": ["web"]}""", null))));
        // #operation/tags_create
        DO.stubFor(post(urlPathEqualTo("/v2/tags")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"tag\": {\"name\": \"openhaven:demo\", \"resources\": {\"count\": 0}}}")));
        // #operation/firewalls_create
        DO.stubFor(post(urlPathEqualTo("/v2/firewalls")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"firewall": {"id": "fb6045f1-cf1d-4ca3-bfac-18832663025b", "name": "demo-fw",
                         "status": "waiting", "inbound_rules": [], "outbound_rules": [], "droplet_ids": [],
                         "tags": ["openhaven:demo"]}}""")));

        CloudResource firewall = digitalOcean.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(22, "ssh")));

        assertThat(firewall.providerId()).isEqualTo("fb6045f1-cf1d-4ca3-bfac-18832663025b");
        DO.verify(postRequestedFor(urlPathEqualTo("/v2/tags")).withRequestBody(equalToJson(
                "{\"name\": \"openhaven:demo\"}")));
        DO.verify(postRequestedFor(urlPathEqualTo("/v2/firewalls"))
                .withRequestBody(matchingJsonPath("$.tags[0]", equalTo("openhaven:demo")))
                .withRequestBody(matchingJsonPath("$.inbound_rules[0].ports", equalTo("22")))
                .withRequestBody(matchingJsonPath("$.outbound_rules[0].ports", equalTo("all"))));
    }

    static final String FIREWALL_ID = "fb6045f1-cf1d-4ca3-bfac-18832663025b";

    /**
     * #operation/firewalls_list: the haven's firewall as DigitalOcean reports it, SSH, HTTP and HTTPS open; all ports
     * come back as "0" (the reference: "0 when all ports are open for a protocol").
     */
    static final String WEB_FIREWALL = """
            {"id": "fb6045f1-cf1d-4ca3-bfac-18832663025b", "name": "demo-fw", "status": "succeeded",
             "created_at": "2026-11-24T12:00:00Z",
             "inbound_rules": [
               {"protocol": "tcp", "ports": "443", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}},
               {"protocol": "tcp", "ports": "22", "sources": {"addresses": ["::/0", "0.0.0.0/0"]}},
               {"protocol": "tcp", "ports": "80", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}}],
             "outbound_rules": [
               {"protocol": "tcp", "ports": "0", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}},
               {"protocol": "udp", "ports": "0", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}},
               {"protocol": "icmp", "ports": "0", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}}],
             "droplet_ids": [3164444], "tags": ["openhaven:demo"], "pending_changes": []}""";

    static final List<FirewallRule> WEB_AND_GIT_RULES = List.of(FirewallRule.tcp(22, "SSH"),
            FirewallRule.tcp(80, "HTTP (ACME, redirect)"), FirewallRule.tcp(443, "HTTPS"),
            FirewallRule.tcp(2222, "git over SSH"));

    void existingWebFirewall() {
        DO.stubFor(get(urlPathEqualTo("/v2/firewalls")).willReturn(okJson(list("firewalls", WEB_FIREWALL, null))));
    }

    @Test
    void ensureFirewallReplacesChangedRulesWithOneUpdateOfTheWholeFirewall() {
        existingWebFirewall();
        // #operation/firewalls_update: 200 with the updated firewall
        DO.stubFor(put(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)).willReturn(okJson("{\"firewall\": "
                + WEB_FIREWALL.replace("\"status\": \"succeeded\"", "\"status\": \"waiting\"") + "}")));

        CloudResource firewall = digitalOcean.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(firewall.providerId()).isEqualTo(FIREWALL_ID);
        DO.verify(1, putRequestedFor(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID))
                .withHeader("Authorization", equalTo("Bearer do-test-token"))
                .withRequestBody(equalToJson("""
                        {"name": "demo-fw",
                         "inbound_rules": [
                           {"protocol": "tcp", "ports": "22", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}},
                           {"protocol": "tcp", "ports": "80", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}},
                           {"protocol": "tcp", "ports": "443", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}},
                           {"protocol": "tcp", "ports": "2222", "sources": {"addresses": ["0.0.0.0/0", "::/0"]}}],
                         "outbound_rules": [
                           {"protocol": "tcp", "ports": "all", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}},
                           {"protocol": "udp", "ports": "all", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}},
                           {"protocol": "icmp", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}}],
                         "tags": ["openhaven:demo"]}""")));
        DO.verify(0, postRequestedFor(urlPathEqualTo("/v2/firewalls")));
        DO.verify(0, postRequestedFor(urlPathEqualTo("/v2/tags")));
    }

    @Test
    void ensureFirewallWithTheSameInboundRulesInAnotherOrderSendsNoUpdate() {
        existingWebFirewall();

        digitalOcean.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(80, "HTTP"),
                FirewallRule.tcp(22, "SSH"), FirewallRule.tcp(443, "HTTPS")));

        DO.verify(0, putRequestedFor(urlPathMatching("/v2/firewalls.*")));
        DO.verify(0, postRequestedFor(urlPathMatching("/v2/.*")));
    }

    @Test
    void ensureFirewallRemovesAnOpeningNoLongerWanted() {
        existingWebFirewall();
        DO.stubFor(put(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)).willReturn(okJson("{\"firewall\": "
                + WEB_FIREWALL + "}")));

        digitalOcean.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(22, "SSH"), FirewallRule.tcp(443, "HTTPS")));

        DO.verify(1, putRequestedFor(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID))
                .withRequestBody(matchingJsonPath("$.inbound_rules.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.inbound_rules[1].ports", equalTo("443"))));
    }

    @Test
    void firewallUpdateWithAForbiddenTokenIsTheTokenMessage() {
        existingWebFirewall();
        DO.stubFor(put(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(error("forbidden", "You do not have access for the attempted action."))));

        assertThatThrownBy(() -> digitalOcean.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("DigitalOcean").contains("/firewalls/" + FIREWALL_ID)
                            .doesNotContain("do-test-token");
                    assertThat(e.remedy()).contains("API → Tokens").contains("firewall");
                    assertThat(e.retryable()).isFalse();
                });
        DO.verify(1, putRequestedFor(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)));
    }

    @Test
    void firewallUpdateRetriesAfter429HonouringRetryAfter() {
        existingWebFirewall();
        DO.stubFor(put(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)).inScenario("throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("ok").willReturn(aResponse().withStatus(429)
                        .withHeader("Retry-After", "6").withHeader("ratelimit-remaining", "0")
                        .withBody(error("too_many_requests", "API Rate limit exceeded."))));
        DO.stubFor(put(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)).inScenario("throttle")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"firewall\": " + WEB_FIREWALL + "}")));

        digitalOcean.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(6));
        DO.verify(2, putRequestedFor(urlPathEqualTo("/v2/firewalls/" + FIREWALL_ID)));
    }

    @Test
    void sshKeyOwnershipIsMarkedInItsNameAndFoundAgain() {
        // #operation/sshKeys_list
        DO.stubFor(get(urlPathEqualTo("/v2/account/keys")).willReturn(okJson(list("ssh_keys", """
                {"id": 512189, "fingerprint": "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa",
                 "public_key": "ssh-ed25519 AAAAC3Nza demo", "name": "demo-key [openhaven:demo]"},
                {"id": 512190, "fingerprint": "aa:bb", "public_key": "ssh-ed25519 AAAAother",
                 "name": "laptop"}""", null))));

        CloudResource key = digitalOcean.ensureSshKey(LABEL, "demo-key", "ssh-ed25519 AAAAC3Nza demo");

        assertThat(key.providerId()).isEqualTo("512189");
        assertThat(key.name()).isEqualTo("demo-key");
        DO.verify(0, postRequestedFor(urlPathEqualTo("/v2/account/keys")));
    }

    @Test
    void reservedIpIsCreatedAssignedToTheDroplet() {
        // #operation/reservedIPs_list and #operation/reservedIPs_create
        DO.stubFor(get(urlPathEqualTo("/v2/reserved_ips")).willReturn(okJson(list("reserved_ips", "", null))));
        // #operation/droplets_get: the droplet must be active before an IP can be assigned
        DO.stubFor(get(urlPathEqualTo("/v2/droplets/3164444")).willReturn(okJson("{\"droplet\": "
                + DROPLET.formatted("active") + "}")));
        DO.stubFor(post(urlPathEqualTo("/v2/reserved_ips")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"reserved_ip": {"ip": "198.51.100.7", "droplet": {"id": 3164444, "name": "demo-server"},
                         "region": {"slug": "fra1"}, "locked": false, "project_id": "746c6152"},
                         "links": {"droplets": [], "actions": []}}""")));

        CloudResource ip = digitalOcean.ensureReservedIp(LABEL, "demo-ip",
                new CloudResource(ResourceKind.SERVER, "3164444", "demo-server", Map.of()));

        assertThat(ip.attribute("ipv4")).isEqualTo("198.51.100.7");
        DO.verify(postRequestedFor(urlPathEqualTo("/v2/reserved_ips"))
                .withRequestBody(equalToJson("{\"droplet_id\": 3164444}")));
    }

    @Test
    void mailWarningExplainsThePort25Block() {
        HavenSpec spec = new HavenSpec("demo", "example.org", null, null, null, null, List.of(), null, null,
                new MailSpec(true));

        assertThat(digitalOcean.warnings(spec)).singleElement().asString().contains("port 25");
    }
}
