package org.openhaven.engine.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.AtomicFiles;

/**
 * TEST-SCOPE cloud and DNS provider. Not a real cloud: it keeps what it "creates" in a JSON file (written
 * atomically, so it survives SIGKILL of the process using it), counts every creation so tests can prove nothing
 * was created twice, and offers kill points ({@link KillPoints}) before and after each side effect.
 * It can also reject credentials (401) or throttle (429 with Retry-After) on demand.
 */
public final class FileBackedTestProvider implements CloudProvider, DnsProvider {

    public static final String ID = "testcloud";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the provider holds; public for Jackson and for tests that read the file. */
    public static final class Data {
        public int nextId = 1;
        public List<Map<String, String>> resources = new ArrayList<>();
        public List<Map<String, String>> dnsRecords = new ArrayList<>();
        /** How often each {@code KIND:name} was created; more than 1 means a duplicate. */
        public Map<String, Integer> creations = new TreeMap<>();
    }

    private final Path file;
    private volatile boolean rejectCredentials;
    private int throttleCalls;
    private Duration throttleRetryAfter = Duration.ZERO;

    public FileBackedTestProvider(Path file) {
        this.file = file;
    }

    /** From now on, every call fails as a provider answering 401 would. */
    public FileBackedTestProvider rejectCredentials(boolean reject) {
        this.rejectCredentials = reject;
        return this;
    }

    /** The next {@code calls} calls fail as a provider answering 429 with this Retry-After would. */
    public synchronized FileBackedTestProvider throttleNext(int calls, Duration retryAfter) {
        this.throttleCalls = calls;
        this.throttleRetryAfter = retryAfter;
        return this;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        gate();
        return "test account";
    }

    @Override
    public List<Region> regions() {
        return List.of(new Region("test-1", "Test region", "XX"));
    }

    @Override
    public List<ServerType> serverTypes() {
        return List.of(new ServerType("small", "test size", 2, 4096, 40, new BigDecimal("5.00"), "EUR",
                List.of(), "table test"));
    }

    @Override
    public BigDecimal monthlyIpPrice() {
        return BigDecimal.ONE;
    }

