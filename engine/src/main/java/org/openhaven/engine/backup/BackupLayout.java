package org.openhaven.engine.backup;

/**
 * Where the backup lives on the server. One root-only directory holds the script, the credentials, the
 * database dumps taken before each snapshot and the status the desktop reads.
 */
public final class BackupLayout {

    public static final String DIR = "/opt/openhaven/backup";
    /** The backup script; also the one entry point every remote backup command goes through. */
    public static final String SCRIPT = DIR + "/openhaven-backup";
    /** Repository URL, password and S3 keys, sourced by the script. Mode 0600, owner root. */
    public static final String ENV_FILE = DIR + "/backup.env";
    /** The outcome of the last run, written atomically by the script; parsed by {@link BackupStatusParser}. */
    public static final String STATUS_FILE = DIR + "/status.json";
    /** Consistent database dumps, refreshed before every snapshot and included in it. */
    public static final String DUMP_DIR = DIR + "/dumps";
    /** Service data bind-mounted from the host; relative backup paths in the catalog are resolved against it. */
    public static final String DATA_DIR = "/opt/openhaven/data";
    /** systemd units that run the backup daily and the repository check weekly. */
    public static final String SYSTEMD_DIR = "/etc/systemd/system";

    private BackupLayout() {
    }

    /** A catalog backup path as an absolute host path: relative paths live under {@link #DATA_DIR}. */
    public static String hostPath(String catalogPath) {
        if (catalogPath.startsWith("/")) {
            return catalogPath;
        }
        return DATA_DIR + "/" + catalogPath;
    }
}
