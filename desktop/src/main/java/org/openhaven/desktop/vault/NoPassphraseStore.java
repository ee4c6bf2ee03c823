package org.openhaven.desktop.vault;

import java.util.Optional;
import org.openhaven.engine.secrets.Secret;

/** The fallback without a keychain: nothing is remembered, so the passphrase is asked at each start. */
public final class NoPassphraseStore implements PassphraseStore {

    @Override
    public Optional<Secret> load() {
        return Optional.empty();
    }

    @Override
    public void save(Secret passphrase) {
        // Deliberately nothing: never a plain file.
    }

    @Override
    public void forget() {
        // Nothing stored.
    }

    @Override
    public boolean canRemember() {
        return false;
    }
}
