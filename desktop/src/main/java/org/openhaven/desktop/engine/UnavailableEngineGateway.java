package org.openhaven.desktop.engine;

import java.util.List;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The gateway while this build's engine lacks its plan/apply facade: every call says so plainly, so the
 * wizard shows a clear message instead of pretending. Replaced by the engine-backed gateway as the facade lands.
 */
public final class UnavailableEngineGateway implements EngineGateway {

    private static OpenHavenException missing(String what) {
        return OpenHavenException.of(ErrorCategory.CONFIG, "This build of OpenHaven cannot " + what + " yet.")
                .remedy("Use a release build, or the command line: ./openhaven --help").build();
    }

    @Override
    public String verifyCloudCredentials(Choice provider, Secret token) {
        throw missing("check " + provider.id() + " credentials");
    }

    @Override
    public String verifyDnsCredentials(String dnsProvider, Secret token) {
        throw missing("check " + dnsProvider + " credentials");
    }

    @Override
    public List<Region> regions(Choice provider, Secret token) {
        throw missing("list regions");
    }

    @Override
    public List<ServerType> serverTypes(Choice provider, Secret token) {
        throw missing("list server sizes");
    }

    @Override
    public List<CatalogEntry> catalog() {
        throw missing("read the service catalog");
    }

    @Override
    public List<String> resolve(List<String> selected) {
        return List.copyOf(selected);
    }

    @Override
    public void testBackupTarget(BackupSpec target, Secret accessKey, Secret secretKey) {
        throw missing("test a backup target");
    }

    @Override
    public void openVault(Secret passphrase) {
        throw missing("open the vault");
    }

    @Override
    public void storeSecret(String key, Secret value) {
        throw missing("store secrets");
    }

    @Override
    public PlanPreview plan(HavenSpec spec) {
        throw missing("plan");
    }

    @Override
    public DeployResult apply(HavenSpec spec, ProgressListener listener, Cancellation cancellation) {
        throw missing("deploy");
    }

    @Override
    public HavenStatus status() {
        throw missing("read the haven's status");
    }

    @Override
    public HavenSpec currentSpec() {
        throw missing("read the haven's spec");
    }

    @Override
    public List<VpnPeer> vpnPeers() {
        return List.of();
    }

    @Override
    public VpnPeer addVpnPeer(String name) {
        throw missing("add VPN peers");
    }

    @Override
    public void removeVpnPeer(String name) {
        throw missing("remove VPN peers");
    }
}
