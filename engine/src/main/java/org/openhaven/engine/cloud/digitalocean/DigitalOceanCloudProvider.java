package org.openhaven.engine.cloud.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * DigitalOcean (REST API v2, bearer token; docs.digitalocean.com/reference/api). Droplets and firewalls carry
 * the tag {@code openhaven:<haven>}; the firewall is attached through that tag, so a rebuilt droplet is covered
 * at once.
 *
 * <p>Two resource kinds cannot be tagged at DigitalOcean, so ownership is recorded differently: SSH keys carry
 * the marker {@code [openhaven:<haven>]} at the end of their name, and a reserved IP belongs to the haven while it
 * is assigned to one of the haven's droplets (it is created already assigned, in one call).
 */
public final class DigitalOceanCloudProvider implements CloudProvider {

    public static final String ID = "digitalocean";
    public static final String DEFAULT_ENDPOINT = "https://api.digitalocean.com/v2";
    static final String IMAGE = "debian-12-x64";
    static final Duration RESERVED_IP_WAIT = Duration.ofMinutes(10);

    private final RestClient api;
    private final Polling polling;
    private final Pagination pages;

    public DigitalOceanCloudProvider(RestClient api, Polling polling) {
        this.api = api;
        this.polling = polling;
        this.pages = Pagination.nextLinkAt("/links/pages/next", api.base().getRawPath());
    }

    /** The provider at {@code endpoint} with the user's API token. */
    public static DigitalOceanCloudProvider create(java.net.URI endpoint, org.openhaven.engine.secrets.Secret token, Polling polling) {
        return new DigitalOceanCloudProvider(new RestClient(endpoint, token, new DigitalOceanErrors()), polling);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        JsonNode account = api.get("/account").path("account");
        return "DigitalOcean account " + account.path("email").asText("(no e-mail)")
                + " (droplet limit " + account.path("droplet_limit").asInt() + ")";
    }

