package org.openhaven.desktop.vault;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux) through java-keyring,
 * every entry under the service {@value PassphraseAccounts#SERVICE}. {@link #best()} falls back to
 * {@link NoPassphraseStore} when no keychain works, e.g. a Linux session without an unlocked Secret Service.
 * Failures are logged by kind only, never with an account's secret.
 */
public final class KeyringPassphraseStore implements PassphraseStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringPassphraseStore.class);

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
    public Optional<Secret> load(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(PassphraseAccounts.SERVICE, account)).map(Secret::of);
        } catch (PasswordAccessException | RuntimeException e) {
            // java-keyring reports a missing entry as an exception too
            LOG.debug("The keychain had no entry {} ({})", account, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public boolean save(String account, Secret passphrase) {
        try {
            keyring.setPassword(PassphraseAccounts.SERVICE, account, passphrase.reveal());
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("Could not keep the passphrase in the keychain as {} ({}); it will be asked next time",
                    account, e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void forget(String account) {
        try {
            keyring.deletePassword(PassphraseAccounts.SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("Nothing to forget in the keychain as {}", account);
        }
    }

    @Override
    public boolean canRemember() {
        return true;
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) { // java-keyring declares a bare Exception here
            LOG.debug("Closing the keychain failed ({})", e.getClass().getSimpleName());
        }
    }
}
