package org.openhaven.desktop.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupBucket;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.backup.BackupStatus;
import org.openhaven.engine.backup.BackupStatusParser;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.cli.CliContext;
import org.openhaven.engine.cli.ClientConfigs;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.HavenRecovery;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecLoader;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.ServerSizes;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.SpecValidator;
import org.openhaven.engine.spec.VpnSpec;
import org.openhaven.engine.state.AtomicFiles;
import org.openhaven.engine.state.HavenDirectory;
import org.openhaven.engine.status.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway on the real engine: the same {@link HavenEngine} the CLI composes, the built-in catalog and the
 * providers on the class path. The wizard's spec becomes the haven's {@code haven.yaml}; typed credentials go to
 * the haven's encrypted vault; apply runs the engine's resumable flow.
 */
public final class EngineBackedGateway implements EngineGateway {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBackedGateway.class);
    /** The catalog's mail server, turned on by the spec's mail switch rather than listed as a service. */
    private static final String MAIL = "mail";

    /** The vault key under which the renderer keeps the owner's first Keycloak password. */
    static final String OWNER_PASSWORD_KEY = "keycloak/KEYCLOAK_OWNER_TEMPORARY_PASSWORD";
    static final String APPLY_COMMAND = "OpenHaven desktop (apply)";
    static final String RECOVER_COMMAND = "OpenHaven desktop (recover)";
    private static final String RESUME = "Then press Retry; the recovery continues where it stopped.";

    private final Catalog catalog;
    private final ProviderRegistry providers;
    private final HavenEngine engine;
    private final ServiceProbe probe;
    private final InstantSource clock;
    private final VaultSession vault;
    /** Where the storage keys may come from when the vault has none, as for 'openhaven recover'. */
    private final Map<String, String> env = System.getenv();
    private final List<Consumer<String>> namedListeners = new CopyOnWriteArrayList<>();
    /** The spec this session planned or applied last; the dashboard's haven. */
    private volatile HavenSpec lastSpec;

    public EngineBackedGateway(Catalog catalog, ProviderRegistry providers, HavenEngine engine, ServiceProbe probe) {
        this(catalog, providers, engine, probe, InstantSource.system());
    }

    /** @param clock judges the backup's age (overdue after 26 hours) */
    EngineBackedGateway(Catalog catalog, ProviderRegistry providers, HavenEngine engine, ServiceProbe probe,
                        InstantSource clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.providers = providers;
        this.engine = engine;
        this.probe = probe;
        this.vault = new VaultSession(engine, id -> label(id).label());
    }

    /** The product: the built-in catalog, every provider on the class path, the CLI's engine composition. */
    public static EngineBackedGateway builtIn() {
        return new EngineBackedGateway(Catalog.builtIn(), ProviderRegistry.discover(), CliContext.systemEngine(),
                ServiceProbe.https());
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
    public ServerInspection checkExistingServer(String host, int port, String user, Secret privateKey) {
        SecretStore store = new InMemorySecretStore();
        CredentialKeys.cloud(Choice.EXISTING, privateKey).forEach(store::put);
        return engine.checkExistingServer(new ServerSpec(Choice.EXISTING.id(), null, null, host, port, user, null),
                store, null);
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

    /**
     * Creates the bucket when missing (as the first deploy would), then writes, reads back and deletes a small
     * object with the typed keys: proof they may write where backups go.
     */
    @Override
    public void testBackupTarget(BackupSpec target, Secret accessKey, Secret secretKey) {
        try (BackupBucket bucket = new BackupBucket(ResticRepository.of(target), accessKey, secretKey)) {
            bucket.ensure();
            bucket.proveWritable();
        }
    }

    @Override
    public void openVault(Secret passphrase) {
        vault.open(passphrase);
    }

    /**
     * Tells {@code listener} of every haven vault this gateway opens from now on, with the passphrase that opened
     * it, on the thread that opened it. The desktop hands these to its tray process over their private pipe
     * (docs/decisions/0012); nothing else may receive them.
     */
    public void onVaultOpened(BiConsumer<String, Secret> listener) {
        vault.onOpened(listener);
    }

    @Override
    public List<HavenRef> havens() {
        return engine.havens().stream().filter(this::hasSpec).sorted().map(this::label).toList();
    }

    @Override
    public boolean selectHaven(String havenId) {
        if (!hasSpec(havenId)) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "There is no haven called '" + havenId + "' here.")
                    .remedy("Pick one of the havens set up on this computer, or set a new one up.").build();
        }
        return vault.select(havenId);
    }

    @Override
    public Optional<HavenRef> selectedHaven() {
        HavenSpec remembered = lastSpec;
        String haven = vault.haven();
        if (haven == null && remembered != null) {
            haven = remembered.havenId();
        }
        if (haven == null) {
            haven = havens().stream().map(HavenRef::id).findFirst().orElse(null);
        }
        return Optional.ofNullable(haven).map(this::label);
    }

    private boolean hasSpec(String havenId) {
        return Files.exists(engine.directory(havenId).specFile());
    }

    /** The haven with the domain from its saved spec; a spec that no longer reads leaves the domain empty. */
    private HavenRef label(String havenId) {
        HavenSpec remembered = lastSpec;
        if (remembered != null && remembered.havenId().equals(havenId)) {
            return new HavenRef(havenId, remembered.domain());
        }
        try {
            return new HavenRef(havenId, load(havenId).domain());
        } catch (OpenHavenException e) {
            LOG.info("spec of {} not readable: {}", havenId, e.userMessage());
            return new HavenRef(havenId, "");
        }
    }

    private HavenSpec load(String havenId) {
        return new HavenSpecLoader(new SpecValidator(catalog, ServerSizes.UNKNOWN))
                .load(engine.directory(havenId).specFile());
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
        remember(spec);
        // the haven is named now: what was typed so far moves into its vault; the cost needs the cloud token
        SecretStore secrets = vault.isOpen() ? vault.forHaven(spec.havenId()) : new InMemorySecretStore();
        return PlanPreviews.of(spec, engine.plan(spec), engine.estimateCost(spec, secrets));
    }

    /** Saves the wizard's spec as the haven's haven.yaml, so the CLI and later sessions work on the same haven. */
    private HavenDirectory remember(HavenSpec spec) {
        HavenDirectory dir = engine.store().create(spec.havenId());
        AtomicFiles.write(dir.specFile(), new HavenSpecWriter().write(spec)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        lastSpec = spec;
        vault.name(spec.havenId());
        namedListeners.forEach(listener -> listener.accept(spec.havenId()));
        return engine.remember(spec, dir.specFile());
    }

    @Override
    public DeployResult apply(HavenSpec spec, ProgressListener listener, Cancellation cancellation) {
        remember(spec);
        SecretStore secrets = vault.forHaven(spec.havenId());
        CancellationToken token = new CancellationToken();
        RunResult result;
        try (CancellationBridge bridge = CancellationBridge.watch(cancellation, token)) {
            result = engine.apply(spec, secrets, null, listener, token, APPLY_COMMAND);
        }
        if (!result.succeeded()) {
            throw failure(result);
        }
        Map<String, Secret> configs = ClientConfigs.of(spec, secrets, catalog);
        return new DeployResult(links(spec), spec.owner().email(), secrets.find(OWNER_PASSWORD_KEY).orElse(null),
                peers(configs));
    }

    private static OpenHavenException failure(RunResult result) {
        if (result.outcome() == ProgressEvent.Outcome.CANCELLED) {
            return OpenHavenException.of(ErrorCategory.CANCELLED, "The deploy was cancelled.")
                    .remedy("Retry to continue where it stopped.").build();
        }
        ProgressEvent.StepFailed first = result.failures().isEmpty() ? null : result.failures().get(0);
        return first == null
                ? OpenHavenException.internal("The deploy stopped without saying why.", null)
                : OpenHavenException.of(first.category(), first.userMessage()).remedy(first.remedy()).build();
    }

    /** One link per web service of the haven: https://subdomain.domain. */
    /**
     * The mail server's row: it has no web page to probe, so its state is the server's verdict on its container
     * (unknown until the server answers), and it has no link to open.
     */
    private Optional<ServiceHealth> mailHealth(HavenSpec spec, List<StatusReport.ServiceStatus> containers) {
        if (!spec.mailEnabled() || !catalog.entries().containsKey(MAIL)) {
            return Optional.empty();
        }
        return Optional.of(new ServiceHealth(MAIL, catalog.entries().get(MAIL).definition().name(), null,
                ServerView.state(MAIL, containers).orElse(ServiceHealth.State.UNKNOWN), null));
    }

    List<DeployResult.Link> links(HavenSpec spec) {
        List<DeployResult.Link> links = new ArrayList<>();
        for (String id : catalog.resolve(spec.serviceIds())) {
            ServiceDefinition d = catalog.entries().get(id).definition();
            if (d.web() != null && d.subdomain() != null && !d.subdomain().isBlank()) {
                links.add(new DeployResult.Link(id, d.name(), "https://" + d.subdomain() + "." + spec.domain()));
            }
        }
        return links;
    }

    private static List<VpnPeer> peers(Map<String, Secret> configs) {
        return configs.entrySet().stream().map(e -> new VpnPeer(e.getKey(), address(e.getValue()), e.getValue()))
                .toList();
    }

    /** The peer's tunnel address, read from its configuration's "Address = 10.8.0.2/32" line. */
    static String address(Secret config) {
        return config.reveal().lines().map(String::strip).filter(l -> l.startsWith("Address"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElse("");
    }

    /**
     * Service states from the server's own view over SSH (container state and health), merged with one HTTPS probe
     * per service for reachability and the certificate each one presents; the last backup from the server's backup
     * status file. When SSH fails (unreachable, changed host key, locked vault) the probe alone decides and
     * {@link HavenStatus#serverProblem()} says why.
     */
    @Override
    public HavenStatus status() {
        HavenSpec spec = currentSpec();
        Optional<StatusReport> report = Optional.empty();
        String serverProblem = "";
        try {
            report = engine.serverReport(spec, vault.forHaven(spec.havenId()));
        } catch (OpenHavenException e) {
            LOG.info("server status of {} not read: {}", spec.havenId(), e.userMessage());
            serverProblem = e.remedy().isEmpty() ? e.userMessage() : e.userMessage() + " " + e.remedy();
        }
        List<StatusReport.ServiceStatus> containers = report.map(StatusReport::services).orElse(List.of());
        Instant domainCertificate = report.flatMap(StatusReport::certificateExpiry).orElse(null);
        List<ServiceHealth> services = links(spec).stream().map(l -> {
            ServiceProbe.Result found = probe.probe(l.url());
            ServiceHealth.State state = ServerView.state(l.id(), containers)
                    .map(server -> ServerView.merge(server, found.state())).orElse(found.state());
            Instant expiry = found.certificateExpiry() != null ? found.certificateExpiry() : domainCertificate;
            return new ServiceHealth(l.id(), l.name(), l.url(), state, expiry);
        }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        mailHealth(spec, containers).ifPresent(services::add);
        boolean deploying = engine.lockHolder(spec.havenId()).isPresent();
        if (report.isEmpty()) {
            return new HavenStatus(spec.name(), services, null, deploying, null, "", serverProblem);
        }
        Optional<BackupStatus> backup;
        try {
            backup = BackupStatusParser.parse(report.get().lastBackupJson().orElse(null));
        } catch (OpenHavenException e) {
            return new HavenStatus(spec.name(), services, null, deploying, BackupHealth.FAILED,
                    e.userMessage() + " " + e.remedy(), "");
        }
        Instant lastSuccess = backup.flatMap(BackupStatus::lastSuccess).map(BackupStatus.Snapshot::finishedAt)
                .orElse(null);
        String error = backup.filter(b -> !b.lastRunSucceeded()).flatMap(BackupStatus::error).orElse("");
        return new HavenStatus(spec.name(), services, lastSuccess, deploying,
                BackupHealth.assess(backup, clock.instant()), error, "");
    }

    /**
     * The spec of the selected haven: this session's last plan or apply when that is the selected haven, else its
     * saved haven.yaml.
     */
    @Override
    public HavenSpec currentSpec() {
        HavenRef selected = selectedHaven()
                .orElseThrow(() -> OpenHavenException.of(ErrorCategory.CONFIG, "No haven is set up yet.")
                        .remedy("Run the setup wizard first.").build());
        HavenSpec remembered = lastSpec;
        return remembered != null && remembered.havenId().equals(selected.id()) ? remembered : load(selected.id());
    }

    @Override
    public List<VpnPeer> vpnPeers() {
        HavenSpec spec = currentSpec();
        return peers(ClientConfigs.of(spec, vault.forHaven(spec.havenId()), catalog));
    }

    /** Adds the device to the spec and applies it, so the server accepts it; returns its client configuration. */
    @Override
    public VpnPeer addVpnPeer(String name) {
        HavenSpec spec = currentSpec();
        List<VpnSpec.Peer> peers = new ArrayList<>(vpnOf(spec).peers());
        if (peers.stream().noneMatch(p -> p.name().equals(name))) {
            peers.add(new VpnSpec.Peer(name));
        }
        HavenSpec changed = withPeers(spec, peers);
        applyQuietly(changed);
        return vpnPeers().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> OpenHavenException.internal("The new VPN device has no configuration.", null));
    }

    /** Removes the device from the spec and applies it, so the server no longer accepts its key. */
    @Override
    public void removeVpnPeer(String name) {
        HavenSpec spec = currentSpec();
        List<VpnSpec.Peer> peers = vpnOf(spec).peers().stream().filter(p -> !p.name().equals(name)).toList();
        applyQuietly(withPeers(spec, peers));
    }

    private void applyQuietly(HavenSpec spec) {
        remember(spec);
        RunResult result = engine.apply(spec, vault.forHaven(spec.havenId()), null, event -> { },
                CancellationToken.none(), APPLY_COMMAND);
        if (!result.succeeded()) {
            throw failure(result);
        }
    }

    private static VpnSpec vpnOf(HavenSpec spec) {
        return spec.vpn() == null ? VpnSpec.NONE : spec.vpn();
    }

    private static HavenSpec withPeers(HavenSpec s, List<VpnSpec.Peer> peers) {
        return new HavenSpec(s.name(), s.domain(), s.owner(), s.server(), s.dns(), s.tls(), s.services(), s.backup(),
                new VpnSpec(peers), s.mail());
    }

    @Override
    public RecoveryNeeds inspectRecovery(Path kitFile, Path specFileOrNull) {
        RecoveryKit kit = RecoveryKitFile.read(kitFile);
        String description = kit.repository().describe();
        String confirmation = HavenRecovery.confirmation(kit, Optional.empty());
        Optional<HavenSpec> spec = recoverySpec(kit, Optional.ofNullable(specFileOrNull));
        if (spec.isEmpty()) {
            return new RecoveryNeeds(kit.havenId(), kit.domain(), description, confirmation, true,
                    !storageKeysInEnv(), null, null);
        }
        HavenRecovery.requireMatches(spec.get(), kit);
        SecretStore held = engine.vaultExists(kit.havenId()) ? vault.forHaven(kit.havenId())
                : new InMemorySecretStore();
        boolean keys = storageKeysInEnv() || (held.find(BackupCredentials.ACCESS_KEY_ID_KEY).isPresent()
                && held.find(BackupCredentials.SECRET_ACCESS_KEY_KEY).isPresent());
        ServerSpec server = spec.get().server();
        Choice cloud = server.isExistingServer() ? null : java.util.Arrays.stream(Choice.values())
                .filter(c -> c.id().equals(server.provider()) && c.isCloud())
                .filter(c -> !holdsAll(held, CredentialKeys.cloud(c, Secret.of("id:secret")).keySet()))
                .findFirst().orElse(null);
        String dns = spec.get().dns().provider();
        boolean dnsMissing = !server.isExistingServer()
                && !holdsAll(held, CredentialKeys.dns(dns, Secret.of("id:secret")).keySet())
                && !CredentialKeys.dns(dns, Secret.of("id:secret")).isEmpty();
        return new RecoveryNeeds(kit.havenId(), kit.domain(), description, confirmation, false, !keys, cloud,
                dnsMissing ? dns : null);
    }

    private static boolean holdsAll(SecretStore store, java.util.Set<String> keys) {
        return keys.stream().allMatch(k -> store.find(k).isPresent());
    }

    private boolean storageKeysInEnv() {
        return HavenRecovery.storageKeyFromEnv(env, HavenRecovery.KEY_ID_ENV).isPresent()
                && HavenRecovery.storageKeyFromEnv(env, HavenRecovery.SECRET_KEY_ENV).isPresent();
    }

    /** The spec the user brought, else the one this computer remembers for the kit's haven, else none. */
    private Optional<HavenSpec> recoverySpec(RecoveryKit kit, Optional<Path> specFile) {
        if (specFile.isPresent()) {
            return Optional.of(new HavenSpecLoader(new SpecValidator(catalog, ServerSizes.UNKNOWN))
                    .load(specFile.get()));
        }
        return hasSpec(kit.havenId()) ? Optional.of(load(kit.havenId())) : Optional.empty();
    }

    @Override
    public String checkRecoveryStorage(Path kitFile, Secret accessKeyId, Secret secretAccessKey) {
        RecoveryKit kit = RecoveryKitFile.read(kitFile);
        HavenRecovery.requireStorageKeys(kit, accessKeyId, secretAccessKey);
        return kit.repository().describe();
    }

    /**
     * The engine's recovery, the one 'openhaven recover' runs: the spec is remembered as the haven's, the typed
     * tokens go to its vault, then a new server, DNS, the restore and the health check.
     */
    @Override
    public RecoveryResult recover(RecoveryInput input, ProgressListener listener, Cancellation cancellation) {
        RecoveryKit kit = RecoveryKitFile.read(input.kitFile());
        HavenSpec spec = recoverySpec(kit, input.specFile()).orElseThrow(() -> OpenHavenException.config(
                "This computer does not know the haven '" + kit.havenId() + "' of the kit.",
                "Pick the haven's haven.yaml (the file it was set up with)."));
        HavenRecovery.requireMatches(spec, kit);
        remember(spec);
        SecretStore secrets = vault.forHaven(spec.havenId());
        input.credentials().forEach(secrets::put);
        BackupAccess.RecoveryRequest request = new BackupAccess.RecoveryRequest(kit, input.specFile(),
                input.accessKeyId().or(() -> HavenRecovery.storageKeyFromEnv(env, HavenRecovery.KEY_ID_ENV)),
                input.secretAccessKey().or(() -> HavenRecovery.storageKeyFromEnv(env, HavenRecovery.SECRET_KEY_ENV)));
        CancellationToken token = new CancellationToken();
        BackupAccess.Recovered recovered;
        try (CancellationBridge bridge = CancellationBridge.watch(cancellation, token)) {
            recovered = new HavenRecovery(engine, () -> catalog, RECOVER_COMMAND, RESUME)
                    .recover(spec, secrets, request, Optional.empty(), listener, token, java.time.Clock.systemUTC());
        }
        return new RecoveryResult(spec.domain(), recovered.restored().snapshot().shortId(), links(spec),
                recovered.notes());
    }
}
