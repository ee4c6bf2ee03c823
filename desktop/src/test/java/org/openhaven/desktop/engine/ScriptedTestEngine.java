package org.openhaven.desktop.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;

/**
 * TEST SCOPE ONLY: an engine gateway that follows a script, so the UI can be driven end to end without a cloud.
 * It keeps the engine's real behaviours the UI depends on: rejected tokens fail with AUTH and a remedy, apply
 * resumes (steps done before report "unchanged"), a step can be made to fail once, and cancel stops between steps.
 */
public final class ScriptedTestEngine implements EngineGateway {

    public static final String GOOD_TOKEN = "good-token";
    public static final List<String> STEPS = List.of("ssh-key", "firewall", "server", "reserved-ip", "dns",
            "bootstrap", "upload", "compose-up", "health");

    private static final Map<String, List<String>> DEPENDENCIES = Map.of(
            "nextcloud", List.of("postgres", "redis"),
            "gitea", List.of("postgres"),
            "open-webui", List.of("ollama"),
            "onlyoffice", List.of("nextcloud"));

    /** What a failing step says, as the real engine would: message and remedy. */
    private static final Map<String, String[]> FAILURES = Map.of(
            "server", new String[] {"Hetzner could not create the server: the location is out of capacity (412).",
                    "Retry in a few minutes, or go back and pick another region."},
            "bootstrap", new String[] {"Preparing the server failed: apt could not reach the Debian mirror.",
                    "This is usually brief at the provider's network; Retry continues from this step."});

    /** The real providers' plan warnings (port-25 policies), which need no credentials. */
    private static final org.openhaven.engine.haven.ProviderRegistry WARNINGS =
            org.openhaven.engine.haven.ProviderRegistry.discover();

    private final Set<String> completedSteps = ConcurrentHashMap.newKeySet();
    private final Map<String, Secret> vault = new ConcurrentHashMap<>();
    private final List<Consumer<String>> namedListeners = new CopyOnWriteArrayList<>();
    private final List<String> peers = Collections.synchronizedList(new ArrayList<>(List.of("phone", "this-computer")));
    private volatile String failOnceAt;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private volatile HavenStatus backup;
    private volatile int applyCalls;
    private final Map<HavenRef, String> havens = Collections.synchronizedMap(new LinkedHashMap<>(
            Map.of(new HavenRef("example-org", "example.org"), "")));
    private final Map<String, String> opened = new ConcurrentHashMap<>();
    private volatile HavenRef selected = new HavenRef("example-org", "example.org");
    private volatile String current;
    private volatile boolean serverKeysAuthorized = true;

    /** The next apply fails at this step (once), as a provider outage would. */
    public ScriptedTestEngine failOnceAt(String stepId) {
        this.failOnceAt = stepId;
        return this;
    }

    /** The backup part of the next statuses: its health, the failed run's reason, the server's problem. */
    public ScriptedTestEngine withBackup(org.openhaven.engine.backup.BackupHealth health, Instant lastSuccess,
                                         String error, String serverProblem) {
        this.backup = new HavenStatus("example-org", List.of(), lastSuccess, false, health, error, serverProblem);
        return this;
    }

    /** Status times (backup age, certificate expiry) are relative to this clock. */
    public ScriptedTestEngine withClock(java.time.Clock fixed) {
        this.clock = fixed;
        return this;
    }

    public int applyCalls() {
        return applyCalls;
    }

    public Map<String, Secret> vault() {
        return vault;
    }

