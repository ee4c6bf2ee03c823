package org.openhaven.desktop.vault;

import java.util.Optional;
import org.openhaven.engine.secrets.Secret;

/**
 * Where vault passphrases may be remembered between starts: the OS keychain, or nowhere. Entries are named by
 * account (see {@link PassphraseAccounts}); every call may block on the keychain, so callers run it off the UI
 * thread.
 */
public interface PassphraseStore extends AutoCloseable {

    Optional<Secret> load(String account);

    /** @return whether the keychain took it; false leaves any earlier entry of that account as it was */
    boolean save(String account, Secret passphrase);

    /** Removes the entry; nothing happens when there is none. */
    void forget(String account);

    /** False for the fallback that remembers nothing; the dialog then hides "remember". */
    boolean canRemember();

    /**
     * Lets go of the keychain when the app quits: the Secret Service's D-Bus connection runs threads that would
     * otherwise keep the JVM alive after the window closed.
     */
    @Override
    default void close() {
    }
}
