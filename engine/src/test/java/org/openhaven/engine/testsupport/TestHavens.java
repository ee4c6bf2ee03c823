package org.openhaven.engine.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.haven.CloudProviderFactory;
import org.openhaven.engine.haven.DnsProviderFactory;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.RetryPolicy;
import org.openhaven.engine.plan.Sleeper;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;
import org.openhaven.engine.state.HavenStore;

/** Specs and engines wired to the test-scope provider and host, for engine, CLI and desktop tests. */
public final class TestHavens {

    private TestHavens() {
    }

    /** A cloud haven on the test provider with a few services. */
    public static HavenSpec cloudSpec(String name) {
        return cloudSpec(name, List.of("vaultwarden", "gitea"));
    }

    public static HavenSpec cloudSpec(String name, List<String> services) {
        return new HavenSpec(name, name + ".example.org", new Owner("Ada Lovelace", "ada@example.org"),
                new ServerSpec(FileBackedTestProvider.ID, "test-1", "small", null, null, null, null),
                new DnsSpec(FileBackedTestProvider.ID, null), TlsMode.HTTP_01,
                services.stream().map(ServiceSelection::of).toList(), null,
                new VpnSpec(List.of(new VpnSpec.Peer("phone"))), MailSpec.OFF);
    }

    /** {@code spec} with another backup target (null: none). */
    public static HavenSpec withBackup(HavenSpec spec, BackupSpec backup) {
        return new HavenSpec(spec.name(), spec.domain(), spec.owner(), spec.server(), spec.dns(), spec.tls(),
                spec.services(), backup, spec.vpn(), spec.mail());
    }

    /** A registry that hands out this provider for both cloud and DNS. */
    public static ProviderRegistry registry(FileBackedTestProvider provider) {
        return registry(provider, provider);
    }

    /** A registry that hands out these providers under the test provider's id. */
    public static ProviderRegistry registry(CloudProvider cloudProvider, DnsProvider dnsProvider) {
        CloudProviderFactory cloud = new CloudProviderFactory() {
            @Override
            public String id() {
                return FileBackedTestProvider.ID;
            }

            @Override
            public CloudProvider create(String endpoint, SecretStore secrets) {
                return cloudProvider;
            }
        };
        DnsProviderFactory dns = new DnsProviderFactory() {
            @Override
            public String id() {
                return FileBackedTestProvider.ID;
            }

            @Override
            public DnsProvider create(String endpoint, SecretStore secrets) {
                return dnsProvider;
            }
        };
        return new ProviderRegistry(List.of(cloud), List.of(dns));
    }

    /** An engine over {@code home} using the test provider and host; retries without real waiting. */
    public static HavenEngine engine(Path home, FileBackedTestProvider provider, FileBackedTestHost host) {
        return engine(home, registry(provider), host);
    }

    /** An engine over {@code home} with these providers and the test host; retries without real waiting. */
    public static HavenEngine engine(Path home, ProviderRegistry registry, FileBackedTestHost host) {
        Applier applier = new Applier(Clock.systemUTC(), (d, c) -> c.throwIfCancelled(), () -> 0.5,
                RetryPolicy.DEFAULT, 4);
        return new HavenEngine(new HavenStore(home), registry, host.components(), applier, Clock.systemUTC());
    }

    /** An engine as above whose applier uses the given sleeper. */
    public static HavenEngine engine(Path home, FileBackedTestProvider provider, FileBackedTestHost host,
                                     Sleeper sleeper) {
        Applier applier = new Applier(Clock.systemUTC(), sleeper, () -> 0.5, RetryPolicy.DEFAULT, 4);
        return new HavenEngine(new HavenStore(home), registry(provider), host.components(), applier, Clock.systemUTC());
    }

}
