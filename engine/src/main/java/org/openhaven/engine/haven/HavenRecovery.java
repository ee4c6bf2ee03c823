package org.openhaven.engine.haven;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupBucket;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.HavenBackups;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.deploy.SshHostBackups;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Rebuilding a lost haven on a new server from its recovery kit: the one implementation behind both
 * {@code openhaven recover} and the desktop's recovery dialog. Given the haven's spec and its (possibly new) vault,
 * it checks the kit against the spec, adopts the kit's password and the storage keys, sets the old server aside
 * (never deleting it), runs the normal deploy flow onto a new server with DNS pointing at it, restores every
 * service from the backups and checks each one is healthy. Resumable: after a failure or cancel, the same call
 * continues where it stopped.
 */
public final class HavenRecovery {

    /** The environment variable that may hold the storage key id, when the vault has none. */
    public static final String KEY_ID_ENV = "OPENHAVEN_BACKUP_ACCESS_KEY_ID";
    /** The environment variable that may hold the storage secret key, when the vault has none. */
    public static final String SECRET_KEY_ENV = "OPENHAVEN_BACKUP_SECRET_ACCESS_KEY";

    private final HavenEngine engine;
    private final Supplier<Catalog> catalog;
    private final String command;
    private final String resumeAdvice;

    /**
     * @param command      what is running, recorded in the haven's lock file
     * @param resumeAdvice how the user continues after a failure, in the words of the caller's interface
     *                     ("Then run 'openhaven recover' with the same kit again; it continues where it stopped.")
     */
    public HavenRecovery(HavenEngine engine, Supplier<Catalog> catalog, String command, String resumeAdvice) {
        this.engine = engine;
        this.catalog = catalog;
        this.command = command;
        this.resumeAdvice = resumeAdvice;
    }

    /**
     * What recovering does, for the user to confirm before a paid server is created.
     *
     * @param snapshot the snapshot to restore; empty for the newest
     */
    public static String confirmation(RecoveryKit kit, Optional<String> snapshot) {
        return "Recovering creates a NEW server for " + kit.havenId() + " at its provider (a paid resource), points "
                + kit.domain() + " at it and restores every service from "
                + snapshot.map(id -> "snapshot " + id).orElse("the newest backup")
                + ". The old server is kept, never deleted.";
    }

    /** A storage key from the environment ({@link #KEY_ID_ENV}, {@link #SECRET_KEY_ENV}), when set. */
    public static Optional<Secret> storageKeyFromEnv(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    /** The storage keys are in neither the vault nor the environment (nor typed in). */
    public static OpenHavenException missingStorageKeys() {
        return OpenHavenException.config("The S3 keys of the backup storage are needed to recover, and neither "
                        + KEY_ID_ENV + " nor this computer's vault holds them.",
                "Set " + KEY_ID_ENV + " and " + SECRET_KEY_ENV + " to a key pair from your storage provider "
                        + "that may read and write the bucket named in the kit.");
    }

    /**
     * The kit and the spec must describe the same haven and repository, or the restore would read the wrong data.
     * Fails with a CONFIG error naming both sides.
     */
    public static void requireMatches(HavenSpec spec, RecoveryKit kit) {
        HavenBackups.requireTarget(spec);
        if (!spec.havenId().equals(kit.havenId()) || !spec.domain().equals(kit.domain())) {
            throw OpenHavenException.config("The recovery kit is for haven '" + kit.havenId() + "' (" + kit.domain()
                            + "), but the spec describes '" + spec.havenId() + "' (" + spec.domain() + ").",
                    "Use the kit and the spec (haven.yaml) of the same haven.");
        }
        ResticRepository fromSpec = ResticRepository.of(spec.backup());
        if (!fromSpec.equals(kit.repository())) {
            throw OpenHavenException.config("The recovery kit's backups are at " + kit.repository().describe()
                            + ", but the spec's backup section names " + fromSpec.describe() + ".",
                    "Make the spec's backup section (endpoint, region, bucket, prefix) match the kit, then "
                            + "recover again.");
        }
    }

    /**
     * Checks that the storage keys reach the kit's repository (a restic repository exists there), before anything
     * is created. Fails with the storage's own verdict (wrong key, no such bucket, no repository).
     */
    public static void requireStorageKeys(RecoveryKit kit, Secret accessKeyId, Secret secretAccessKey) {
        try (BackupBucket bucket = new BackupBucket(kit.repository(), accessKeyId, secretAccessKey)) {
            bucket.requireRepository();
        }
    }

    /**
     * The recovery's access to the haven {@code spec} describes, with its vault already open: what
     * {@link BackupAccess#recover} drives.
     *
     * @param cancellation stops the deploy part between steps; a later call continues
     */
    public BackupAccess access(HavenSpec spec, SecretStore vault, CancellationToken cancellation) {
        return new BackupAccess() {
            @Override
            public HavenBackup open(String name) {
                return HavenRecovery.this.open(spec, vault);
            }

            @Override
            public RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress) {
                return prepare(spec, vault, request, progress, cancellation);
            }

            @Override
            public void recoveryFinished(RecoverySite site) {
                engine.finishRecovery(site.haven().havenId());
            }
        };
    }

