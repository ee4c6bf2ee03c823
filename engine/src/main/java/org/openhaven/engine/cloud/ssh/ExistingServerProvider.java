package org.openhaven.engine.cloud.ssh;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.Reachability;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.Shell;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.remote.SshTarget;
import org.openhaven.engine.secrets.Secret;

/**
 * "A server I already have": the {@code ssh} provider. Nothing is created at a cloud: {@link #ensureServer} runs
 * the {@link ExistingServerPreflight} (before anything changes) and then marks the server as the haven's with
 * the file {@code /opt/openhaven/haven-id} — the equivalent of a cloud label, read back by {@link #listOwned}.
 * The firewall lives on the host (the bootstrap's nftables table), so {@link #ensureFirewall} only records it.
 * {@link #destroy} never deletes the server: it stops the stack and removes /opt/openhaven, nothing else the
 * user had; the hardening stays, because undoing it would weaken the server.
 */
public final class ExistingServerProvider implements CloudProvider {

    private static final Duration CONNECT = Duration.ofSeconds(20);

    private final SshTarget target;
    private final Secret privateKeyPem;
    private final String pinnedFingerprint;
    private final ServerLayout layout;

    /**
     * @param pinnedFingerprint the host key recorded at first contact, or null before it (the server resource's
     *                          {@code hostKey} attribute then carries it for the caller to store)
     */
    public ExistingServerProvider(SshTarget target, Secret privateKeyPem, String pinnedFingerprint,
            ServerLayout layout) {
        this.target = target;
        this.privateKeyPem = privateKeyPem;
        this.pinnedFingerprint = pinnedFingerprint;
        this.layout = layout;
    }

    @Override
    public String id() {
        return "ssh";
    }

    /** Logs in with the haven's key; the "account" is the login itself. */
    @Override
    public String verifyCredentials() {
        try (SshConnection connection = connect()) {
            return target.describe() + " (host key " + connection.hostKeyFingerprint() + ")";
        }
    }

    @Override
    public List<Region> regions() {
        return List.of();
    }

    @Override
    public List<ServerType> serverTypes() {
        return List.of();
    }

    @Override
    public BigDecimal monthlyIpPrice() {
        return BigDecimal.ZERO;
    }

    /** The key must already be in the login's authorized_keys (the wizard shows the line to add). */
    @Override
    public CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh) {
        return new CloudResource(ResourceKind.SSH_KEY, "authorized_keys", name, Map.of("user", target.user()));
    }

    /** Nothing at a cloud: the host firewall is loaded by the bootstrap. */
    @Override
    public CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules) {
        return new CloudResource(ResourceKind.FIREWALL, "nftables:inet/openhaven", name, Map.of());
    }

    /** Runs the preflight (failing with every problem and remedy) and then marks the server as the haven's. */
    @Override
    public CloudResource ensureServer(HavenLabel label, ServerRequest request) {
        try (SshConnection connection = connect()) {
            PreflightReport report = ExistingServerPreflight.require(connection);
            new SshExecutor(connection).runChecked(Shell.script("mark the server as the haven's",
                    RemoteCommand.of("", "install", "-d", "-m", "0755", layout.root()),
                    Shell.raw("", "printf '%s\\n' " + RemoteCommand.quote(label.havenId()) + " > "
                            + RemoteCommand.quote(ownerFile()))), OutputConsumer.IGNORE);
            return server(request.name(), connection.hostKeyFingerprint(), report.prettyName());
        }
    }

    /** An existing server keeps its own address. */
    @Override
    public CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server) {
        return new CloudResource(ResourceKind.IP, target.host(), name, Map.of("ipv4", target.host()));
    }

    @Override
    public CloudResource waitUntilRunning(CloudResource server, Duration deadline) {
        new Reachability().awaitSsh(target, deadline);
        return server;
    }

    /** The server, when its owner file names this haven. */
    @Override
    public List<CloudResource> listOwned(HavenLabel label) {
        try (SshConnection connection = connect()) {
            String owner = connection.exec(RemoteCommand.of("", "cat", ownerFile()).shellLine(), null,
                    OutputConsumer.IGNORE).stdout().strip();
            return owner.equals(label.havenId())
                    ? List.of(server(target.host(), connection.hostKeyFingerprint(), ""))
                    : List.of();
        }
    }

    /** For the server: stops the stack and removes /opt/openhaven; the machine itself is never deleted. */
    @Override
    public void destroy(CloudResource resource) {
        if (resource.kind() != ResourceKind.SERVER) {
            return;
        }
        try (SshConnection connection = connect()) {
            new SshExecutor(connection).runChecked(uninstall(layout), OutputConsumer.IGNORE);
        }
    }

    /** Stops whichever release is live with whichever Compose is there, then removes OpenHaven's directory. */
    static RemoteCommand uninstall(ServerLayout layout) {
        String current = layout.current();
        String v2 = new ComposeCommands(ComposeCommands.Flavor.V2, current, ServerLayout.PROJECT).down().shellLine();
        String v1 = new ComposeCommands(ComposeCommands.Flavor.V1, current, ServerLayout.PROJECT).down().shellLine();
        return Shell.raw("remove the haven from the server", String.join("\n",
                "set -e",
                "if [ -e " + RemoteCommand.quote(current + "/compose.yaml") + " ]; then",
                "  if docker compose version >/dev/null 2>&1; then " + v2 + "; else " + v1 + "; fi",
                "fi",
                "rm -rf " + RemoteCommand.quote(layout.root())));
    }

    private String ownerFile() {
        return layout.root() + "/haven-id";
    }

    private CloudResource server(String name, String hostKey, String os) {
        return new CloudResource(ResourceKind.SERVER, target.host(), name,
                Map.of("ipv4", target.host(), "hostKey", hostKey, "os", os, "sshPort", Integer.toString(target.port()),
                        "sshUser", target.user()));
    }

    private SshConnection connect() {
        return SshConnection.open(target, privateKeyPem, pinnedFingerprint, CONNECT);
    }
}
