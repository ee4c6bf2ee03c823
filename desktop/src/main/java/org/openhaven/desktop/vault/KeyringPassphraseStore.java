package org.openhaven.desktop.vault;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux) through
 * java-keyring. {@link #best()} falls back to {@link NoPassphraseStore} when no keychain works, e.g. a Linux
 * session without an unlocked Secret Service.
 */
public final class KeyringPassphraseStore implements PassphraseStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringPassphraseStore.class);
    private static final String SERVICE = "OpenHaven";
    private static final String ACCOUNT = "vault-passphrase";

    private final Keyring keyring;

    private KeyringPassphraseStore(Keyring keyring) {
        this.keyring = keyring;
    }

    public static PassphraseStore best() {
        try {
            Keyring keyring = Keyring.create();
            return new KeyringPassphraseStore(keyring);
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("No usable OS keychain ({}); the vault passphrase will be asked at each start",
                    e.getClass().getSimpleName());
            return new NoPassphraseStore();
        }
    }

    @Override
    public Optional<Secret> load() {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, ACCOUNT)).map(Secret::of);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.info("The keychain had no OpenHaven passphrase ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void save(Secret passphrase) {
        try {
            keyring.setPassword(SERVICE, ACCOUNT, passphrase.reveal());
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("Could not keep the passphrase in the keychain ({}); it will be asked next time",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void forget() {
        try {
            keyring.deletePassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("Nothing to forget in the keychain");
        }
    }

    @Override
    public boolean canRemember() {
        return true;
    }
}
