package org.openhaven.desktop.vault;

import java.util.Optional;
import org.openhaven.engine.secrets.Secret;

/** The fallback without a keychain: nothing is remembered, so the passphrase is asked at each start. */
public final class NoPassphraseStore implements PassphraseStore {

    @Override
    public Optional<Secret> load(String account) {
        return Optional.empty();
    }

    @Override
    public boolean save(String account, Secret passphrase) {
        // Deliberately nothing: never a plain file.
        return false;
    }

    @Override
    public void forget(String account) {
        // Nothing stored.
    }

    @Override
    public boolean canRemember() {
        return false;
    }
}
