package org.openhaven.engine.haven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.ServerSpec;

/** Finds providers by id. The default one discovers factories with {@link ServiceLoader}; tests pass their own. */
public final class ProviderRegistry {

    private final Map<String, CloudProviderFactory> clouds = new TreeMap<>();
    private final Map<String, DnsProviderFactory> dns = new TreeMap<>();

    public ProviderRegistry(List<CloudProviderFactory> cloudFactories, List<DnsProviderFactory> dnsFactories) {
        cloudFactories.forEach(f -> clouds.put(f.id(), f));
        dnsFactories.forEach(f -> dns.put(f.id(), f));
    }

    /** Every factory on the class path (declared in {@code META-INF/services}). */
    public static ProviderRegistry discover() {
        List<CloudProviderFactory> cloudFactories = new ArrayList<>();
        ServiceLoader.load(CloudProviderFactory.class).forEach(cloudFactories::add);
        List<DnsProviderFactory> dnsFactories = new ArrayList<>();
        ServiceLoader.load(DnsProviderFactory.class).forEach(dnsFactories::add);
        return new ProviderRegistry(cloudFactories, dnsFactories);
    }

    public CloudProvider cloud(ServerSpec server, SecretStore secrets) {
        CloudProviderFactory factory = clouds.get(server.provider());
        if (factory == null) {
            throw OpenHavenException.config("No cloud provider '" + server.provider() + "' is available.",
                    choices(clouds.keySet()));
        }
        return factory.create(server, secrets);
    }

    /**
     * The cloud provider's warnings for {@code spec}, without credentials; none for an existing server or an
     * unknown provider (validation reports that one).
     */
    public List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        CloudProviderFactory factory = spec.server() == null ? null : clouds.get(spec.server().provider());
        return factory == null ? List.of() : factory.warnings(spec);
    }

    private static String choices(java.util.Set<String> ids) {
        return ids.isEmpty() ? "This build of OpenHaven includes no such providers; install the full OpenHaven."
                : "Use one of: " + String.join(", ", ids) + ".";
    }

    public DnsProvider dns(DnsSpec spec, SecretStore secrets) {
        DnsProviderFactory factory = dns.get(spec.provider());
        if (factory == null) {
            throw OpenHavenException.config("No DNS provider '" + spec.provider() + "' is available.",
                    choices(dns.keySet()));
        }
        return factory.create(spec.endpoint(), secrets);
    }
}
