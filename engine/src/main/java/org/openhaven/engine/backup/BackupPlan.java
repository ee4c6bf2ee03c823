package org.openhaven.engine.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.BackupSpec;

/**
 * Everything the server's backup does for one haven: which services, when, and how long snapshots are kept.
 *
 * @param havenId   the haven's id; restic records it as the snapshot host so a replacement server continues
 *                  the same history
 * @param services  the services with data, in deploy order
 * @param dailyAt   the time of the daily run, {@code HH:MM} server time
 * @param retention how many daily, weekly and monthly snapshots to keep
 */
public record BackupPlan(String havenId, List<ServiceBackup> services, String dailyAt, BackupSpec.Retention retention) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    /** When no schedule is given: late at night, when a personal cloud is quietest. */
    public static final String DEFAULT_TIME = "03:30";

    public BackupPlan {
        Objects.requireNonNull(havenId, "havenId");
        services = List.copyOf(services);
        if (!TIME.matcher(dailyAt).matches()) {
            throw OpenHavenException.config("The backup schedule '" + dailyAt + "' is not a time of day.",
                    "Set backup.schedule to a time as HH:MM in 24-hour form, for example 03:30.");
        }
    }

    /** The plan for a spec's backup target and the services' backup descriptions. */
    public static BackupPlan of(String havenId, BackupSpec spec, List<ServiceBackup> services) {
        String at = spec.schedule() == null || spec.schedule().isBlank() ? DEFAULT_TIME : spec.schedule().trim();
        BackupSpec.Retention retention = spec.retention() == null ? BackupSpec.Retention.DEFAULT : spec.retention();
        return new BackupPlan(havenId, services, at, retention);
    }

    /** Every path the snapshot includes: the dump directory first, then each service's data, sorted, once. */
    public List<String> snapshotPaths() {
        TreeSet<String> paths = new TreeSet<>();
        services.forEach(s -> paths.addAll(s.hostPaths()));
        List<String> all = new ArrayList<>();
        all.add(BackupLayout.DUMP_DIR);
        all.addAll(paths);
        return all;
    }

    public List<DatabaseDump> dumps() {
        return services.stream().flatMap(s -> s.dumps().stream()).toList();
    }

    public Optional<ServiceBackup> service(String serviceId) {
        return services.stream().filter(s -> s.serviceId().equals(serviceId)).findFirst();
    }
}
