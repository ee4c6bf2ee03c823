package org.openhaven.engine.haven;

import java.util.function.Consumer;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Seam to the backup module: what the deploy flow does about backups on the server. Only called when the spec has
 * a backup target. Failures are OpenHavenExceptions naming the problem and its remedy.
 */
public interface HostBackups {

    /**
     * Makes sure the bucket exists and the server's backup (script, env file, systemd timers) matches the spec;
     * idempotent. Fails before touching anything when the vault lacks the S3 keys.
     */
    void install(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log);

    /** Takes a snapshot tagged {@code pre-deploy} of the running haven; returns its id. */
    String backupBeforeDeploy(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log);

    /** The backups of a build without a backup module: every call says so. */
    static HostBackups unavailable() {
        return new HostBackups() {
            @Override
            public void install(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log) {
                throw missing();
            }

            @Override
            public String backupBeforeDeploy(HostTarget target, HavenSpec spec, SecretStore vault,
                                             Consumer<String> log) {
                throw missing();
            }

            private OpenHavenException missing() {
                return OpenHavenException.config("This build of OpenHaven cannot set up backups.",
                        "Remove the backup section from haven.yaml, or use a full OpenHaven build.");
            }
        };
    }
}
