package org.openhaven.engine.providers.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stateful fake of the Hetzner Cloud API (under {@code /v1}, shapes from docs.hetzner.cloud/reference/cloud), the
 * DigitalOcean API (under {@code /v2}, shapes from docs.digitalocean.com/reference/api/api-reference/) and
 * the Cloudflare DNS API (under {@code /client/v4}, shapes from developers.cloudflare.com/api/resources/dns/), kept in
 * the test's own JVM so its state survives the engine process being killed. A kill hook runs right after a create
 * was applied and before its answer is sent: the harshest crash, a create whose response is lost.
 */
public final class StatefulProviderFake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> collections = new TreeMap<>();
    private final Map<String, Integer> creations = new TreeMap<>();
    private final AtomicReference<String> killOn = new AtomicReference<>();
    private final AtomicReference<Runnable> killer = new AtomicReference<>();
    private final AtomicReference<String> publicIpv4 = new AtomicReference<>();
    private final AtomicReference<java.util.function.Consumer<ObjectNode>> onServerCreated = new AtomicReference<>(s -> {
    });
    private final AtomicReference<String> requiredToken = new AtomicReference<>();
    private final Map<String, Integer> rejected = new TreeMap<>();
    private int nextId = 100;

    public StatefulProviderFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        for (String kind : List.of("servers", "ssh_keys", "firewalls", "primary_ips", "dns_records", "droplets",
                "do_keys", "do_firewalls", "reserved_ips")) {
            collections.put(kind, new ArrayList<>());
        }
    }

    /** Servers created from now on report {@code ip} as their public IPv4 (e.g. a lab host's address). */
    public void publicIpv4(String ip) {
        publicIpv4.set(ip);
    }

    /** Runs {@code hook} with each Hetzner server as created, before the answer: what the cloud does at boot. */
    public void onServerCreated(java.util.function.Consumer<ObjectNode> hook) {
        onServerCreated.set(hook);
    }

    /**
     * Answers 401 with the provider's documented error body to every request whose bearer token is not
     * {@code token}; null accepts any token (the default).
     */
    public void requireToken(String token) {
        requiredToken.set(token);
    }

    /** How many requests were answered 401, by API ("hetzner", "cloudflare", "digitalocean"). */
    public synchronized Map<String, Integer> rejected() {
        return new TreeMap<>(rejected);
    }

    public String hetznerEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public String digitalOceanEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
    }

    public String cloudflareEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
    }

    /** Runs {@code kill} after the next {@code "POST <collection>"} was applied, before it is answered. */
    void killAfter(String request, Runnable kill) {
        killer.set(kill);
        killOn.set(request);
    }

    public synchronized Map<String, Integer> creations() {
        return new TreeMap<>(creations);
    }

    public synchronized List<ObjectNode> all(String collection) {
        return List.copyOf(collections.get(collection));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = JSON.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
        Object[] answer;
        synchronized (this) {
            String token = requiredToken.get();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (token != null && !("Bearer " + token).equals(authorization)) {
                answer = unauthorized(path);
            } else if (path.startsWith("/v1/")) {
                answer = hetzner(method, path.substring(3), query, body);
            } else if (path.startsWith("/v2/")) {
                answer = digitalOcean(method, path.substring(3), query, body);
            } else {
                answer = cloudflare(method, path.substring("/client/v4".length()), query, body);
            }
        }
        String request = method + " " + path.replaceAll("/[\\d.]+$", "/{id}");
        if (request.equals(killOn.get())) {
            killOn.set(null);
            killer.get().run();
        }
        byte[] bytes = answer[1] == null ? new byte[0] : JSON.writeValueAsBytes(answer[1]);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders((int) answer[0], bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * The documented 401 bodies: Hetzner {"error":{"code":"unauthorized"}} (docs.hetzner.cloud/reference/cloud#errors),
     * Cloudflare's envelope with error 10000 "Authentication error" (developers.cloudflare.com/fundamentals/api/),
     * DigitalOcean {"id":"Unauthorized"} (docs.digitalocean.com/reference/api/api-reference/#section/Introduction).
     */
    private Object[] unauthorized(String path) {
        if (path.startsWith("/v1/")) {
            rejected.merge("hetzner", 1, Integer::sum);
            return new Object[] {401, readTree("{\"error\":{\"code\":\"unauthorized\","
                    + "\"message\":\"unable to authenticate\",\"details\":null}}")};
        }
        if (path.startsWith("/v2/")) {
            rejected.merge("digitalocean", 1, Integer::sum);
            return new Object[] {401, readTree("{\"id\":\"Unauthorized\",\"message\":\"Unable to authenticate you.\"}")};
        }
        rejected.merge("cloudflare", 1, Integer::sum);
        return new Object[] {401, readTree("{\"success\":false,\"errors\":[{\"code\":10000,"
                + "\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}")};
    }

    // --- Hetzner Cloud ---------------------------------------------------------------------------------------------

    private Object[] hetzner(String method, String path, Map<String, String> query, JsonNode body) {
        String[] parts = path.substring(1).split("/");
        String collection = parts[0];
        String singular = collection.substring(0, collection.length() - 1);
        if (collection.equals("pricing")) {
            return ok(JSON.createObjectNode().set("pricing", JSON.createObjectNode()));
        }
        if (!collections.containsKey(collection)) {
            return ok(page(collection, List.of()));
        }
        List<ObjectNode> items = collections.get(collection);
        if (parts.length == 1 && method.equals("GET")) {
            List<ObjectNode> found = items.stream().filter(i -> matches(i, query)).toList();
            return ok(page(collection, found));
        }
        if (parts.length == 1 && method.equals("POST")) {
            ObjectNode created = ((ObjectNode) body.deepCopy()).put("id", nextId++);
            if (collection.equals("servers")) {
                ObjectNode ip = JSON.createObjectNode().put("id", nextId++).put("name", "primary_ip-" + created.get("id"))
                        .put("ip", publicIpv4.get() != null ? publicIpv4.get() : "203.0.113." + (items.size() + 10))
                        .put("type", "ipv4")
                        .put("assignee_id", created.get("id").asLong()).put("auto_delete", true);
                ip.set("labels", JSON.createObjectNode());
                collections.get("primary_ips").add(ip);
                created.put("status", "running");
                created.set("public_net", JSON.createObjectNode().set("ipv4", JSON.createObjectNode()
                        .put("id", ip.get("id").asLong()).put("ip", ip.get("ip").asText())));
                onServerCreated.get().accept(created);
            }
            items.add(created);
            creations.merge(singular, 1, Integer::sum);
            return new Object[] {201, JSON.createObjectNode().set(singular, created)};
        }
        ObjectNode item = items.stream().filter(i -> i.get("id").asText().equals(parts[1])).findFirst().orElse(null);
        if (item == null) {
            return new Object[] {404, readTree("{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}")};
        }
        switch (method) {
            case "GET" -> {
                return ok(JSON.createObjectNode().set(singular, item));
            }
            case "PUT" -> {
                body.fields().forEachRemaining(f -> item.set(f.getKey(), f.getValue()));
                return ok(JSON.createObjectNode().set(singular, item));
            }
            case "DELETE" -> {
                items.remove(item);
                return new Object[] {204, null};
            }
            default -> {
                if (collection.equals("firewalls") && path.endsWith("/actions/set_rules")) {
                    return setRules(item, body);
                }
                // other POST …/actions/…: accepted, nothing to change in this fake
                return new Object[] {201, JSON.createObjectNode().set("action", JSON.createObjectNode().put("id", 1))};
            }
        }
    }

    /**
     * docs.hetzner.cloud/reference/cloud#firewall-actions-set-rules: replaces the firewall's rules and answers 201 with
     * the actions it started, here already finished.
     */
    private Object[] setRules(ObjectNode firewall, JsonNode body) {
        firewall.set("rules", body.path("rules").deepCopy());
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("actions").addObject().put("id", nextId++).put("command", "set_firewall_rules")
                .put("status", "success").put("progress", 100).putNull("error");
        return new Object[] {201, answer};
    }

    private static boolean matches(ObjectNode item, Map<String, String> query) {
        String selector = query.get("label_selector");
        if (selector != null) {
            String[] kv = selector.split("=", 2);
            if (!kv[1].equals(item.path("labels").path(kv[0]).asText(null))) {
                return false;
            }
        }
        return !query.containsKey("name") || query.get("name").equals(item.path("name").asText());
    }

    private static ObjectNode page(String field, List<ObjectNode> items) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray(field);
        items.forEach(array::add);
        page.set("meta", JSON.createObjectNode().set("pagination", JSON.createObjectNode().put("page", 1)
                .putNull("next_page").put("total_entries", items.size())));
        return page;
    }

    // --- DigitalOcean ----------------------------------------------------------------------------------------------

    private Object[] digitalOcean(String method, String path, Map<String, String> query, JsonNode body) {
        String[] parts = path.substring(1).split("/");
        String resource = path.startsWith("/account/keys") ? "ssh_keys" : parts[0];
        String collection = switch (resource) {
            case "ssh_keys" -> "do_keys";
            case "firewalls" -> "do_firewalls";
            default -> resource;
        };
        String field = resource;
        String singular = resource.substring(0, resource.length() - 1);
        String id = path.startsWith("/account/keys") ? (parts.length > 2 ? parts[2] : null)
                : (parts.length > 1 ? parts[1] : null);
        if (resource.equals("tags")) {
            return new Object[] {201, JSON.createObjectNode().set("tag", body)};
        }
        List<ObjectNode> items = collections.get(collection);
        if (id == null && method.equals("GET")) {
            List<ObjectNode> found = items.stream().filter(i -> !query.containsKey("tag_name")
                    || i.path("tags").toString().contains("\"" + query.get("tag_name") + "\"")).toList();
            ObjectNode list = JSON.createObjectNode();
            ArrayNode array = list.putArray(field);
            found.forEach(array::add);
            list.set("links", JSON.createObjectNode());
            list.set("meta", JSON.createObjectNode().put("total", found.size()));
            return ok(list);
        }
        if (id == null && method.equals("POST")) {
            ObjectNode created = (ObjectNode) body.deepCopy();
            switch (resource) {
                case "droplets" -> {
                    created.put("id", nextId++).put("status", "active");
                    ObjectNode v4 = JSON.createObjectNode().put("ip_address", "198.51.100." + nextId++)
                            .put("type", "public");
                    created.set("networks", JSON.createObjectNode().set("v4", JSON.createArrayNode().add(v4)));
                }
                case "reserved_ips" -> {
                    created.put("ip", "203.0.113." + nextId++);
                    created.set("droplet", JSON.createObjectNode().put("id", body.path("droplet_id").asLong()));
                    created.remove("droplet_id");
                }
                case "firewalls" -> created.put("id", "fw-" + nextId++);
                default -> created.put("id", nextId++).put("fingerprint", "aa:bb:" + nextId);
            }
            items.add(created);
            creations.merge(singular, 1, Integer::sum);
            return new Object[] {resource.equals("ssh_keys") ? 201 : 202,
                    JSON.createObjectNode().set(singular, created)};
        }
        String key = resource.equals("reserved_ips") ? "ip" : "id";
        ObjectNode item = items.stream().filter(i -> i.path(key).asText().equals(id)).findFirst().orElse(null);
        if (item == null) {
            return new Object[] {404, readTree("{\"id\":\"not_found\",\"message\":\"The resource you requested "
                    + "could not be found.\"}")};
        }
        if (method.equals("DELETE")) {
            items.remove(item);
            return new Object[] {204, null};
        }
        if (method.equals("PUT") && resource.equals("firewalls")) {
            // docs.digitalocean.com/reference/api/api-reference/#operation/firewalls_update: the body replaces the firewall
            String firewallId = item.path("id").asText();
            item.removeAll();
            item.setAll((ObjectNode) body.deepCopy());
            item.put("id", firewallId);
        }
        return ok(JSON.createObjectNode().set(singular, item));
    }

    // --- Cloudflare ------------------------------------------------------------------------------------------------

    private Object[] cloudflare(String method, String path, Map<String, String> query, JsonNode body) {
        if (path.equals("/user/tokens/verify")) {
            return ok(envelope(JSON.createObjectNode().put("id", "t").put("status", "active")));
        }
        if (path.equals("/zones")) {
            List<ObjectNode> zones = "example.org".equals(query.get("name"))
                    ? List.of(JSON.createObjectNode().put("id", ZONE_ID).put("name", "example.org")) : List.of();
            return ok(list(zones));
        }
        List<ObjectNode> records = collections.get("dns_records");
        String[] parts = path.split("/");
        if (parts.length == 4 && method.equals("GET")) {
            return ok(list(records.stream()
                    .filter(r -> !query.containsKey("type") || query.get("type").equals(r.path("type").asText()))
                    .filter(r -> !query.containsKey("name") || query.get("name").equals(r.path("name").asText()))
                    .filter(r -> !query.containsKey("comment.exact")
                            || query.get("comment.exact").equals(r.path("comment").asText()))
                    .toList()));
        }
        if (parts.length == 4 && method.equals("POST")) {
            ObjectNode created = ((ObjectNode) body.deepCopy()).put("id", "rec" + nextId++);
            records.add(created);
            creations.merge("dns_record", 1, Integer::sum);
            return ok(envelope(created));
        }
        ObjectNode record = records.stream().filter(r -> r.get("id").asText().equals(parts[4])).findFirst()
                .orElse(null);
        if (record == null) {
            return new Object[] {404, readTree("{\"success\":false,\"errors\":[{\"code\":81044,"
                    + "\"message\":\"Record does not exist.\"}]}")};
        }
        if (method.equals("DELETE")) {
            records.remove(record);
            return ok(envelope(JSON.createObjectNode().put("id", parts[4])));
        }
        body.fields().forEachRemaining(f -> record.set(f.getKey(), f.getValue()));
        return ok(envelope(record));
    }

    private static ObjectNode envelope(JsonNode result) {
        ObjectNode envelope = JSON.createObjectNode().put("success", true);
        envelope.putArray("errors");
        envelope.set("result", result);
        return envelope;
    }

    private static ObjectNode list(List<ObjectNode> items) {
        ObjectNode envelope = JSON.createObjectNode().put("success", true);
        envelope.putArray("errors");
        ArrayNode result = envelope.putArray("result");
        items.forEach(result::add);
        envelope.set("result_info", JSON.createObjectNode().put("page", 1).put("total_pages", 1));
        return envelope;
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] ok(JsonNode body) {
        return new Object[] {200, body};
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
