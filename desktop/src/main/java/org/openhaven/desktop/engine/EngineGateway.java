package org.openhaven.desktop.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Everything the desktop asks of the engine, in the desktop's words. A narrow port, so the views and
 * view-models never see engine internals and tests can drive the whole UI with a scripted implementation.
 *
 * <p>Every method may block (network, disk) and is called from a background thread, never the FX thread.
 * Failures are {@link OpenHavenException}s whose message and remedy the UI shows as they are.
 */
public interface EngineGateway {

    /** Checks credentials against the provider with a cheap read call; returns the account name. */
    String verifyCloudCredentials(Choice provider, Secret token);

    /**
     * Logs in to a server the user already has with the haven's key and runs the read-only preflight; pins the
     * server's host key on first contact, the pin every later deploy expects. Changes nothing on the server.
     *
     * @throws OpenHavenException AUTH naming the authorized_keys line to add when the key is refused; CONFIG with
     *                            every problem and its remedy when the server is not fit; NETWORK when unreachable
     */
    ServerInspection checkExistingServer(String host, int port, String user, Secret privateKey);

    /** Checks the DNS provider's credentials; returns the account name. */
    String verifyDnsCredentials(String dnsProvider, Secret token);

    List<Region> regions(Choice provider, Secret token);

    /** Server sizes with monthly prices. */
    List<ServerType> serverTypes(Choice provider, Secret token);

    /** The selectable services and their internal dependencies. */
    List<CatalogEntry> catalog();

    /** The chosen services plus everything they pull in, dependencies first. */
    List<String> resolve(List<String> selected);

    /** Writes, reads back and deletes a small object, proving the backup target works. */
    void testBackupTarget(BackupSpec target, Secret accessKey, Secret secretKey);

    /**
     * Opens the encrypted vault of the selected haven (else of the first one set up) with the user's passphrase,
     * creating it on first use. Fails with an {@link OpenHavenException} naming the haven when the passphrase does
     * not open its existing vault.
     */
    void openVault(Secret passphrase);

    /** The havens set up on this computer (those with a saved spec), in name order. */
    List<HavenRef> havens();

    /**
     * Makes {@code havenId} the haven that {@link #status()}, {@link #currentSpec()} and the VPN peers speak of.
     *
     * @return true when its vault is open with a passphrase given earlier in this session; false when its vault
     *         takes another passphrase, which {@link #openVault} must be given next
     */
    boolean selectHaven(String havenId);

    /** The selected haven; before any selection, the one whose vault is open or else the first one set up. */
    Optional<HavenRef> selectedHaven();

    /**
     * Tells {@code listener} the haven's id each time the wizard names a haven ({@link #plan} or {@link #apply}),
     * on the thread that called them: what waited for the haven's name (a passphrase to remember) can follow it.
     */
    void whenHavenNamed(Consumer<String> listener);

    /** Keeps a credential typed into the wizard in the encrypted vault (never a plain file). */
    void storeSecret(String key, Secret value);

    PlanPreview plan(HavenSpec spec);

    /**
     * Converges the haven, emitting progress; resumable: calling it again after a failure or cancel continues
     * where it stopped, skipping steps already done.
     */
    DeployResult apply(HavenSpec spec, ProgressListener listener, Cancellation cancellation);

    /**
     * Live health of the deployed haven: the server's own view of its containers over SSH merged with one HTTPS
     * probe per service, certificate expiry, and the last backup from the server's backup status file.
     */
    HavenStatus status();

    /** The spec of the deployed haven, as last applied; the dashboard edits a copy of it. */
    HavenSpec currentSpec();

    List<VpnPeer> vpnPeers();

    VpnPeer addVpnPeer(String name);

    void removeVpnPeer(String name);
}
