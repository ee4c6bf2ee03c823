package org.openhaven.engine.cli;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupBucket;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.HavenBackups;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.deploy.SshHostBackups;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.RecoveryStart;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The backup commands' access to a haven deployed from this computer: its remembered spec, its vault (the SSH key,
 * the repository password) and its recorded server address, reached over SSH with the pinned host key. For a
 * recovery, it drives the normal deploy flow onto a new server.
 */
final class DeployedHavenBackups implements BackupAccess {

    static final String RECOVER_COMMAND = "openhaven recover";

    private final CliContext context;

    DeployedHavenBackups(CliContext context) {
        this.context = context;
    }

    @Override
    public HavenBackup open(String name) {
        HavenEngine engine = context.engine().get();
        if (engine.havens().isEmpty()) {
            return BackupAccess.notWired().open(name); // its message: nothing is deployed from here
        }
        HavenOptions options = new HavenOptions();
        options.haven = name;
        HavenSpec spec = options.resolve(context);
        HavenBackups.requireTarget(spec); // before the passphrase: nothing to open the vault for
        engine.requireDeployed(spec.havenId());
        return open(spec, vault(engine, spec.havenId()));
    }

    /** The backup of a deployed haven whose vault is already open. */
    HavenBackup open(HavenSpec spec, SecretStore vault) {
        HavenEngine engine = context.engine().get();
        SshHostBackups backups = new SshHostBackups(KnownHostsFile.in(engine.store().home()), BuiltInCatalog::get);
        return backups.connect(engine.hostTarget(spec, vault), spec, vault);
    }

