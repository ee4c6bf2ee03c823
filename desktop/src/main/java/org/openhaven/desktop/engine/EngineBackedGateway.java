package org.openhaven.desktop.engine;

import java.util.List;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;

/**
 * The gateway on the real engine. Delegates what the engine's public API offers today — the service catalog
 * and the providers' live credential checks, regions and priced sizes — and hands the rest (vault, plan,
 * apply, status, peers) to {@code pending}, which says plainly that this build cannot do it yet.
 */
public final class EngineBackedGateway implements EngineGateway {

    private final Catalog catalog;
    private final ProviderRegistry providers;
    private final EngineGateway pending;

    public EngineBackedGateway(Catalog catalog, ProviderRegistry providers, EngineGateway pending) {
        this.catalog = catalog;
        this.providers = providers;
        this.pending = pending;
    }

    /** The built-in catalog and every provider on the class path. */
    public static EngineBackedGateway builtIn() {
        return new EngineBackedGateway(Catalog.builtIn(), ProviderRegistry.discover(), new UnavailableEngineGateway());
    }

    private CloudProvider cloud(Choice provider, Secret token) {
        SecretStore store = new InMemorySecretStore();
        CredentialKeys.cloud(provider, token).forEach(store::put);
        return providers.cloud(new ServerSpec(provider.id(), null, null, null, null, null, null), store);
    }

    @Override
    public String verifyCloudCredentials(Choice provider, Secret token) {
        return cloud(provider, token).verifyCredentials();
    }

    @Override
    public String verifyDnsCredentials(String dnsProvider, Secret token) {
        SecretStore store = new InMemorySecretStore();
        CredentialKeys.dns(dnsProvider, token).forEach(store::put);
        return providers.dns(new DnsSpec(dnsProvider, null), store).verifyCredentials();
    }

    @Override
    public List<Region> regions(Choice provider, Secret token) {
        return cloud(provider, token).regions();
    }

    @Override
    public List<ServerType> serverTypes(Choice provider, Secret token) {
        return cloud(provider, token).serverTypes();
    }

    @Override
    public List<CatalogEntry> catalog() {
        return catalog.entries().values().stream().map(e -> toEntry(e.definition())).toList();
    }

    private static CatalogEntry toEntry(ServiceDefinition d) {
        return new CatalogEntry(d.id(), d.name(), d.description(), d.memoryMb(), d.dependencies(), d.selectable());
    }

    @Override
    public List<String> resolve(List<String> selected) {
        return catalog.resolve(selected);
    }

    @Override
    public void testBackupTarget(BackupSpec target, Secret accessKey, Secret secretKey) {
        pending.testBackupTarget(target, accessKey, secretKey);
    }

    @Override
    public void openVault(Secret passphrase) {
        pending.openVault(passphrase);
    }

    @Override
    public void storeSecret(String key, Secret value) {
        pending.storeSecret(key, value);
    }

    @Override
    public PlanPreview plan(HavenSpec spec) {
        return pending.plan(spec);
    }

    @Override
    public DeployResult apply(HavenSpec spec, ProgressListener listener, Cancellation cancellation) {
        return pending.apply(spec, listener, cancellation);
    }

    @Override
    public HavenStatus status() {
        return pending.status();
    }

    @Override
    public HavenSpec currentSpec() {
        return pending.currentSpec();
    }

    @Override
    public List<VpnPeer> vpnPeers() {
        return pending.vpnPeers();
    }

    @Override
    public VpnPeer addVpnPeer(String name) {
        return pending.addVpnPeer(name);
    }

    @Override
    public void removeVpnPeer(String name) {
        pending.removeVpnPeer(name);
    }
}
