package org.openhaven.desktop.vault;

import java.util.Optional;
import org.openhaven.engine.secrets.Secret;

/** Where the vault passphrase may be remembered between starts: the OS keychain, or nowhere. */
public interface PassphraseStore {

    Optional<Secret> load();

    void save(Secret passphrase);

    void forget();

    /** False for the fallback that remembers nothing; the dialog then hides "remember". */
    boolean canRemember();
}
