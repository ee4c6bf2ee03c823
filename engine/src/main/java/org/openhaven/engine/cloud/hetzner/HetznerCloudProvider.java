package org.openhaven.engine.cloud.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallOpenings;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.http.Pagination;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.http.RestClient;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Hetzner Cloud (REST API v1, bearer token; docs.hetzner.cloud). Resources carry the label
 * {@code openhaven=<haven>} and are found with {@code label_selector} before anything is created.
 *
 * <p>The stable address is the server's own primary IPv4: it is labelled and set to survive the server
 * ({@code auto_delete=false}), so no address configuration on the server is needed, unlike a floating IP.
 */
public final class HetznerCloudProvider implements CloudProvider {

    public static final String ID = "hetzner";
    public static final String DEFAULT_ENDPOINT = "https://api.hetzner.cloud/v1";
    static final Pagination PAGES = Pagination.nextPageNumberAt("/meta/pagination/next_page");
    /** Firewall actions finish in seconds; this only bounds a stuck one. */
    static final Duration ACTION_WAIT = Duration.ofMinutes(2);

    private final RestClient api;
    private final Polling polling;

    public HetznerCloudProvider(RestClient api, Polling polling) {
        this.api = api;
        this.polling = polling;
    }

    /** The provider at {@code endpoint} with the user's API token. */
    public static HetznerCloudProvider create(java.net.URI endpoint, org.openhaven.engine.secrets.Secret token, Polling polling) {
        return new HetznerCloudProvider(new RestClient(endpoint, token, new HetznerErrors()), polling);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        // Tokens belong to one project and Hetzner has no "who am I" call: a cheap authenticated list proves it.
        JsonNode page = api.get("/servers?per_page=1");
        long servers = page.at("/meta/pagination/total_entries").asLong(0);
        return "Hetzner Cloud project (" + servers + (servers == 1 ? " server" : " servers") + ")";
    }

