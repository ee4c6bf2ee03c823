package org.openhaven.engine.haven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cost.CostEstimator;
import org.openhaven.engine.cost.CostOutlook;
import org.openhaven.engine.cost.ObjectStoragePrices;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.Planner;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.status.StatusReport;
import org.openhaven.engine.state.AtomicFiles;
import org.openhaven.engine.state.HavenDirectory;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.state.ResourceRecord;
import org.openhaven.engine.state.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one API the CLI and the desktop share: list havens, plan, apply with progress and cancellation, status,
 * destroy, unlock, and the vault. Thread-safe; an apply or destroy holds the haven's lock across processes.
 */
public final class HavenEngine {

    private static final Logger LOG = LoggerFactory.getLogger(HavenEngine.class);

    private final HavenStore store;
    private final ProviderRegistry providers;
    private final HavenComponents components;
    private final Applier applier;
    private final Clock clock;

    public HavenEngine(HavenStore store, ProviderRegistry providers, HavenComponents components, Applier applier,
                       Clock clock) {
        this.store = store;
        this.providers = providers;
        this.components = components;
        this.applier = applier;
        this.clock = clock;
    }

    public HavenStore store() {
        return store;
    }

    /** The havens on this computer, sorted by name. */
    public List<String> havens() {
        return store.list();
    }

    public HavenDirectory directory(String haven) {
        return store.haven(haven);
    }

