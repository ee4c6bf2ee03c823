package org.openhaven.desktop.vault;

import java.util.Optional;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which haven's vault passphrase the keychain keeps: one entry per haven ({@link PassphraseAccounts#of}), so a
 * second haven with a passphrase of its own is remembered as well as the first. One per app; thread-safe, and
 * every method may block on the keychain, so the view-models call it in the background.
 *
 * <p>Two cases need care. On the very first run the passphrase is chosen before the wizard names the haven: the
 * user's "remember" waits here, in memory, and lands under the haven's account once the wizard names it. And
 * versions before several havens kept one entry, {@link PassphraseAccounts#LEGACY}: it is offered for a haven
 * without an entry of its own and, once it opened that haven's vault, saved under the haven's account and only
 * then deleted, so no passphrase is lost on the way.
 */
public final class RememberedPassphrases {

    private static final Logger LOG = LoggerFactory.getLogger(RememberedPassphrases.class);

    /** A passphrase the keychain offered for a haven, and the account it came from. */
    public record Kept(Secret passphrase, String account) {

        boolean legacy() {
            return PassphraseAccounts.LEGACY.equals(account);
        }
    }

    private final PassphraseStore store;
    /** Chosen to be remembered before any haven had a name; never written anywhere until one has. */
    private Secret awaitingName;

    public RememberedPassphrases(PassphraseStore store) {
        this.store = store;
    }

    /** Whether anything can be remembered on this computer (a working keychain). */
    public boolean canRemember() {
        return store.canRemember();
    }

    /** The haven's own entry, else the older versions' single one, which may be this haven's. */
    public synchronized Optional<Kept> recall(String havenId) {
        String account = PassphraseAccounts.of(havenId);
        Optional<Secret> own = store.load(account);
        if (own.isPresent()) {
            return Optional.of(new Kept(own.get(), account));
        }
        return store.load(PassphraseAccounts.LEGACY).map(legacy -> new Kept(legacy, PassphraseAccounts.LEGACY));
    }

    /** Whether the haven has an entry of its own (what "Forget the saved passphrase" would remove). */
    public synchronized boolean isRemembered(String havenId) {
        return store.load(PassphraseAccounts.of(havenId)).isPresent();
    }

    /** The kept passphrase opened the haven's vault: an older version's entry becomes the haven's own. */
    public synchronized void opened(String havenId, Kept kept) {
        if (kept.legacy()) {
            moveLegacyTo(havenId, kept.passphrase());
        }
    }

    /**
     * The kept passphrase no longer opens the haven's vault (it was changed elsewhere): the haven's entry is
     * dropped. The older versions' entry stays, as it may open another haven's vault.
     *
     * @return whether an entry was dropped, so the dialog can say why it asks
     */
    public synchronized boolean stale(String havenId, Kept kept) {
        if (kept.legacy()) {
            return false;
        }
        store.forget(kept.account());
        LOG.info("The keychain's passphrase of haven {} no longer opens its vault; removed it", havenId);
        return true;
    }

    /**
     * Remembers the passphrase that opened the haven's vault; with no haven named yet (the first run), remembers
     * it for the haven the wizard names next.
     */
    public synchronized void remember(Optional<String> havenId, Secret passphrase) {
        if (havenId.isEmpty()) {
            awaitingName = passphrase;
            return;
        }
        if (store.save(PassphraseAccounts.of(havenId.get()), passphrase)) {
            // the same passphrase kept by an older version is this haven's: one entry is enough
            store.load(PassphraseAccounts.LEGACY).filter(passphrase::equals)
                    .ifPresent(same -> store.forget(PassphraseAccounts.LEGACY));
        }
    }

    /** The wizard named a haven: a passphrase chosen to be remembered before it had a name is saved under it. */
    public synchronized void havenNamed(String havenId) {
        if (awaitingName != null) {
            Secret passphrase = awaitingName;
            awaitingName = null;
            store.save(PassphraseAccounts.of(havenId), passphrase);
        }
    }

    /** Removes the haven's entry: its passphrase is asked at the next start. */
    public synchronized void forget(String havenId) {
        store.forget(PassphraseAccounts.of(havenId));
    }

    /** Lets go of the keychain when the app quits. */
    public void close() {
        store.close();
    }

    private void moveLegacyTo(String havenId, Secret passphrase) {
        if (store.save(PassphraseAccounts.of(havenId), passphrase)) {
            store.forget(PassphraseAccounts.LEGACY);
            LOG.info("Moved the keychain's single vault passphrase to haven {}", havenId);
        }
    }
}