    /**
     * The spec (remembered, or the file the user brought), checked against the kit; the vault (created on a new
     * computer) given the kit's password and the storage keys; then the old server set aside and the normal
     * flow run: key, firewall, a new server, IP, DNS pointing at it, SSH, bootstrap, deploy, verify, backup.
     */
    @Override
    public RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress) {
        RecoveryKit kit = request.kit();
        HavenEngine engine = context.engine().get();
        HavenSpec spec = spec(request);
        requireMatches(spec, kit);
        Vault vault = vault(engine, spec.havenId());
        BackupCredentials credentials = adoptKit(vault, request);
        RecoveryStart start = engine.beginRecovery(spec, vault, RECOVER_COMMAND);
        report(progress, start);
        RunResult result = engine.apply(spec, vault, null, progress, new CancellationToken(), RECOVER_COMMAND);
        if (!result.succeeded()) {
            ProgressEvent.StepFailed first = result.failures().isEmpty() ? null : result.failures().get(0);
            throw OpenHavenException.of(first == null ? ErrorCategory.INTERNAL : first.category(),
                            "The new server is not ready" + (first == null ? "." : ": " + first.userMessage()))
                    .remedy((first == null || first.remedy().isEmpty() ? "" : first.remedy() + " ")
                            + "Then run 'openhaven recover' with the same kit again; it continues where it stopped.")
                    .build();
        }
        HavenBackup haven = open(spec, vault);
        return new RecoverySite(haven, HavenBackups.recoveryTarget(haven), credentials, notes(start));
    }

    @Override
    public void recoveryFinished(RecoverySite site) {
        context.engine().get().finishRecovery(site.haven().havenId());
    }

    private HavenSpec spec(RecoveryRequest request) {
        HavenOptions options = new HavenOptions();
        if (request.specFile().isPresent()) {
            options.spec = request.specFile().get();
            return options.resolve(context);
        }
        String haven = request.kit().havenId();
        if (!Files.isRegularFile(context.engine().get().directory(haven).specFile())) {
            throw OpenHavenException.config("This computer does not know the haven '" + haven + "' of the kit.",
                    "Pass the haven's spec with --spec haven.yaml (the file you deployed it with).");
        }
        options.haven = haven;
        return options.resolve(context);
    }

    /** The kit and the spec must describe the same haven and repository, or the restore would read the wrong data. */
    private static void requireMatches(HavenSpec spec, RecoveryKit kit) {
        HavenBackups.requireTarget(spec);
        if (!spec.havenId().equals(kit.havenId()) || !spec.domain().equals(kit.domain())) {
            throw OpenHavenException.config("The recovery kit is for haven '" + kit.havenId() + "' (" + kit.domain()
                            + "), but the spec describes '" + spec.havenId() + "' (" + spec.domain() + ").",
                    "Pass the kit and the spec of the same haven.");
        }
        ResticRepository fromSpec = ResticRepository.of(spec.backup());
        if (!fromSpec.equals(kit.repository())) {
            throw OpenHavenException.config("The recovery kit's backups are at " + kit.repository().describe()
                            + ", but the spec's backup section names " + fromSpec.describe() + ".",
                    "Make the spec's backup section (endpoint, region, bucket, prefix) match the kit, then run "
                            + "'openhaven recover' again.");
        }
    }

    /**
     * Puts the kit's password into the vault (a new computer's vault has none), checks the storage keys (given anew,
     * else the vault's) reach the kit's repository, and keeps them. A different password already in the vault is
     * not overwritten: one of the two is stale, and guessing could lose the only key to the backups.
     */
    private static BackupCredentials adoptKit(Vault vault, RecoveryRequest request) {
        Secret password = request.kit().password();
        Secret held = vault.find(BackupCredentials.PASSWORD_KEY).orElse(null);
        if (held == null) {
            vault.put(BackupCredentials.PASSWORD_KEY, password);
        } else if (!held.equals(password)) {
            throw OpenHavenException.config("The recovery kit's repository password differs from the one this "
                            + "computer's vault holds for haven '" + request.kit().havenId() + "'.",
                    "Use the newest kit ('openhaven backup kit --out FILE' writes the current one); if this computer's "
                            + "vault is the stale one, recover on a computer without it.");
        }
        Secret keyId = request.accessKeyId().or(() -> vault.find(BackupCredentials.ACCESS_KEY_ID_KEY))
                .orElseThrow(RecoverCommand::missingS3Keys);
        Secret secret = request.secretAccessKey().or(() -> vault.find(BackupCredentials.SECRET_ACCESS_KEY_KEY))
                .orElseThrow(RecoverCommand::missingS3Keys);
        BackupCredentials credentials = new BackupCredentials(password, keyId, secret);
        // Wrong storage keys or a kit for another location fail here, before a paid server exists, and before
        // keys given anew replace the vault's.
        try (BackupBucket bucket = new BackupBucket(request.kit().repository(), keyId, secret)) {
            bucket.requireRepository();
        }
        vault.put(BackupCredentials.ACCESS_KEY_ID_KEY, keyId);
        vault.put(BackupCredentials.SECRET_ACCESS_KEY_KEY, secret);
        return credentials;
    }

    /** The setting aside as one more step of the run, so the user sees it where the new server's steps begin. */
    private static void report(ProgressListener progress, RecoveryStart start) {
        String step = "set-aside-server";
        progress.onEvent(new ProgressEvent.StepStarted(Instant.now(), step, "Set the old server aside"));
        String summary = start.resumed() ? "continuing the recovery that stopped earlier"
                : start.replaced().isEmpty() ? "no earlier server found"
                : start.replaced().stream().map(r -> r.name() + " (id " + r.providerId() + ")")
                        .collect(Collectors.joining(", ")) + " kept, not deleted";
        progress.onEvent(new ProgressEvent.StepSucceeded(Instant.now(), step, !start.resumed(), summary));
    }

    private static List<String> notes(RecoveryStart start) {
        List<String> notes = new ArrayList<>();
        for (RecoveryStart.Replaced old : start.replaced()) {
            notes.add("The old " + old.kind().name().toLowerCase(Locale.ROOT) + " " + old.name() + " (id "
                    + old.providerId() + old.ipv4().map(ip -> ", " + ip).orElse("") + ") was kept, not deleted. If it "
                    + "still exists, it is yours to look at and delete in your provider's console.");
        }
        return notes;
    }

    private Vault vault(HavenEngine engine, String haven) {
        boolean creating = !engine.vaultExists(haven);
        return engine.openVault(haven, PassphraseSource.obtain(context.env(),
                context.terminal().interactive() ? context.terminal() : null, haven, creating));
    }
}
