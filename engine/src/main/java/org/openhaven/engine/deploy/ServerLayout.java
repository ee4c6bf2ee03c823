package org.openhaven.engine.deploy;

/**
 * Where OpenHaven keeps things on the server. One place, so deploy, status, backup and uninstall agree.
 *
 * @param root normally {@link #DEFAULT_ROOT}; tests may use another directory
 */
public record ServerLayout(String root) {

    public static final String DEFAULT_ROOT = "/opt/openhaven";
    public static final ServerLayout DEFAULT = new ServerLayout(DEFAULT_ROOT);
    /** The compose project name every release runs under, so a release switch re-targets the same containers. */
    public static final String PROJECT = "openhaven";
    /** How many releases stay on the server for rollback. */
    public static final int KEPT_RELEASES = 5;

    public String releases() {
        return root + "/releases";
    }

    public String release(String hash) {
        return releases() + "/" + hash;
    }

    /** The symlink to the live release. */
    public String current() {
        return root + "/current";
    }

    public String deployLock() {
        return root + "/.deploy-lock";
    }

    /** Written by the backup engine after each run; read by status. JSON. */
    public String backupStatus() {
        return root + "/backup/status.json";
    }

    /** Marker written last when a release upload completed; its absence means "upload again". */
    public static final String COMPLETE_MARKER = ".openhaven-complete";
}
