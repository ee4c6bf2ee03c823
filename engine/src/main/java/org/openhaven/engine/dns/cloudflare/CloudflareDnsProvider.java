package org.openhaven.engine.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.dns.TxtStrings;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.Pagination;
import org.openhaven.engine.http.RestClient;

/**
 * Cloudflare DNS (API v4, API token; developers.cloudflare.com/api/resources/dns/). Records OpenHaven creates are
 * never proxied and carry the record comment {@code openhaven=<haven>}, which is how {@link #listOwned} finds them
 * and why destroy touches nothing else.
 *
 * <p>Upsert rules: A, AAAA and CNAME are one record per name, so ours is updated in place, an identical record the
 * user made is adopted, and a different one is a conflict the user must resolve. MX and TXT may have several
 * records per name, so the user's own ones are left alone and ours is added or updated beside them.
 */
public final class CloudflareDnsProvider implements DnsProvider {

    public static final String ID = "cloudflare";
    public static final String DEFAULT_ENDPOINT = "https://api.cloudflare.com/client/v4";
    static final Pagination PAGES = Pagination.pageOfTotal("/result_info/page", "/result_info/total_pages");
    private static final Set<String> SINGLE_VALUED = Set.of("A", "AAAA", "CNAME");

    private final RestClient api;

    public CloudflareDnsProvider(RestClient api) {
        this.api = api;
    }

    /** The provider at {@code endpoint} with the user's API token. */
    public static CloudflareDnsProvider create(java.net.URI endpoint, org.openhaven.engine.secrets.Secret token) {
        return new CloudflareDnsProvider(new RestClient(endpoint, token, new CloudflareErrors()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        JsonNode result = checked(api.get("/user/tokens/verify")).path("result");
        String status = result.path("status").asText();
        if (!"active".equals(status)) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The Cloudflare API token is " + status + ", not active.")
                    .remedy(new CloudflareErrors().tokenRemedy())
                    .build();
        }
        return "Cloudflare API token (active)";
    }

    @Override
    public DnsZone findZone(String domain) {
        String name = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        // Longest match first: cloud.example.co.uk → example.co.uk → co.uk.
        while (name.contains(".")) {
            List<JsonNode> zones = api.getAll("/zones?name=" + encode(name), "result", PAGES);
            if (!zones.isEmpty()) {
                return new DnsZone(zones.get(0).path("id").asText(), zones.get(0).path("name").asText());
            }
            name = name.substring(name.indexOf('.') + 1);
        }
        throw OpenHavenException.config("No Cloudflare zone the token can see contains " + domain + ".",
                "Add the domain to Cloudflare (Websites → Add a site), or give the token Zone → Zone → Read for it "
                        + "under My Profile → API Tokens.");
    }

    @Override
    public DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record) {
        String type = record.type().toUpperCase(Locale.ROOT);
        List<JsonNode> existing = api.getAll(recordsPath(zone) + "?type=" + type + "&name=" + encode(record.name())
                + "&per_page=100", "result", PAGES);
        String comment = comment(label);
        Optional<JsonNode> ours = existing.stream().filter(r -> comment.equals(r.path("comment").asText())).findFirst();
        if (ours.isPresent()) {
            DnsRecord current = toRecord(ours.get());
            if (current.sameAs(record) && current.ttl() == record.ttl() && !current.proxied()) {
                return current;
            }
            return update(zone, ours.get().path("id").asText(), record, comment);
        }
        Optional<JsonNode> identical = existing.stream().filter(r -> toRecord(r).sameAs(record)).findFirst();
        if (SINGLE_VALUED.contains(type)) {
            if (identical.isPresent()) {
                // The user already made exactly this record: adopt it (unproxied), so destroy can clean it up.
                return update(zone, identical.get().path("id").asText(), record, comment);
            }
            if (!existing.isEmpty()) {
                DnsRecord other = toRecord(existing.get(0));
                throw OpenHavenException.config(record.name() + " already has a " + type + " record pointing at "
                                + other.content() + " that OpenHaven did not create.",
                        "In the Cloudflare dashboard open DNS → Records and delete it (or change it to "
                                + record.content() + "), then apply again.");
            }
        } else if (identical.isPresent()) {
            return toRecord(identical.get());
        }
        return toRecord(checked(api.post(recordsPath(zone), body(record, comment))).path("result"));
    }

