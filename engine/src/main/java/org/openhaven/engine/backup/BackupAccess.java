package org.openhaven.engine.backup;

import org.openhaven.engine.error.OpenHavenException;

/**
 * How the backup commands reach a deployed haven and, for a recovery, a new server. The haven flow (state store,
 * vault, SSH executor, provider) implements it; until that wiring exists, {@link #notWired()} explains itself.
 */
public interface BackupAccess {

    /** The haven called {@code name}, or the only one when {@code name} is null. */
    HavenBackup open(String name);

    /**
     * Creates a new server for the haven in the recovery kit at its provider, deploys the stack with empty data
     * and switches DNS to it; returns the haven bound to that server and the means to place files on it.
     */
    RecoverySite prepareRecovery(RecoveryKit kit);

    /** A haven rebuilt on a new server, ready for its data. */
    record RecoverySite(HavenBackup haven, RecoveryTarget target) {
    }

    /** The access used when no haven flow is wired in: every call says what is missing. */
    static BackupAccess notWired() {
        return new BackupAccess() {
            @Override
            public HavenBackup open(String name) {
                throw OpenHavenException.config("No deployed haven is known on this computer.",
                        "Deploy one with 'openhaven apply' first; backups are set up as part of the deploy.");
            }

            @Override
            public RecoverySite prepareRecovery(RecoveryKit kit) {
                throw OpenHavenException.config("This build cannot create the new server for a recovery yet.",
                        "Recover by hand with the steps in the recovery kit (\"without OpenHaven\").");
            }
        };
    }
}