    /**
     * The whole recovery: a new server, the data restored, every service healthy.
     *
     * @param snapshot the snapshot to restore; empty for the newest
     */
    public BackupAccess.Recovered recover(HavenSpec spec, SecretStore vault, BackupAccess.RecoveryRequest request,
                                          Optional<String> snapshot, ProgressListener progress,
                                          CancellationToken cancellation, Clock clock) {
        return access(spec, vault, cancellation).recover(request, snapshot, progress, progress, clock);
    }

    /** The backup of a deployed haven whose vault is already open, reached over SSH with the pinned host key. */
    public HavenBackup open(HavenSpec spec, SecretStore vault) {
        SshHostBackups backups = new SshHostBackups(KnownHostsFile.in(engine.store().home()), catalog);
        return backups.connect(engine.hostTarget(spec, vault), spec, vault);
    }

    private BackupAccess.RecoverySite prepare(HavenSpec spec, SecretStore vault, BackupAccess.RecoveryRequest request,
                                              ProgressListener progress, CancellationToken cancellation) {
        requireMatches(spec, request.kit());
        BackupCredentials credentials = adoptKit(vault, request);
        RecoveryStart start = engine.beginRecovery(spec, vault, command);
        report(progress, start);
        RunResult result = engine.apply(spec, vault, null, progress, cancellation, command);
        if (result.outcome() == ProgressEvent.Outcome.CANCELLED) {
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "The recovery was cancelled.")
                    .remedy(resumeAdvice).build();
        }
        if (!result.succeeded()) {
            ProgressEvent.StepFailed first = result.failures().isEmpty() ? null : result.failures().get(0);
            throw OpenHavenException.of(first == null ? ErrorCategory.INTERNAL : first.category(),
                            "The new server is not ready" + (first == null ? "." : ": " + first.userMessage()))
                    .remedy((first == null || first.remedy().isEmpty() ? "" : first.remedy() + " ") + resumeAdvice)
                    .build();
        }
        HavenBackup haven = open(spec, vault);
        return new BackupAccess.RecoverySite(haven, HavenBackups.recoveryTarget(haven), credentials, notes(start));
    }

    /**
     * Puts the kit's password into the vault (a new computer's vault has none), checks the storage keys (given anew,
     * else the vault's) reach the kit's repository, and keeps them. A different password already in the vault is
     * not overwritten: one of the two is stale, and guessing could lose the only key to the backups.
     */
    private static BackupCredentials adoptKit(SecretStore vault, BackupAccess.RecoveryRequest request) {
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
                .orElseThrow(HavenRecovery::missingStorageKeys);
        Secret secret = request.secretAccessKey().or(() -> vault.find(BackupCredentials.SECRET_ACCESS_KEY_KEY))
                .orElseThrow(HavenRecovery::missingStorageKeys);
        // Wrong storage keys or a kit for another location fail here, before a paid server exists, and before
        // keys given anew replace the vault's.
        requireStorageKeys(request.kit(), keyId, secret);
        vault.put(BackupCredentials.ACCESS_KEY_ID_KEY, keyId);
        vault.put(BackupCredentials.SECRET_ACCESS_KEY_KEY, secret);
        return new BackupCredentials(password, keyId, secret);
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
}
