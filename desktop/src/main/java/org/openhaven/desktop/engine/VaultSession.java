package org.openhaven.desktop.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;

/**
 * The desktop's hold on the vaults. The passphrase is asked at start-up, before the wizard knows the haven's name,
 * so credentials typed meanwhile wait in memory and move into the haven's encrypted vault as soon as the haven is
 * named (plan or apply); nothing typed is ever written to a plain file.
 *
 * <p>Each haven has its own vault, possibly with its own passphrase. The session remembers, in memory only, which
 * passphrase opened which haven's vault, so switching back and forth asks only for a passphrase not given yet.
 * Thread-safe.
 */
final class VaultSession {

    private final HavenEngine engine;
    /** How a haven is named to the user ("home.example.org"), for messages. */
    private final UnaryOperator<String> label;
    private final InMemorySecretStore typed = new InMemorySecretStore();
    /** The passphrases that opened a haven's vault in this session; never written anywhere. */
    private final Map<String, Secret> opened = new HashMap<>();
    private Secret passphrase;
    private String selected;
    /** The haven the wizard named; the typed credentials are its. */
    private String named;
    private String haven;
    private Vault vault;
    /** Told of each vault this session opens, with the passphrase that opened it (the tray hand-over). */
    private BiConsumer<String, Secret> onOpened = (havenId, with) -> { };

    VaultSession(HavenEngine engine, UnaryOperator<String> label) {
        this.engine = engine;
        this.label = label;
    }

    /**
     * Takes the passphrase; when the selected haven (else the first one with a vault) has a vault already, opens it
     * now, so a wrong passphrase is said at once, naming that haven.
     */
    synchronized void open(Secret newPassphrase) {
        String target = selected != null ? selected
                : engine.havens().stream().filter(engine::vaultExists).findFirst().orElse(null);
        if (target != null && engine.vaultExists(target)) {
            Vault unlocked = openNamingHaven(target, newPassphrase);
            adopt(target, unlocked, newPassphrase);
            copyTypedInto(target, unlocked);
        }
        passphrase = newPassphrase;
    }

    /**
     * Selects the haven the dashboard shows and opens its vault with a passphrase given earlier: the one that
     * opened it before, else the current one.
     *
     * @return false when none of them opens it (or none was given yet): its passphrase must be asked
     */
    synchronized boolean select(String havenId) {
        selected = havenId;
        if (havenId.equals(haven) && vault != null) {
            return true;
        }
        vault = null;
        haven = null;
        if (!engine.vaultExists(havenId)) {
            return passphrase != null;
        }
        List<Secret> candidates = new ArrayList<>();
        if (opened.containsKey(havenId)) {
            candidates.add(opened.get(havenId));
        }
        if (passphrase != null) {
            candidates.add(passphrase);
        }
        for (Secret candidate : candidates) {
            try {
                adopt(havenId, engine.openVault(havenId, candidate), candidate);
                passphrase = candidate;
                return true;
            } catch (OpenHavenException e) {
                // not this one; the user is asked when none fits, and sees the vault's own message then
            }
        }
        return false;
    }

    private void adopt(String havenId, Vault unlocked, Secret with) {
        haven = havenId;
        vault = unlocked;
        opened.put(havenId, with);
        onOpened.accept(havenId, with);
    }

    synchronized void onOpened(BiConsumer<String, Secret> listener) {
        onOpened = listener;
    }

    synchronized boolean isOpen() {
        return passphrase != null;
    }

    /**
     * Keeps a credential in memory for the haven the wizard names next, and in the open vault when that is the
     * named haven's: never in the vault of another haven that happened to be unlocked at start.
     */
    synchronized void put(String key, Secret value) {
        typed.put(key, value);
        if (vault != null && haven != null && haven.equals(named)) {
            vault.put(key, value);
        }
    }

    /** The vault of {@code havenId}, created on first use, holding every credential typed for it so far. */
    synchronized SecretStore forHaven(String havenId) {
        if (passphrase == null) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The vault is locked.")
                    .remedy("Unlock it with your passphrase first.").build();
        }
        if (vault == null || !havenId.equals(haven)) {
            Secret key = opened.getOrDefault(havenId, passphrase);
            adopt(havenId, openNamingHaven(havenId, key), key);
        }
        copyTypedInto(havenId, vault);
        return vault;
    }

    /**
     * Opens the haven's vault; a refusal is an {@link ErrorCategory#AUTH} failure naming the haven, so the desktop
     * can tell "this passphrase does not open it" (a kept one is then dropped) from a vault file it cannot read
     * at all, which keeps the engine's own message and says nothing about the passphrase.
     */
    private Vault openNamingHaven(String havenId, Secret key) {
        try {
            return engine.openVault(havenId, key);
        } catch (OpenHavenException e) {
            Path file = engine.directory(havenId).vaultFile();
            // e.g. left owned by root after a sudo run: not the passphrase's fault (root reads anything, so only
            // a user without root can meet this)
            if (Vault.exists(file) && !Files.isReadable(file)) {
                throw e;
            }
            throw OpenHavenException.of(ErrorCategory.AUTH, "The vault of " + label.apply(havenId)
                    + " did not open: wrong passphrase, or its file was changed.").remedy(e.remedy()).cause(e)
                    .build();
        }
    }

    /** The haven the user selected, else the one whose vault is open, or null. */
    synchronized String haven() {
        return selected != null ? selected : haven;
    }

    /** The wizard named a haven (plan or apply): it becomes the selected one, and what was typed belongs to it. */
    synchronized void name(String havenId) {
        selected = havenId;
        named = havenId;
    }

    /** Typed credentials go to the haven the wizard named, never into another haven's vault on a switch. */
    private void copyTypedInto(String havenId, SecretStore target) {
        if (!havenId.equals(named)) {
            return;
        }
        for (String key : typed.keys()) {
            typed.find(key).ifPresent(value -> target.put(key, value));
        }
    }
}