    /** Keeps a copy of the user's spec file in the haven's directory, so later commands work from anywhere. */
    public HavenDirectory remember(HavenSpec spec, Path specFile) {
        HavenDirectory dir = store.create(spec.havenId());
        try {
            if (!specFile.toAbsolutePath().normalize().equals(dir.specFile().toAbsolutePath().normalize())) {
                AtomicFiles.write(dir.specFile(), Files.readAllBytes(specFile));
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not read " + specFile + ".")
                    .remedy("Check the path and that you may read the file.").cause(e).build();
        }
        return dir;
    }

    /** Opens the haven's vault, creating it on first use. */
    public Vault openVault(String haven, Secret passphrase) {
        return Vault.openOrCreate(store.create(haven).vaultFile(), passphrase);
    }

    /** Whether the haven's vault exists yet (then a new passphrase is being chosen). */
    public boolean vaultExists(String haven) {
        return Vault.exists(store.haven(haven).vaultFile());
    }

    /**
     * Asks each provider for the account its credentials belong to; fails with AUTH naming the provider. For a
     * server the user already has, the "account" is the live check's login line ({@link #checkExistingServer}).
     */
    public List<String> verifyCredentials(HavenSpec spec, SecretStore secrets) {
        List<String> accounts = new ArrayList<>();
        if (spec.server().isExistingServer()) {
            accounts.add(spec.server().provider() + ": "
                    + checkExistingServer(spec.server(), secrets, spec.havenId()).describe());
        } else {
            accounts.add(spec.server().provider() + ": " + providers.cloud(spec.server(), secrets).verifyCredentials());
            accounts.add(spec.dns().provider() + ": " + providers.dns(spec.dns(), secrets).verifyCredentials());
        }
        return accounts;
    }

    /**
     * The haven's SSH public key as an {@code authorized_keys} line, generating the Ed25519 pair into {@code secrets}
     * (the haven's vault) on first use and keeping it afterwards. On a server the user already has, this line must
     * be in the login user's {@code ~/.ssh/authorized_keys} before the first apply.
     */
    public String sshPublicKey(String havenId, SecretStore secrets) {
        return HavenSshKey.ensure(secrets, havenId);
    }

    /**
     * The live check of a server the user already has: logs in with the haven's key from {@code secrets}, pins the
     * server's host key on first contact (the same pin every later deploy expects), and runs the read-only
     * preflight. Changes nothing on the server.
     *
     * @param havenId the haven the server is for, or null before it is named; when given, a server that another
     *                haven claimed is refused, and the host key its state recorded is expected
     * @return the login, the system and the host key, see {@link ServerInspection#describe()}
     * @throws OpenHavenException AUTH naming the {@code authorized_keys} line to add when the server refuses the key;
     *                            CONFIG listing every problem and its remedy when the server is not fit; NETWORK when
     *                            it cannot be reached
     */
    public ServerInspection checkExistingServer(ServerSpec server, SecretStore secrets, String havenId) {
        Secret key = secrets.find(ResourceKeys.VAULT_SSH_PRIVATE).orElseThrow(HavenSshKey::missing);
        HostTarget target = HostSteps.existing(server, key);
        if (havenId != null) {
            String recorded = stateFile(havenId).read().hostKeyOf(target.host(), target.port())
                    .map(org.openhaven.engine.state.ServerHostKey::fingerprint).orElse(null);
            target = new HostTarget(target.host(), target.port(), target.user(), key, recorded);
        }
        return ExistingServerCheck.require(components.deployer(), target, secrets, havenId);
    }

    /**
     * The plan for bringing the haven to {@code spec}, with the provider's warnings for it (such as its port-25
     * policy when mail is on) and, on a server the user already has, the DNS records to set by hand; needs no
     * network and no secrets.
     */
    public Plan plan(HavenSpec spec) {
        HavenState state = stateFile(spec.havenId()).read();
        return Planner.plan(ServerReplacement.withoutBookkeeping(state), DesiredResources.of(spec, state))
                .withWarnings(java.util.stream.Stream.concat(providers.warnings(spec).stream(),
                        ExistingServerDns.warnings(spec).stream()).toList());
    }

    /** The backup repository size the storage estimate assumes, before the haven has any data. */
    static final int ASSUMED_BACKUP_GB = 50;

    /**
     * The haven's monthly cost at its provider, for {@code plan} and the review page. Prices come from the
     * provider's API where it has one (so its token must be in {@code secrets}) or from a dated bundled table.
     * Never fails: without credentials or network it says why there is no estimate.
     */
    public CostOutlook estimateCost(HavenSpec spec, SecretStore secrets) {
        if (spec.server().isExistingServer()) {
            return CostOutlook.unavailable("The haven runs on your own server, so OpenHaven adds no server costs.");
        }
        try {
            CloudProvider cloud = providers.cloud(spec.server(), secrets);
            return CostOutlook.of(new CostEstimator(ObjectStoragePrices.bundled(), LocalDate.now(clock))
                    .estimate(cloud, spec.server().region(), spec.server().size(), spec.backup(), ASSUMED_BACKUP_GB));
        } catch (OpenHavenException e) {
            LOG.info("no cost estimate for haven {}: {}", spec.havenId(), e.userMessage());
            return CostOutlook.unavailable(e.userMessage() + (e.remedy() == null ? "" : " " + e.remedy()));
        }
    }

    /**
     * Applies the spec under the haven's lock. With a saved {@code plan}, refuses it when the state has changed
     * since it was made; with null, applies the current plan.
     *
     * @param command what is running, recorded in the lock file ({@code "openhaven apply"})
     */
    public RunResult apply(HavenSpec spec, SecretStore secrets, Plan plan, ProgressListener listener,
                           CancellationToken cancellation, String command) {
        HavenDirectory dir = store.create(spec.havenId());
        try (HavenLock lock = HavenLock.acquire(dir.lockFile(), command, clock.instant())) {
            StateFile state = stateFile(spec.havenId());
            if (plan != null) {
                plan.requireCurrent(state.read());
            }
            LOG.info("apply of haven {} by {}", spec.havenId(), lock.holder().describe());
            FlowContext flow = flow(spec, dir, secrets);
            if (spec.server().isExistingServer()) {
                // the key the user adds to the server: created before the first SSH login, which then names its line
                HavenSshKey.ensure(secrets, spec.havenId());
            } else {
                // an unknown provider is a spec mistake: say so before anything runs
                flow.cloud().get();
                flow.dns().get();
            }
            return applier.run(HavenFlow.steps(flow, state.read()), state, listener, cancellation);
        }
    }

    /**
     * The first part of {@code openhaven recover}: makes the haven forget its server so that the next
     * {@link #apply} builds a new one (with the next generation's name) and deploys there, DNS included. The old
     * server and IP, whether recorded here or found at the provider under the haven's label, stay in state as
     * replaced: never deleted, since a server that still runs is the user's to inspect. Their host key pins are
     * forgotten. When an earlier recovery of this haven stopped before {@link #finishRecovery}, changes nothing
     * and says what that one replaced, so a killed recovery continues.
     *
     * @param command what is running, recorded in the lock file ({@code "openhaven recover"})
     */
    public RecoveryStart beginRecovery(HavenSpec spec, SecretStore secrets, String command) {
        HavenDirectory dir = store.create(spec.havenId());
        try (HavenLock lock = HavenLock.acquire(dir.lockFile(), command, clock.instant())) {
            RecoveryStart start = ServerReplacement.begin(flow(spec, dir, secrets), stateFile(spec.havenId()),
                    clock.instant());
            LOG.info("recovery of haven {} {}: {} resource(s) replaced", spec.havenId(),
                    start.resumed() ? "resumed" : "begun", start.replaced().size());
            return start;
        }
    }

    /** Whether a recovery of the haven has begun and not yet finished. */
    public boolean recoveryInProgress(String haven) {
        return stateFile(haven).read().resource(ResourceKeys.RECOVERY).isPresent();
    }

    /** Ends the recovery {@link #beginRecovery} began, once the data is restored; harmless when none runs. */
    public void finishRecovery(String haven) {
        ServerReplacement.finish(stateFile(haven));
    }

    /**
     * The server's own view (live release, services, disk, memory) over SSH, once a release is deployed; empty
     * before that. Looking only. Fails with the SSH problem (unreachable, changed host key) as an
     * OpenHavenException.
     */
    public List<String> serverStatus(HavenSpec spec, SecretStore secrets) {
        return isDeployed(spec.havenId()) ? components.deployer().describe(hostTarget(spec, secrets)) : List.of();
    }

    /**
     * The server's own view as a typed report (per compose service state and health, disk, memory, live release,
     * certificate expiry, backup status file), once a release is deployed; empty before that or when the
     * deployer cannot tell. Looking only. Fails like {@link #serverStatus} when SSH fails.
     */
    public Optional<StatusReport> serverReport(HavenSpec spec, SecretStore secrets) {
        return isDeployed(spec.havenId()) ? components.deployer().report(hostTarget(spec, secrets)) : Optional.empty();
    }

    /** The recorded resources, checked against the providers; never changes state, whatever the providers say. */
    public HavenStatus status(HavenSpec spec, SecretStore secrets) {
        HavenDirectory dir = store.haven(spec.havenId());
        HavenState state = stateFile(spec.havenId()).read();
        List<String> problems = new ArrayList<>();
        FlowContext flow = flow(spec, dir, secrets);
        boolean anyCloud = state.resources().values().stream()
                .anyMatch(r -> r.kind() != ResourceKind.RELEASE && r.kind() != ResourceKind.DNS_RECORD);
        Set<String> cloudIds = !anyCloud ? Set.of() : ask(problems, () -> flow.cloud().get().listOwned(flow.label()).stream()
                .map(r -> r.kind() + ":" + r.providerId()).collect(Collectors.toSet()));
        Set<String> dnsIds = state.resources().values().stream().anyMatch(r -> r.kind() == ResourceKind.DNS_RECORD)
                ? ask(problems, () -> {
                    DnsProvider dns = flow.dns().get();
                    return dns.listOwned(flow.label(), dns.findZone(spec.domain())).stream()
                            .map(DnsRecord::providerId).collect(Collectors.toSet());
                })
                : Set.of();
        List<ResourceStatus> resources = new ArrayList<>();
        for (ResourceRecord r : state.resources().values()) {
            ResourceStatus.Presence presence;
            if (r.kind() == ResourceKind.RELEASE) {
                presence = ResourceStatus.Presence.LOCAL;
            } else {
                Set<String> known = r.kind() == ResourceKind.DNS_RECORD ? dnsIds : cloudIds;
                String id = r.kind() == ResourceKind.DNS_RECORD ? r.providerId() : r.kind() + ":" + r.providerId();
                presence = known == null ? ResourceStatus.Presence.UNKNOWN
                        : known.contains(id) ? ResourceStatus.Presence.PRESENT : ResourceStatus.Presence.MISSING;
            }
            resources.add(new ResourceStatus(r.key(), r.kind(), r.name(), r.providerId(), presence));
        }
        return new HavenStatus(spec.havenId(), state.revision(), resources,
                List.copyOf(state.journal().values()), HavenLock.read(dir.lockFile()), problems);
    }

    /**
     * Removes everything at the providers that carries the haven's label (found by label, so it works even with
     * lost state), then forgets it in state. On a server the user already has, stops the haven's services and
     * removes /opt/openhaven over SSH (refused when the server belongs to another haven); the machine, its SSH
     * access, Docker and the hardening stay. With {@code dryRun}, only reports what it would remove.
     */
    public DestroyReport destroy(HavenSpec spec, SecretStore secrets, boolean dryRun, ProgressListener listener,
                                 String command) {
        HavenDirectory dir = store.create(spec.havenId());
        try (HavenLock lock = HavenLock.acquire(dir.lockFile(), command, clock.instant())) {
            FlowContext flow = flow(spec, dir, secrets);
            List<String> removed = new ArrayList<>();
            if (spec.server().isExistingServer()) {
                removeFromExistingServer(spec, secrets, dryRun).ifPresent(removed::add);
            } else {
                DnsProvider dns = flow.dns().get();
                DnsZone zone = dns.findZone(spec.domain());
                for (DnsRecord record : dns.listOwned(flow.label(), zone)) {
                    removed.add("DNS " + record.type() + " " + record.name());
                    if (!dryRun) {
                        dns.delete(zone, record);
                    }
                }
                CloudProvider cloud = flow.cloud().get();
                List<CloudResource> owned = new ArrayList<>(cloud.listOwned(flow.label()));
                owned.sort(Comparator.comparingInt(r -> destroyOrder(r.kind())));
                for (CloudResource resource : owned) {
                    removed.add(resource.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                            + resource.name() + " (id " + resource.providerId() + ")");
                    if (!dryRun) {
                        cloud.destroy(resource);
                    }
                }
            }
            if (!dryRun) {
                StateFile state = stateFile(spec.havenId());
                if (!spec.server().isExistingServer()) {
                    HavenState before = state.read();
                    before.resource(ResourceKeys.IP).or(() -> before.resource(ResourceKeys.SERVER))
                            .map(r -> r.attributes().get("ipv4"))
                            .ifPresent(ip -> components.deployer().forgetHostKey(ip, 22));
                }
                state.update(s -> new HavenState(s.formatVersion(), s.haven(), s.revision() + 1, Map.of(), Map.of()));
                LOG.info("destroyed haven {}: {} resource(s)", spec.havenId(), removed.size());
            }
            return new DestroyReport(spec.havenId(), dryRun, removed);
        }
    }

    /**
     * On a server the user already has: what destroy removes there, removing it unless {@code dryRun}. Without the
     * haven's key nothing can have been installed (every login needs it), so there is nothing to remove.
     */
    private Optional<String> removeFromExistingServer(HavenSpec spec, SecretStore secrets, boolean dryRun) {
        if (secrets.find(ResourceKeys.VAULT_SSH_PRIVATE).isEmpty()) {
            return Optional.empty();
        }
        HostTarget target = HostSteps.target(spec, secrets, stateFile(spec.havenId()).read());
        if (!dryRun) {
            components.deployer().removeHaven(target, spec.havenId(),
                    line -> LOG.info("destroy {}: {}", spec.havenId(), line));
        }
        return Optional.of("the haven's services and /opt/openhaven on " + target.user() + "@" + target.host() + ":"
                + target.port() + " (the server itself, its SSH access, Docker and the hardening stay)");
    }

    /** Who holds the haven's lock, if anyone. */
    public Optional<HavenLock.Holder> lockHolder(String haven) {
        return HavenLock.read(store.haven(haven).lockFile());
    }

    /** Removes the haven's lock whoever holds it; returns the holder it removed. */
    public Optional<HavenLock.Holder> unlock(String haven) {
        return HavenLock.forceRelease(store.haven(haven).lockFile());
    }

    /** Whether the haven's services have been deployed (a release is recorded). */
    public boolean isDeployed(String haven) {
        return stateFile(haven).read().resource(ResourceKeys.STACK).isPresent();
    }

    /**
     * Where the deployed haven's server is reached over SSH, from its recorded state and the SSH key in
     * {@code secrets}; fails with a CONFIG error when nothing is deployed yet.
     */
    public HostTarget hostTarget(HavenSpec spec, SecretStore secrets) {
        requireDeployed(spec.havenId());
        return HostSteps.target(spec, secrets, stateFile(spec.havenId()).read());
    }

    /** Fails with a CONFIG error, saying to deploy first, unless the haven's services have been deployed. */
    public void requireDeployed(String haven) {
        if (!isDeployed(haven)) {
            throw OpenHavenException.config("Haven '" + haven + "' has not been deployed yet.",
                    "Deploy it with 'openhaven apply' first; backups are set up as part of the deploy.");
        }
    }

    /** The haven's recorded state. */
    public HavenState state(String haven) {
        return stateFile(haven).read();
    }

    private StateFile stateFile(String haven) {
        return new StateFile(store.haven(haven).stateFile(), haven);
    }

    private FlowContext flow(HavenSpec spec, HavenDirectory dir, SecretStore secrets) {
        Supplier<CloudProvider> cloud = memoize(() -> providers.cloud(spec.server(), secrets));
        Supplier<DnsProvider> dns = memoize(() -> providers.dns(spec.dns(), secrets));
        return new FlowContext(spec, dir, secrets, cloud, dns, components, new AtomicReference<>());
    }

    /** Servers go before what they use: IP, server, firewall, key. */
    private static int destroyOrder(ResourceKind kind) {
        return switch (kind) {
            case IP -> 0;
            case SERVER -> 1;
            case VOLUME -> 2;
            case FIREWALL -> 3;
            case SSH_KEY -> 4;
            default -> 5;
        };
    }

    private static Set<String> ask(List<String> problems, Supplier<Set<String>> question) {
        try {
            return question.get();
        } catch (OpenHavenException e) {
            LOG.warn("status: provider could not be asked: {}", e.userMessage(), e);
            problems.add(e.describe());
            return null;
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(supplier.get());
                }
                return value.get();
            }
        };
    }

    static HavenLabel label(HavenSpec spec) {
        return new HavenLabel(spec.havenId());
    }
}
