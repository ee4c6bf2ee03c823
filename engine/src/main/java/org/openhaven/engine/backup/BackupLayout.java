package org.openhaven.engine.backup;

import org.openhaven.engine.deploy.ServerLayout;

/**
 * Where the backup lives on the server. One root-only directory holds the script, the credentials, the
 * database dumps taken before each snapshot and the status the desktop reads.
 */
public final class BackupLayout {

    public static final String DIR = ServerLayout.DEFAULT_ROOT + "/backup";
    /** The backup script; also the one entry point every remote backup command goes through. */
    public static final String SCRIPT = DIR + "/openhaven-backup";
    /** Repository URL, password and S3 keys, sourced by the script. Mode 0600, owner root. */
    public static final String ENV_FILE = DIR + "/backup.env";
    /** The outcome of the last run, written atomically by the script; parsed by {@link BackupStatusParser}. */
    public static final String STATUS_FILE = ServerLayout.DEFAULT.backupStatus();
    /** Consistent database dumps, refreshed before every snapshot and included in it. */
    public static final String DUMP_DIR = DIR + "/dumps";
    /** Where Docker keeps named volumes; the stack's volumes are prefixed with the compose project name. */
    public static final String VOLUME_DIR = "/var/lib/docker/volumes";
    /** The compose project every release runs under (see {@code deploy.ServerLayout.PROJECT}). */
    public static final String PROJECT = ServerLayout.PROJECT;
    /** systemd units that run the backup daily and the repository check weekly. */
    public static final String SYSTEMD_DIR = "/etc/systemd/system";

    private BackupLayout() {
    }

    /**
     * A catalog backup entry as a host path: a named volume lives in Docker's volume directory under the project's
     * prefix; an absolute path stays as it is.
     */
    public static String hostPath(String volumeOrPath) {
        if (volumeOrPath.startsWith("/")) {
            return volumeOrPath;
        }
        return VOLUME_DIR + "/" + PROJECT + "_" + volumeOrPath + "/_data";
    }
}