    @Override
    public String verifyCloudCredentials(Choice provider, Secret token) {
        if (!token.reveal().equals(GOOD_TOKEN) && !token.reveal().equals(GOOD_TOKEN + ":" + GOOD_TOKEN)) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "Hetzner rejected the token (401).")
                    .remedy("Create a Read & Write token under Security → API tokens in your Hetzner project.")
                    .build();
        }
        return "Project “family-cloud”";
    }

    /**
     * A fit Debian 12 server with 4 GiB; refuses the key (as sshd would, with the engine's message naming the line
     * to add) until {@link #authorizeServerKeys} says it was added; a host named {@code unreachable.example} is down.
     */
    @Override
    public org.openhaven.engine.haven.ServerInspection checkExistingServer(String host, int port, String user,
                                                                          Secret privateKey) {
        if (host.equals("unreachable.example")) {
            throw OpenHavenException.of(ErrorCategory.NETWORK, "The server " + host + ":" + port
                    + " did not answer in time.").remedy("Check that the server is running.").build();
        }
        String line = org.openhaven.engine.haven.HavenSshKey.publicLine(privateKey);
        if (!serverKeysAuthorized) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The server " + user + "@" + host + ":" + port
                            + " refused the haven's SSH key.")
                    .remedy("Add the haven's key to ~" + user + "/.ssh/authorized_keys on the server: logged in "
                            + "there as " + user + ", run: " + org.openhaven.engine.haven.HavenSshKey.addCommand(line)
                            + " — then check again.").build();
        }
        return new org.openhaven.engine.haven.ServerInspection(user + "@" + host + ":" + port,
                "SHA256:scriptedscriptedscriptedscriptedscripted123", true,
                new org.openhaven.engine.host.PreflightReport("debian:12", "Debian GNU/Linux 12 (bookworm)", true,
                        40L << 20, 4L << 20, List.of(), ""));
    }

    /** Whether the scripted existing server accepts the haven's key (the user added its line). */
    public ScriptedTestEngine authorizeServerKeys(boolean authorized) {
        this.serverKeysAuthorized = authorized;
        return this;
    }

    @Override
    public String verifyDnsCredentials(String dnsProvider, Secret token) {
        if (!token.reveal().equals(GOOD_TOKEN)) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "Cloudflare rejected the token (403).")
                    .remedy("Create a token with Zone:DNS:Edit for your zone.").build();
        }
        return "Account “ada@example.org”";
    }

    @Override
    public List<Region> regions(Choice provider, Secret token) {
        return List.of(new Region("fsn1", "Falkenstein", "DE"), new Region("nbg1", "Nuremberg", "DE"),
                new Region("hel1", "Helsinki", "FI"));
    }

    @Override
    public List<ServerType> serverTypes(Choice provider, Secret token) {
        return List.of(
                new ServerType("cx22", "2 vCPU", 2, 4096, 40, new BigDecimal("4.59"), "EUR", List.of(), "table"),
                new ServerType("cx32", "4 vCPU", 4, 8192, 80, new BigDecimal("7.59"), "EUR", List.of(), "table"),
                new ServerType("cx42", "8 vCPU", 8, 16384, 160, new BigDecimal("18.59"), "EUR", List.of(), "table"));
    }

    @Override
    public List<CatalogEntry> catalog() {
        return List.of(
                entry("vaultwarden", "Vaultwarden", "Passwords for the whole family, Bitwarden apps work", 128),
                entry("nextcloud", "Nextcloud", "Files, calendars and contacts, synced to every device", 1024),
                entry("onlyoffice", "OnlyOffice", "Edit documents together, right in Nextcloud", 2048),
                entry("gitea", "Gitea", "Git hosting with issues and pull requests", 256),
                entry("open-webui", "Open WebUI", "Chat with AI models that run on your own server", 512),
                // as in the real catalog: not a selectable service but the spec's mail switch
                new CatalogEntry("mail", "Mail", "Your own mail server for the haven's domain", 512, List.of(), false),
                new CatalogEntry("postgres", "PostgreSQL", "Database", 256, List.of(), false),
                new CatalogEntry("redis", "Redis", "Cache", 64, List.of(), false),
                new CatalogEntry("ollama", "Ollama", "Model runtime", 2048, List.of(), false),
                new CatalogEntry("traefik", "Traefik", "HTTPS", 64, List.of(), false),
                new CatalogEntry("keycloak", "Keycloak", "Single sign-on", 768, List.of(), false));
    }

    private static CatalogEntry entry(String id, String name, String description, int memory) {
        return new CatalogEntry(id, name, description, memory, DEPENDENCIES.getOrDefault(id, List.of()), true);
    }

    @Override
    public List<String> resolve(List<String> selected) {
        Set<String> out = new LinkedHashSet<>(List.of("traefik", "keycloak"));
        for (String id : selected.stream().sorted().toList()) {
            addWithDependencies(id, out);
        }
        return List.copyOf(out);
    }

    private void addWithDependencies(String id, Set<String> out) {
        for (String dependency : DEPENDENCIES.getOrDefault(id, List.of())) {
            addWithDependencies(dependency, out);
        }
        out.add(id);
    }

    @Override
    public void testBackupTarget(BackupSpec target, Secret accessKey, Secret secretKey) {
        if (!target.bucket().equals("haven-backups")) {
            throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "The bucket '" + target.bucket()
                    + "' does not exist.").remedy("Create it first, or correct its name.").build();
        }
    }

    /**
     * Sets up several havens, each with its domain and its vault's passphrase ("" accepts any non-empty one); the
     * first is selected.
     */
    public ScriptedTestEngine withHavens(Map<HavenRef, String> havenPassphrases) {
        havens.clear();
        havens.putAll(havenPassphrases);
        selected = havens.keySet().iterator().next();
        opened.clear();
        return this;
    }

    /** The passphrases given so far, per haven they opened. */
    public Set<String> openedHavens() {
        return Set.copyOf(opened.keySet());
    }

    @Override
    public void openVault(Secret passphrase) {
        String expected = havens.get(selected);
        if (passphrase.isEmpty() || !expected.isEmpty() && !expected.equals(passphrase.reveal())) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The vault of " + selected.label()
                    + " did not open: wrong passphrase, or its file was changed.")
                    .remedy("Check the passphrase; it is the one chosen when the haven was set up.").build();
        }
        opened.put(selected.id(), passphrase.reveal());
        current = passphrase.reveal();
    }

    @Override
    public List<HavenRef> havens() {
        return List.copyOf(havens.keySet());
    }

    @Override
    public boolean selectHaven(String havenId) {
        selected = havens.keySet().stream().filter(h -> h.id().equals(havenId)).findFirst().orElseThrow();
        String expected = havens.get(selected);
        boolean open = opened.containsKey(havenId)
                || current != null && (expected.isEmpty() || expected.equals(current));
        if (open) {
            opened.put(havenId, current);
        }
        return open;
    }

    @Override
    public Optional<HavenRef> selectedHaven() {
        return Optional.of(selected);
    }

    @Override
    public void whenHavenNamed(Consumer<String> listener) {
        namedListeners.add(listener);
    }

    @Override
    public void storeSecret(String key, Secret value) {
        vault.put(key, value);
    }

    @Override
    public PlanPreview plan(HavenSpec spec) {
        namedListeners.forEach(listener -> listener.accept(spec.havenId()));
        List<String> create = new ArrayList<>(List.of("SSH key openhaven-" + spec.name(),
                "firewall openhaven-" + spec.name(), "server " + spec.server().size() + " in " + spec.server().region(),
                "reserved IPv4 address", "DNS A " + spec.domain(), "DNS A *." + spec.domain()));
        resolve(spec.serviceIds()).forEach(id -> create.add("service " + id));
        return new PlanPreview(create, List.of(), List.of(), new BigDecimal("8.19"), "EUR", null,
                List.of(FirewallRule.tcp(22, "SSH"), FirewallRule.tcp(80, "HTTP (redirects to HTTPS)"),
                        FirewallRule.tcp(443, "HTTPS"), FirewallRule.udp(51820, "WireGuard VPN")),
                WARNINGS.warnings(spec));
    }

    @Override
    public DeployResult apply(HavenSpec spec, ProgressListener listener, Cancellation cancellation) {
        namedListeners.forEach(named -> named.accept(spec.havenId()));
        applyCalls++;
        int run = 0;
        int changed = 0;
        for (String step : STEPS) {
            if (cancellation.isRequested()) {
                listener.onEvent(new ProgressEvent.RunFinished(Instant.now(), ProgressEvent.Outcome.CANCELLED, run,
                        changed));
                throw OpenHavenException.of(ErrorCategory.CANCELLED, "Cancelled").build();
            }
            run++;
            listener.onEvent(new ProgressEvent.StepStarted(Instant.now(), step, title(step)));
            if (completedSteps.contains(step)) {
                listener.onEvent(new ProgressEvent.StepSucceeded(Instant.now(), step, false, "already done"));
                continue;
            }
            listener.onEvent(new ProgressEvent.LogLine(Instant.now(), step, "→ " + title(step)));
            if (step.equals(failOnceAt)) {
                failOnceAt = null;
                String[] failure = FAILURES.getOrDefault(step, FAILURES.get("server"));
                listener.onEvent(new ProgressEvent.StepFailed(Instant.now(), step, ErrorCategory.PROVIDER_API,
                        failure[0], failure[1], true));
                listener.onEvent(new ProgressEvent.RunFinished(Instant.now(), ProgressEvent.Outcome.FAILED, run,
                        changed));
                throw OpenHavenException.of(ErrorCategory.PROVIDER_API, failure[0]).remedy(failure[1]).build();
            }
            if (step.equals("upload")) {
                listener.onEvent(new ProgressEvent.StepProgress(Instant.now(), step, 0.5));
            }
            completedSteps.add(step);
            changed++;
            listener.onEvent(new ProgressEvent.StepSucceeded(Instant.now(), step, true, "done"));
        }
        listener.onEvent(new ProgressEvent.RunFinished(Instant.now(), ProgressEvent.Outcome.SUCCEEDED, run, changed));
        return result(spec);
    }

    private static String title(String step) {
        return Map.of("ssh-key", "Upload the SSH key", "firewall", "Create the firewall", "server",
                "Create the server", "reserved-ip", "Reserve the IP address", "dns", "Point the domain at the server",
                "bootstrap", "Prepare the server", "upload", "Upload the stack", "compose-up", "Start the services",
                "health", "Wait until every service answers").getOrDefault(step, step);
    }

    private DeployResult result(HavenSpec spec) {
        Map<String, String> names = new LinkedHashMap<>();
        catalog().forEach(e -> names.put(e.id(), e.name()));
        List<DeployResult.Link> links = spec.serviceIds().stream()
                .map(id -> new DeployResult.Link(id, names.getOrDefault(id, id), "https://" + id + "." + spec.domain()))
                .toList();
        List<VpnPeer> vpn = peers.stream().map(p -> peer(p, spec.domain())).toList();
        return new DeployResult(links, spec.owner().email(), Secret.of("correct-horse-battery-staple-42"), vpn);
    }

    /** Like the renderer: the server is 10.13.13.1 and peers get .2, .3, … in the order they were added. */
    private VpnPeer peer(String name, String domain) {
        int index = peers.indexOf(name);
        String address = "10.13.13." + (2 + Math.max(index, 0));
        String config = "[Interface]\nPrivateKey = test-only-private-key-" + name + "\nAddress = " + address + "/32\n\n"
                + "[Peer]\nPublicKey = test-only-server-key\nEndpoint = vpn." + domain
                + ":51820\nAllowedIPs = 10.13.13.0/24\n";
        return new VpnPeer(name, address, Secret.of(config));
    }

    @Override
    public HavenStatus status() {
        Instant now = clock.instant();
        String domain = selected.domain();
        return new HavenStatus(selected.id(), List.of(
                new ServiceHealth("vaultwarden", "Vaultwarden", "https://vaultwarden." + domain,
                        ServiceHealth.State.UP, now.plusSeconds(80L * 86400)),
                new ServiceHealth("nextcloud", "Nextcloud", "https://nextcloud." + domain,
                        ServiceHealth.State.UP, now.plusSeconds(80L * 86400)),
                new ServiceHealth("gitea", "Gitea", "https://gitea." + domain,
                        ServiceHealth.State.DEGRADED, now.plusSeconds(10L * 86400))),
                backup == null ? now.minusSeconds(5 * 3600) : backup.lastBackup(), false,
                backup == null ? org.openhaven.engine.backup.BackupHealth.HEALTHY : backup.backupHealth(),
                backup == null ? "" : backup.backupError(), backup == null ? "" : backup.serverProblem());
    }

    @Override
    public HavenSpec currentSpec() {
        return new HavenSpec(selected.id(), selected.domain(),
                new org.openhaven.engine.spec.Owner("Ada Lovelace", "ada@example.org"),
                new org.openhaven.engine.spec.ServerSpec("hetzner", "fsn1", "cx32", null, null, null, null),
                new org.openhaven.engine.spec.DnsSpec("cloudflare", null), org.openhaven.engine.spec.TlsMode.DNS_01,
                List.of(org.openhaven.engine.spec.ServiceSelection.of("gitea"),
                        org.openhaven.engine.spec.ServiceSelection.of("nextcloud"),
                        org.openhaven.engine.spec.ServiceSelection.of("vaultwarden")),
                null, org.openhaven.engine.spec.VpnSpec.NONE, org.openhaven.engine.spec.MailSpec.OFF);
    }

    @Override
    public List<VpnPeer> vpnPeers() {
        return peers.stream().map(p -> peer(p, "example.org")).toList();
    }

    @Override
    public VpnPeer addVpnPeer(String name) {
        peers.add(name);
        return peer(name, "example.org");
    }

    @Override
    public void removeVpnPeer(String name) {
        peers.remove(name);
    }
}
