package org.openhaven.engine.spec;

/**
 * Where and when backups go: any S3-compatible target (AWS S3, Backblaze B2, Wasabi, Hetzner Object Storage,
 * MinIO).
 *
 * @param endpoint the S3 endpoint URL; null means AWS S3 in {@code region}
 * @param schedule when the daily backup runs, as {@code HH:MM} server time
 */
public record BackupSpec(
        String endpoint,
        String region,
        String bucket,
        String prefix,
        String schedule,
        Retention retention) {

    /** How many daily, weekly and monthly snapshots restic keeps. */
    public record Retention(int daily, int weekly, int monthly) {
        public static final Retention DEFAULT = new Retention(7, 4, 6);
    }
}
