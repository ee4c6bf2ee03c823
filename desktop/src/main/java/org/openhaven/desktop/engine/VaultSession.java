package org.openhaven.desktop.engine;

import java.util.List;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;

/**
 * The desktop's hold on the vault. The passphrase is asked at start-up, before the wizard knows the haven's name,
 * so credentials typed meanwhile wait in memory and move into the haven's encrypted vault as soon as the haven is
 * named (plan or apply); nothing typed is ever written to a plain file. Thread-safe.
 */
final class VaultSession {

    private final HavenEngine engine;
    private final InMemorySecretStore typed = new InMemorySecretStore();
    private Secret passphrase;
    private String haven;
    private Vault vault;

    VaultSession(HavenEngine engine) {
        this.engine = engine;
    }

    /**
     * Takes the passphrase; when a haven exists already, opens its vault now, so a wrong passphrase is said at once.
     */
    synchronized void open(Secret newPassphrase) {
        List<String> havens = engine.havens().stream().filter(engine::vaultExists).toList();
        if (!havens.isEmpty()) {
            Vault opened = engine.openVault(havens.get(0), newPassphrase);
            haven = havens.get(0);
            vault = opened;
            copyTypedInto(opened);
        }
        passphrase = newPassphrase;
    }

    synchronized boolean isOpen() {
        return passphrase != null;
    }

    /** Keeps a credential: in the open vault, and in memory for a haven named later. */
    synchronized void put(String key, Secret value) {
        typed.put(key, value);
        if (vault != null) {
            vault.put(key, value);
        }
    }

    /** The vault of {@code havenId}, created on first use, holding every credential typed so far. */
    synchronized SecretStore forHaven(String havenId) {
        if (passphrase == null) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The vault is locked.")
                    .remedy("Unlock it with your passphrase first.").build();
        }
        if (vault == null || !havenId.equals(haven)) {
            vault = engine.openVault(havenId, passphrase);
            haven = havenId;
        }
        copyTypedInto(vault);
        return vault;
    }

    /** The haven whose vault is open, or null. */
    synchronized String haven() {
        return haven;
    }

    private void copyTypedInto(SecretStore target) {
        for (String key : typed.keys()) {
            typed.find(key).ifPresent(value -> target.put(key, value));
        }
    }
}
