package org.openhaven.engine.backup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * Restores services on the haven's own server from a snapshot: {@code openhaven restore [SERVICE] [--snapshot ID]}.
 * Without a service, every service with data is restored; without a snapshot, the newest one.
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupPlan plan;
    private final BackupOperations operations;
    private final ServiceHealth health;
    private final ProgressListener progress;
    private final Clock clock;

    public Restore(BackupPlan plan, BackupOperations operations, ServiceHealth health, ProgressListener progress,
                   Clock clock) {
        this.plan = plan;
        this.operations = operations;
        this.health = health;
        this.progress = progress;
        this.clock = clock;
    }

    /** What was restored, from which snapshot. */
    public record Result(RepositorySnapshot snapshot, List<String> services) {
    }

    public Result restore(Optional<String> serviceId, Optional<String> snapshotId) {
        List<ServiceBackup> services = serviceId.map(id -> List.of(plan.service(id).orElseThrow(() ->
                        OpenHavenException.config("The haven has no service '" + id + "' with data to restore.",
                                "Choose one of: " + String.join(", ", plan.services().stream()
                                        .map(ServiceBackup::serviceId).toList()) + "."))))
                .orElse(plan.services());
        RepositorySnapshot snapshot = choose(operations.snapshots(), snapshotId);
        String stamp = STAMP.format(clock.instant());
        List<String> restored = new ArrayList<>();
        for (ServiceBackup service : services) {
            String step = "restore-" + service.serviceId();
            progress.onEvent(new ProgressEvent.StepStarted(clock.instant(), step,
                    "Restore " + service.serviceId() + " from " + snapshot.shortId()));
            for (RemoteCommand command : RestorePlan.commands(plan.havenId(), service, snapshot.id(), stamp)) {
                progress.onEvent(new ProgressEvent.LogLine(clock.instant(), step, command.description()));
                ExecResult result = operations.server().run(command, OutputConsumer.IGNORE);
                if (!result.succeeded()) {
                    throw failed(service.serviceId(), command, result, stamp);
                }
            }
            health.awaitHealthy(service.serviceId());
            progress.onEvent(new ProgressEvent.StepSucceeded(clock.instant(), step, true,
                    service.serviceId() + " restored from " + snapshot.shortId()));
            restored.add(service.serviceId());
        }
        return new Result(snapshot, restored);
    }

    /** The snapshot with the given id (full or short), or the newest when none is given. */
    static RepositorySnapshot choose(List<RepositorySnapshot> snapshots, Optional<String> wanted) {
        if (snapshots.isEmpty()) {
            throw OpenHavenException.config("There is no backup of this haven yet.",
                    "Run 'openhaven backup now' first; a restore needs at least one snapshot.");
        }
        if (wanted.isEmpty()) {
            return snapshots.get(snapshots.size() - 1);
        }
        return snapshots.stream().filter(s -> s.id().startsWith(wanted.get())).findFirst()
                .orElseThrow(() -> OpenHavenException.config("There is no snapshot '" + wanted.get() + "'.",
                        "Run 'openhaven backup list' to see the snapshots and their ids."));
    }

    private OpenHavenException failed(String service, RemoteCommand command, ExecResult result, String stamp) {
        if (command.argv().contains("restic")) {
            return ResticFailure.of("restore " + service, operations.repository(), result);
        }
        return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "Restoring " + service + " stopped at '" + command.description() + "' (exit code "
                                + result.exitCode() + ").")
                .remedy("The data " + service + " had before is kept next to it with the suffix .before-restore-"
                        + stamp + "; fix the cause and run the restore again.")
                .build();
    }
}
