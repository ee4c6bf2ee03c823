package org.openhaven.desktop.engine;

/**
 * A recovery kit as read, and what this computer still lacks to recover its haven.
 *
 * @param backupLocation   where the kit says the backups are, for the user to recognise
 * @param confirmation     what recovering does (a new paid server, DNS moved, the old server kept), the engine's
 *                         words, the same the CLI asks to confirm
 * @param specNeeded       this computer does not know the haven: its haven.yaml must be picked
 * @param storageKeysNeeded neither the vault nor the environment holds the backup storage's keys
 * @param cloudToken       the provider whose token the vault lacks; null when none is needed
 * @param dnsProvider      the DNS provider whose token the vault lacks; null when none is needed
 */
public record RecoveryNeeds(String havenId, String domain, String backupLocation, String confirmation,
                            boolean specNeeded, boolean storageKeysNeeded, Choice cloudToken, String dnsProvider) {

    /** Whether anything beyond the kit must be given before recovering. */
    public boolean complete() {
        return !specNeeded && !storageKeysNeeded && cloudToken == null && dnsProvider == null;
    }
}