    @Override
    public CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh) {
        return ensure(label, ResourceKind.SSH_KEY, name, Map.of());
    }

    @Override
    public CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules) {
        return ensure(label, ResourceKind.FIREWALL, name, Map.of("rules", String.valueOf(rules.size())));
    }

    @Override
    public CloudResource ensureServer(HavenLabel label, ServerRequest request) {
        return ensure(label, ResourceKind.SERVER, request.name(),
                Map.of("region", request.region(), "size", request.size(), "status", "starting"));
    }

    @Override
    public CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server) {
        return ensure(label, ResourceKind.IP, name, Map.of("server", server.providerId()));
    }

    @Override
    public synchronized CloudResource waitUntilRunning(CloudResource server, Duration deadline) {
        gate();
        KillPoints.reached("provider:before-wait-running");
        Data data = load();
        for (Map<String, String> r : data.resources) {
            if (r.get("providerId").equals(server.providerId())) {
                r.put("status", "running");
                r.put("ipv4", "192.0.2." + (Integer.parseInt(server.providerId()) % 250 + 1));
                save(data);
                return toResource(r);
            }
        }
        throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "Server " + server.providerId() + " does not exist.")
                .build();
    }

    @Override
    public synchronized List<CloudResource> listOwned(HavenLabel label) {
        gate();
        return load().resources.stream().filter(r -> label.selector().equals(r.get("label")))
                .map(FileBackedTestProvider::toResource).toList();
    }

    @Override
    public synchronized void destroy(CloudResource resource) {
        gate();
        Data data = load();
        data.resources.removeIf(r -> r.get("providerId").equals(resource.providerId()));
        save(data);
    }

    // --- DNS ---

    @Override
    public DnsZone findZone(String domain) {
        gate();
        return new DnsZone("zone-1", domain);
    }

    @Override
    public synchronized DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record) {
        gate();
        String point = "dns-" + record.type() + "-" + record.name();
        KillPoints.reached("provider:before-" + point);
        Data data = load();
        for (Map<String, String> r : data.dnsRecords) {
            if (r.get("type").equals(record.type()) && r.get("name").equals(record.name())
                    && label.selector().equals(r.get("label"))) {
                r.put("content", record.content());
                putPriority(r, record);
                save(data);
                return record.withProviderId(r.get("providerId"));
            }
        }
        Map<String, String> created = new TreeMap<>(Map.of("providerId", "rec-" + data.nextId++, "type", record.type(),
                "name", record.name(), "content", record.content(), "label", label.selector()));
        putPriority(created, record);
        data.dnsRecords.add(created);
        data.creations.merge("DNS_RECORD:" + record.type() + " " + record.name(), 1, Integer::sum);
        save(data);
        KillPoints.reached("provider:after-" + point);
        return record.withProviderId(created.get("providerId"));
    }

    @Override
    public synchronized List<DnsRecord> listOwned(HavenLabel label, DnsZone zone) {
        gate();
        return load().dnsRecords.stream().filter(r -> label.selector().equals(r.get("label")))
                .map(r -> new DnsRecord(r.get("type"), r.get("name"), r.get("content"), 300,
                        r.containsKey("priority") ? Integer.valueOf(r.get("priority")) : null, false,
                        r.get("providerId")))
                .toList();
    }

    private static void putPriority(Map<String, String> stored, DnsRecord record) {
        if (record.priority() != null) {
            stored.put("priority", String.valueOf(record.priority()));
        }
    }

    @Override
    public synchronized void delete(DnsZone zone, DnsRecord record) {
        gate();
        Data data = load();
        data.dnsRecords.removeIf(r -> r.get("providerId").equals(record.providerId()));
        save(data);
    }

    /** What the provider holds now (read from its file). */
    public synchronized Data snapshot() {
        return load();
    }

    private synchronized CloudResource ensure(HavenLabel label, ResourceKind kind, String name,
                                              Map<String, String> attributes) {
        gate();
        String point = kind.name().toLowerCase(java.util.Locale.ROOT);
        KillPoints.reached("provider:before-" + point);
        Data data = load();
        for (Map<String, String> r : data.resources) {
            if (r.get("kind").equals(kind.name()) && r.get("name").equals(name) && label.selector().equals(r.get("label"))) {
                return toResource(r);
            }
        }
        Map<String, String> created = new TreeMap<>(attributes);
        created.put("providerId", String.valueOf(data.nextId++));
        created.put("kind", kind.name());
        created.put("name", name);
        created.put("label", label.selector());
        if (kind == ResourceKind.IP) {
            created.put("ipv4", "198.51.100." + (data.nextId % 250 + 1));
        }
        data.resources.add(created);
        data.creations.merge(kind.name() + ":" + name, 1, Integer::sum);
        save(data);
        // the nastiest moment: the resource exists at the provider, the engine has not heard of it yet
        KillPoints.reached("provider:after-" + point);
        return toResource(created);
    }

    private static CloudResource toResource(Map<String, String> r) {
        Map<String, String> attributes = new TreeMap<>(r);
        attributes.keySet().removeAll(List.of("providerId", "kind", "name", "label"));
        return new CloudResource(ResourceKind.valueOf(r.get("kind")), r.get("providerId"), r.get("name"), attributes);
    }

    private void gate() {
        if (rejectCredentials) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The test provider rejected the token (401).")
                    .remedy("Store a valid token with 'openhaven secrets set testcloud/token'.").build();
        }
        synchronized (this) {
            if (throttleCalls > 0) {
                throttleCalls--;
                throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "The test provider is rate limiting (429).")
                        .retryAfter(throttleRetryAfter).build();
            }
        }
    }

    private Data load() {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), Data.class) : new Data();
        } catch (IOException e) {
            throw new IllegalStateException("test provider file " + file + " unreadable", e);
        }
    }

    private void save(Data data) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new IllegalStateException("test provider file " + file + " unwritable", e);
        }
    }
}