    @Override
    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (JsonNode location : api.getAll("/locations", "locations", PAGES)) {
            regions.add(new Region(location.path("name").asText(),
                    location.path("city").asText(location.path("description").asText()),
                    location.path("country").asText()));
        }
        return regions;
    }

    @Override
    public List<ServerType> serverTypes() {
        List<ServerType> types = new ArrayList<>();
        for (JsonNode type : api.getAll("/server_types", "server_types", PAGES)) {
            boolean deprecated = type.path("deprecated").asBoolean(false)
                    || !(type.path("deprecation").isMissingNode() || type.path("deprecation").isNull());
            if (!deprecated) {
                types.add(HetznerPrices.serverType(type));
            }
        }
        return types;
    }

    @Override
    public BigDecimal monthlyIpPrice() {
        return HetznerPrices.primaryIpv4Monthly(api.get("/pricing"));
    }

    @Override
    public List<String> warnings(HavenSpec spec) {
        return policyWarnings(spec);
    }

    /** The provider's port-25 policy when the haven runs a mail server; needs no credentials, so plans can show it. */
    public static List<String> policyWarnings(HavenSpec spec) {
        if (!spec.mailEnabled()) {
            return List.of();
        }
        return List.of("Hetzner blocks outgoing mail (ports 25 and 465) on new accounts until the first invoice "
                + "is paid; then ask for the unblock in the Hetzner Console under Support → Technical → "
                + "\"Sending mails\". Until then the haven receives mail but cannot send it.");
    }

    @Override
    public CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh) {
        Optional<JsonNode> existing = findOwned("/ssh_keys", "ssh_keys", label, name);
        if (existing.isPresent()) {
            return sshKey(existing.get());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("public_key", publicKeyOpenSsh);
        body.put("labels", labels(label));
        return sshKey(api.post("/ssh_keys", body).path("ssh_key"));
    }

    /**
     * Finds the labelled firewall and, when its rules differ from {@code rules}, replaces them with one
     * {@code set_rules} action (docs.hetzner.cloud, "Set Rules") and waits for the actions it starts, so the new
     * openings are live when this returns. Equal rules (same directions, protocols, ports and sources; descriptions
     * are not compared) cause no call.
     */
    @Override
    public CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules) {
        List<Map<String, Object>> wanted = rules.stream().map(HetznerCloudProvider::rule).toList();
        Optional<JsonNode> existing = findOwned("/firewalls", "firewalls", label, name);
        if (existing.isPresent()) {
            JsonNode firewall = existing.get();
            if (!openings(firewall.path("rules")).equals(FirewallOpenings.of(rules))) {
                JsonNode answer = api.post("/firewalls/" + firewall.path("id").asText() + "/actions/set_rules",
                        Map.of("rules", wanted));
                awaitActions(answer.path("actions"), "the firewall " + name + " to take its new rules");
            }
            return firewall(firewall);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("labels", labels(label));
        body.put("rules", wanted);
        return firewall(api.post("/firewalls", body).path("firewall"));
    }

    /** Polls each action until it succeeded (docs.hetzner.cloud, "Get an Action"); an action's error is ours. */
    private void awaitActions(JsonNode actions, String what) {
        for (JsonNode started : actions) {
            String id = started.path("id").asText();
            JsonNode done = "success".equals(started.path("status").asText()) ? started
                    : polling.until(what, ACTION_WAIT, "Look at the firewall in the Hetzner Console and run apply again.",
                            () -> {
                                JsonNode action = api.get("/actions/" + id).path("action");
                                return "running".equals(action.path("status").asText())
                                        ? Optional.empty() : Optional.of(action);
                            });
            if ("error".equals(done.path("status").asText())) {
                throw org.openhaven.engine.error.OpenHavenException.of(
                                org.openhaven.engine.error.ErrorCategory.PROVIDER_API,
                                "Hetzner Cloud could not finish " + done.path("command").asText("an action") + " ("
                                        + done.at("/error/code").asText("") + ": " + done.at("/error/message").asText("")
                                        + ") while waiting for " + what + ".")
                        .remedy("Run apply again; if it fails the same way, look at the firewall in the Hetzner Console.")
                        .retryable(true)
                        .build();
            }
        }
    }

    @Override
    public CloudResource ensureServer(HavenLabel label, ServerRequest request) {
        Optional<JsonNode> existing = findOwned("/servers", "servers", label, request.name());
        if (existing.isPresent()) {
            return server(existing.get());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", request.name());
        body.put("server_type", request.size());
        body.put("location", request.region());
        body.put("image", request.image() == null ? "debian-12" : request.image());
        body.put("ssh_keys", List.of(Long.parseLong(request.sshKey().providerId())));
        if (request.firewall() != null) {
            body.put("firewalls", List.of(Map.of("firewall", Long.parseLong(request.firewall().providerId()))));
        }
        body.put("user_data", request.userData());
        body.put("labels", labels(label));
        body.put("public_net", Map.of("enable_ipv4", true, "enable_ipv6", true));
        body.put("start_after_create", true);
        return server(api.post("/servers", body).path("server"));
    }

    @Override
    public CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server) {
        Optional<JsonNode> existing = findOwned("/primary_ips", "primary_ips", label, name);
        if (existing.isPresent()) {
            return ip(existing.get());
        }
        JsonNode current = api.get("/servers/" + server.providerId()).path("server");
        String primaryIpId = current.at("/public_net/ipv4/id").asText("");
        if (primaryIpId.isEmpty()) {
            throw org.openhaven.engine.error.OpenHavenException.of(
                            org.openhaven.engine.error.ErrorCategory.PROVIDER_API,
                            "The Hetzner server " + server.name() + " has no public IPv4 address to keep.")
                    .remedy("Recreate the server with a public IPv4 address, or add a primary IP in the console.")
                    .build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("labels", labels(label));
        body.put("auto_delete", false);
        return ip(api.put("/primary_ips/" + primaryIpId, body).path("primary_ip"));
    }

    @Override
    public CloudResource waitUntilRunning(CloudResource server, Duration deadline) {
        return polling.until("the Hetzner server " + server.name() + " to run", deadline,
                "Look at the server in the Hetzner Console; if it is stuck, delete it and run apply again.",
                () -> {
                    JsonNode current = api.get("/servers/" + server.providerId()).path("server");
                    CloudResource resource = server(current);
                    return "running".equals(current.path("status").asText()) && resource.attribute("ipv4") != null
                            ? Optional.of(resource) : Optional.empty();
                });
    }

    @Override
    public List<CloudResource> listOwned(HavenLabel label) {
        List<CloudResource> owned = new ArrayList<>();
        String selector = "?label_selector=" + encode(label.selector());
        api.getAll("/servers" + selector, "servers", PAGES).forEach(s -> owned.add(server(s)));
        api.getAll("/primary_ips" + selector, "primary_ips", PAGES).forEach(i -> owned.add(ip(i)));
        api.getAll("/firewalls" + selector, "firewalls", PAGES).forEach(f -> owned.add(firewall(f)));
        api.getAll("/ssh_keys" + selector, "ssh_keys", PAGES).forEach(k -> owned.add(sshKey(k)));
        return owned;
    }

    @Override
    public void destroy(CloudResource resource) {
        String path = switch (resource.kind()) {
            case SERVER -> "/servers/";
            case IP -> "/primary_ips/";
            case FIREWALL -> "/firewalls/";
            case SSH_KEY -> "/ssh_keys/";
            default -> throw new IllegalArgumentException("Hetzner does not manage " + resource.kind());
        };
        api.delete(path + resource.providerId());
    }

    private Optional<JsonNode> findOwned(String path, String field, HavenLabel label, String name) {
        String query = path + "?label_selector=" + encode(label.selector()) + "&name=" + encode(name);
        return api.getAll(query, field, PAGES).stream()
                .filter(node -> name.equals(node.path("name").asText()))
                .findFirst();
    }

    private static Map<String, String> labels(HavenLabel label) {
        return Map.of(HavenLabel.KEY, label.havenId());
    }

    private static Map<String, Object> rule(FirewallRule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("direction", "in");
        map.put("protocol", rule.protocol().name().toLowerCase(java.util.Locale.ROOT));
        map.put("port", Integer.toString(rule.port()));
        map.put("source_ips", FirewallOpenings.EVERYWHERE);
        map.put("description", rule.description());
        return map;
    }

    /** The firewall's inbound openings; an outbound rule (never ours) makes the set differ, so set_rules drops it. */
    private static java.util.Set<String> openings(JsonNode rules) {
        java.util.Set<String> openings = new java.util.TreeSet<>();
        for (JsonNode rule : rules) {
            List<String> sources = new ArrayList<>();
            rule.path("source_ips").forEach(ip -> sources.add(ip.asText()));
            String key = FirewallOpenings.key(rule.path("protocol").asText(), rule.path("port").asText(""), sources);
            openings.add("in".equals(rule.path("direction").asText()) ? key : "out " + key);
        }
        return openings;
    }

    private static CloudResource sshKey(JsonNode key) {
        return new CloudResource(ResourceKind.SSH_KEY, key.path("id").asText(), key.path("name").asText(),
                Map.of("fingerprint", key.path("fingerprint").asText("")));
    }

    private static CloudResource firewall(JsonNode firewall) {
        return new CloudResource(ResourceKind.FIREWALL, firewall.path("id").asText(), firewall.path("name").asText(),
                Map.of());
    }

    private static CloudResource ip(JsonNode ip) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ipv4", ip.path("ip").asText());
        if (!ip.path("assignee_id").isNull() && !ip.path("assignee_id").isMissingNode()) {
            attributes.put("server", ip.path("assignee_id").asText());
        }
        return new CloudResource(ResourceKind.IP, ip.path("id").asText(), ip.path("name").asText(), attributes);
    }

    static CloudResource server(JsonNode server) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("status", server.path("status").asText());
        attributes.put("size", server.at("/server_type/name").asText());
        attributes.put("region", server.at("/datacenter/location/name").asText());
        String ipv4 = server.at("/public_net/ipv4/ip").asText("");
        if (!ipv4.isEmpty()) {
            attributes.put("ipv4", ipv4);
        }
        String ipv6 = server.at("/public_net/ipv6/ip").asText("");
        if (!ipv6.isEmpty()) {
            attributes.put("ipv6", ipv6);
        }
        return new CloudResource(ResourceKind.SERVER, server.path("id").asText(), server.path("name").asText(),
                attributes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