    @Override
    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (JsonNode region : api.getAll("/regions", "regions", pages)) {
            if (region.path("available").asBoolean(true)) {
                regions.add(new Region(region.path("slug").asText(), region.path("name").asText(), ""));
            }
        }
        return regions;
    }

    @Override
    public List<ServerType> serverTypes() {
        List<ServerType> types = new ArrayList<>();
        for (JsonNode size : api.getAll("/sizes?per_page=200", "sizes", pages)) {
            if (size.path("available").asBoolean(true)) {
                types.add(DigitalOceanPrices.size(size));
            }
        }
        return types;
    }

    @Override
    public BigDecimal monthlyIpPrice() {
        return DigitalOceanPrices.ASSIGNED_RESERVED_IP_MONTHLY;
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
        return List.of("DigitalOcean blocks outgoing SMTP (port 25) on droplets to fight spam and does not lift "
                + "the block for new accounts. The haven can receive mail; to send it, configure an SMTP relay "
                + "(for example your mail provider's submission port 587) or choose another provider.");
    }

    @Override
    public CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh) {
        String markedName = name + " " + marker(label);
        for (JsonNode key : api.getAll("/account/keys?per_page=200", "ssh_keys", pages)) {
            if (markedName.equals(key.path("name").asText())) {
                return sshKey(key, label);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", markedName);
        body.put("public_key", publicKeyOpenSsh);
        return sshKey(api.post("/account/keys", body).path("ssh_key"), label);
    }

    /**
     * Finds the tagged firewall and, when its inbound rules differ from {@code rules}, replaces the whole firewall
     * with one {@code PUT /v2/firewalls/{id}} ("Update a Firewall": the body is the complete firewall, and rules it
     * leaves out are removed). Equal inbound rules (protocols, ports, source addresses, in any order) cause no call.
     */
    @Override
    public CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules) {
        Optional<JsonNode> existing = ownedFirewalls(label).stream()
                .filter(firewall -> name.equals(firewall.path("name").asText())).findFirst();
        List<Map<String, Object>> inbound = rules.stream().map(DigitalOceanCloudProvider::inbound).toList();
        if (existing.isPresent()) {
            JsonNode firewall = existing.get();
            if (!inboundOpenings(firewall.path("inbound_rules")).equals(FirewallOpenings.of(rules))) {
                return firewall(api.put("/firewalls/" + firewall.path("id").asText(),
                        firewallBody(name, inbound, label)).path("firewall"));
            }
            return firewall(firewall);
        }
        // A firewall may only name tags that exist (docs.digitalocean.com/reference/api/api-reference/#operation/tags_create).
        api.post("/tags", Map.of("name", label.tag()));
        return firewall(api.post("/firewalls", firewallBody(name, inbound, label)).path("firewall"));
    }

    /** The complete firewall, for both create and update: attached by the haven's tag, all outbound allowed. */
    private static Map<String, Object> firewallBody(String name, List<Map<String, Object>> inbound, HavenLabel label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("inbound_rules", inbound);
        body.put("outbound_rules", outboundAll());
        body.put("tags", List.of(label.tag()));
        return body;
    }

    @Override
    public CloudResource ensureServer(HavenLabel label, ServerRequest request) {
        for (JsonNode droplet : ownedDroplets(label)) {
            if (request.name().equals(droplet.path("name").asText())) {
                return droplet(droplet);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", request.name());
        body.put("region", request.region());
        body.put("size", request.size());
        body.put("image", request.image() == null || request.image().startsWith("debian-12") ? IMAGE : request.image());
        body.put("ssh_keys", List.of(Long.parseLong(request.sshKey().providerId())));
        body.put("user_data", request.userData());
        body.put("ipv6", true);
        body.put("monitoring", false);
        body.put("tags", List.of(label.tag()));
        return droplet(api.post("/droplets", body).path("droplet"));
    }

    @Override
    public CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server) {
        for (JsonNode ip : api.getAll("/reserved_ips?per_page=200", "reserved_ips", pages)) {
            if (server.providerId().equals(ip.at("/droplet/id").asText())) {
                return reservedIp(ip, name);
            }
        }
        // DigitalOcean refuses to assign an IP to a droplet with a pending event (its creation), so wait first.
        waitUntilRunning(server, RESERVED_IP_WAIT);
        return reservedIp(api.post("/reserved_ips", Map.of("droplet_id", Long.parseLong(server.providerId())))
                .path("reserved_ip"), name);
    }

    @Override
    public CloudResource waitUntilRunning(CloudResource server, Duration deadline) {
        return polling.until("the DigitalOcean droplet " + server.name() + " to run", deadline,
                "Look at the droplet in the DigitalOcean control panel; if it is stuck, destroy it and apply again.",
                () -> {
                    JsonNode droplet = api.get("/droplets/" + server.providerId()).path("droplet");
                    CloudResource resource = droplet(droplet);
                    return "active".equals(droplet.path("status").asText()) && resource.attribute("ipv4") != null
                            ? Optional.of(resource) : Optional.empty();
                });
    }

    @Override
    public List<CloudResource> listOwned(HavenLabel label) {
        List<CloudResource> owned = new ArrayList<>();
        List<JsonNode> droplets = ownedDroplets(label);
        List<String> dropletIds = new ArrayList<>();
        for (JsonNode droplet : droplets) {
            owned.add(droplet(droplet));
            dropletIds.add(droplet.path("id").asText());
        }
        for (JsonNode ip : api.getAll("/reserved_ips?per_page=200", "reserved_ips", pages)) {
            if (dropletIds.contains(ip.at("/droplet/id").asText())) {
                owned.add(reservedIp(ip, ip.path("ip").asText()));
            }
        }
        ownedFirewalls(label).forEach(firewall -> owned.add(firewall(firewall)));
        for (JsonNode key : api.getAll("/account/keys?per_page=200", "ssh_keys", pages)) {
            if (key.path("name").asText().endsWith(" " + marker(label))) {
                owned.add(sshKey(key, label));
            }
        }
        return owned;
    }

    @Override
    public void destroy(CloudResource resource) {
        String path = switch (resource.kind()) {
            case SERVER -> "/droplets/";
            case IP -> "/reserved_ips/";
            case FIREWALL -> "/firewalls/";
            case SSH_KEY -> "/account/keys/";
            default -> throw new IllegalArgumentException("DigitalOcean does not manage " + resource.kind());
        };
        api.delete(path + resource.providerId());
    }

    private List<JsonNode> ownedDroplets(HavenLabel label) {
        return api.getAll("/droplets?per_page=200&tag_name=" + encode(label.tag()), "droplets", pages);
    }

    private List<JsonNode> ownedFirewalls(HavenLabel label) {
        List<JsonNode> owned = new ArrayList<>();
        for (JsonNode firewall : api.getAll("/firewalls?per_page=200", "firewalls", pages)) {
            for (JsonNode tag : firewall.path("tags")) {
                if (label.tag().equals(tag.asText())) {
                    owned.add(firewall);
                }
            }
        }
        return owned;
    }

    static String marker(HavenLabel label) {
        return "[" + label.tag() + "]";
    }

    private static Map<String, Object> inbound(FirewallRule rule) {
        return Map.of("protocol", rule.protocol().name().toLowerCase(Locale.ROOT),
                "ports", Integer.toString(rule.port()),
                "sources", Map.of("addresses", FirewallOpenings.EVERYWHERE));
    }

    /** DigitalOcean firewalls deny outbound traffic that no rule allows, so allow all of it explicitly. */
    private static List<Map<String, Object>> outboundAll() {
        Map<String, Object> everywhere = Map.of("addresses", FirewallOpenings.EVERYWHERE);
        return List.of(
                Map.of("protocol", "tcp", "ports", "all", "destinations", everywhere),
                Map.of("protocol", "udp", "ports", "all", "destinations", everywhere),
                Map.of("protocol", "icmp", "destinations", everywhere));
    }

    /**
     * The firewall's inbound openings. Outbound rules are not compared: OpenHaven always allows all outbound traffic
     * and sends that again with every update, and DigitalOcean reports "all ports" back as {@code "0"}, which a naive
     * comparison would take for a change on every run.
     */
    private static java.util.Set<String> inboundOpenings(JsonNode rules) {
        java.util.Set<String> openings = new java.util.TreeSet<>();
        for (JsonNode rule : rules) {
            List<String> sources = new ArrayList<>();
            rule.at("/sources/addresses").forEach(address -> sources.add(address.asText()));
            openings.add(FirewallOpenings.key(rule.path("protocol").asText(), rule.path("ports").asText(""), sources));
        }
        return openings;
    }

    private static CloudResource sshKey(JsonNode key, HavenLabel label) {
        String name = key.path("name").asText();
        String plain = name.endsWith(" " + marker(label))
                ? name.substring(0, name.length() - marker(label).length() - 1) : name;
        return new CloudResource(ResourceKind.SSH_KEY, key.path("id").asText(), plain,
                Map.of("fingerprint", key.path("fingerprint").asText("")));
    }

    private static CloudResource firewall(JsonNode firewall) {
        return new CloudResource(ResourceKind.FIREWALL, firewall.path("id").asText(), firewall.path("name").asText(),
                Map.of());
    }

    private static CloudResource reservedIp(JsonNode ip, String name) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ipv4", ip.path("ip").asText());
        if (ip.at("/droplet/id").isNumber()) {
            attributes.put("server", ip.at("/droplet/id").asText());
        }
        return new CloudResource(ResourceKind.IP, ip.path("ip").asText(), name, attributes);
    }

    static CloudResource droplet(JsonNode droplet) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("status", droplet.path("status").asText());
        attributes.put("size", droplet.path("size_slug").asText());
        attributes.put("region", droplet.at("/region/slug").asText());
        for (JsonNode v4 : droplet.at("/networks/v4")) {
            if ("public".equals(v4.path("type").asText())) {
                attributes.putIfAbsent("ipv4", v4.path("ip_address").asText());
            }
        }
        for (JsonNode v6 : droplet.at("/networks/v6")) {
            if ("public".equals(v6.path("type").asText())) {
                attributes.putIfAbsent("ipv6", v6.path("ip_address").asText());
            }
        }
        return new CloudResource(ResourceKind.SERVER, droplet.path("id").asText(), droplet.path("name").asText(),
                attributes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
