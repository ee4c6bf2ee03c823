package org.openhaven.engine.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of the {@code backup} section: S3 target, schedule and retention. */
final class BackupRules {

    private static final Pattern SCHEDULE = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final SpecProblems problems;

    BackupRules(SpecProblems problems) {
        this.problems = problems;
    }

    /** The section normalised (prefix without slashes, schedule as HH:MM); null stays null (no backups). */
    BackupSpec check(BackupSpec backup) {
        if (backup == null) {
            return null;
        }
        if (SpecValidator.blank(backup.bucket())) {
            problems.add("backup.bucket", "required — the S3 bucket the backups go to");
        } else {
            problems.checked("backup.bucket", S3BucketNames.check(backup.bucket()), backup.bucket());
        }
        String endpoint = null;
        if (backup.endpoint() != null) {
            endpoint = problems.checked("backup.endpoint", NetworkNames.url(backup.endpoint()), backup.endpoint());
        } else if (SpecValidator.blank(backup.region())) {
            problems.add("backup.region", "required when backing up to AWS S3 (no endpoint), e.g. eu-central-1");
        }
        String prefix = backup.prefix() == null ? null : backup.prefix().trim().replaceAll("^/+|/+$", "");
        if (prefix != null && (prefix.contains("..") || prefix.chars().anyMatch(Character::isWhitespace))) {
            problems.add("backup.prefix", SpecValidator.quoted(backup.prefix()) + " must be a plain folder path, "
                    + "without spaces or '..'");
        }
        String schedule = schedule(backup.schedule());
        BackupSpec.Retention retention = retention(backup.retention());
        return new BackupSpec(endpoint, backup.region(), backup.bucket(),
                prefix == null || prefix.isEmpty() ? null : prefix, schedule, retention);
    }

    private String schedule(String schedule) {
        if (SpecValidator.blank(schedule)) {
            problems.add("backup.schedule", "required — the time of day backups run, as HH:MM, e.g. \"03:30\"");
            return schedule;
        }
        Matcher time = SCHEDULE.matcher(schedule.trim());
        if (!time.matches() || Integer.parseInt(time.group(1)) > 23 || Integer.parseInt(time.group(2)) > 59) {
            problems.add("backup.schedule", SpecValidator.quoted(schedule) + " is not a time of day as HH:MM "
                    + "(24-hour, e.g. \"03:30\")");
            return schedule;
        }
        return String.format(Locale.ROOT, "%02d:%s", Integer.parseInt(time.group(1)), time.group(2));
    }

    private BackupSpec.Retention retention(BackupSpec.Retention retention) {
        if (retention == null) {
            return BackupSpec.Retention.DEFAULT;
        }
        checkCount("backup.retention.daily", retention.daily());
        checkCount("backup.retention.weekly", retention.weekly());
        checkCount("backup.retention.monthly", retention.monthly());
        if (retention.daily() == 0 && retention.weekly() == 0 && retention.monthly() == 0) {
            problems.add("backup.retention", "keeps no snapshots at all; keep at least one daily, weekly "
                    + "or monthly snapshot");
        }
        return retention;
    }

    private void checkCount(String path, int count) {
        if (count < 0) {
            problems.add(path, count + " must be 0 or more");
        }
    }
}