    @Override
    public List<DnsRecord> listOwned(HavenLabel label, DnsZone zone) {
        String comment = comment(label);
        List<DnsRecord> owned = new ArrayList<>();
        for (JsonNode record : api.getAll(recordsPath(zone) + "?comment.exact=" + encode(comment) + "&per_page=100",
                "result", PAGES)) {
            // Filter again locally: the marker is what makes a record ours, whatever the server's filter did.
            if (comment.equals(record.path("comment").asText())) {
                owned.add(toRecord(record));
            }
        }
        return owned;
    }

    @Override
    public void delete(DnsZone zone, DnsRecord record) {
        if (record.providerId() == null) {
            throw new IllegalArgumentException("Only records read from Cloudflare can be deleted: " + record.name());
        }
        api.delete(recordsPath(zone) + "/" + record.providerId());
    }

    @Override
    public List<String> httpChallengeBlockers(DnsZone zone, List<String> hostnames) {
        List<String> blockers = new ArrayList<>();
        for (String host : hostnames) {
            for (JsonNode record : api.getAll(recordsPath(zone) + "?name=" + encode(host) + "&per_page=100", "result",
                    PAGES)) {
                if (record.path("proxied").asBoolean(false)) {
                    blockers.add(host + ": the Cloudflare " + record.path("type").asText() + " record is proxied "
                            + "(orange cloud), so Let's Encrypt's HTTP check would reach Cloudflare instead of your "
                            + "server. In the Cloudflare dashboard open DNS → Records and set it to \"DNS only\" "
                            + "(grey cloud), or delete it so OpenHaven can create it.");
                }
            }
        }
        return blockers;
    }

    private DnsRecord update(DnsZone zone, String id, DnsRecord record, String comment) {
        return toRecord(checked(api.put(recordsPath(zone) + "/" + id, body(record, comment))).path("result"));
    }

    private static Map<String, Object> body(DnsRecord record, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", record.type().toUpperCase(Locale.ROOT));
        body.put("name", record.name());
        // TXT content is RFC 1035 quoted strings of at most 255 bytes each ("DNS Records for a Zone", TXT).
        body.put("content", isTxt(record.type()) ? TxtStrings.quote(record.content()) : record.content());
        body.put("ttl", record.ttl());
        if (record.priority() != null) {
            body.put("priority", record.priority());
        }
        body.put("proxied", false);
        body.put("comment", comment);
        return body;
    }

    static DnsRecord toRecord(JsonNode record) {
        Integer priority = record.path("priority").isNumber() ? record.path("priority").asInt() : null;
        String content = record.path("content").asText();
        // Records made in the dashboard may hold an unquoted TXT value; ours are quoted and joined here.
        if (isTxt(record.path("type").asText()) && content.startsWith("\"")) {
            content = TxtStrings.unquote(content);
        }
        return new DnsRecord(record.path("type").asText(), record.path("name").asText(),
                content, record.path("ttl").asInt(1), priority,
                record.path("proxied").asBoolean(false), record.path("id").asText());
    }

    /** Cloudflare sometimes answers 200 with {@code "success": false}; treat that like an HTTP error. */
    private static JsonNode checked(JsonNode body) {
        if (body.path("success").isBoolean() && !body.path("success").asBoolean()) {
            throw OpenHavenException.of(ErrorCategory.PROVIDER_API,
                            "Cloudflare refused the request (" + new CloudflareErrors().parse(body).summary() + ").")
                    .remedy("Check the domain and the record in the Cloudflare dashboard under DNS → Records.")
                    .build();
        }
        return body;
    }

    private static boolean isTxt(String type) {
        return "TXT".equalsIgnoreCase(type);
    }

    static String comment(HavenLabel label) {
        return label.selector();
    }

    private static String recordsPath(DnsZone zone) {
        return "/zones/" + zone.providerId() + "/dns_records";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
