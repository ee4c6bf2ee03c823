package org.openhaven.desktop.vault;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.secrets.Secret;

/**
 * Opens the vault once per start: with the passphrase from the keychain when one is kept there, else with the
 * one the user types (and keeps it in the keychain when asked to).
 */
public final class VaultUnlockViewModel {

    private final EngineGateway engine;
    private final PassphraseStore store;
    private final Async async;
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final String havenLabel;
    private boolean switching;

    /** Unlocks the selected haven's vault (or the first one's; a new vault before any haven exists). */
    public VaultUnlockViewModel(EngineGateway engine, PassphraseStore store, Async async) {
        this(engine, store, async, engine.selectedHaven().map(HavenRef::label).orElse(""));
    }

    /** @param havenLabel the haven whose vault this unlocks, as the user knows it; empty before any exists */
    public VaultUnlockViewModel(EngineGateway engine, PassphraseStore store, Async async, String havenLabel) {
        this.havenLabel = havenLabel;
        this.engine = engine;
        this.store = store;
        this.async = async;
        remember.set(store.canRemember());
    }

    /** Tries the keychain's passphrase; true when one was there (the outcome arrives in {@link #unlockedProperty}). */
    public boolean tryRemembered() {
        Optional<Secret> kept = store.load();
        kept.ifPresent(passphrase -> open(passphrase, false));
        return kept.isPresent();
    }

    public void unlock(Secret passphrase) {
        if (passphrase.isEmpty()) {
            return;
        }
        open(passphrase, remember.get() && store.canRemember());
    }

    private void open(Secret passphrase, boolean keep) {
        busy.set(true);
        error.set("");
        async.run(() -> {
            engine.openVault(passphrase);
            return passphrase;
        }, opened -> {
            if (keep) {
                store.save(opened);
            }
            busy.set(false);
            unlocked.set(true);
        }, failure -> {
            busy.set(false);
            error.set(failure.remedy().isEmpty() ? failure.userMessage()
                    : failure.userMessage() + " " + failure.remedy());
        });
    }

    /**
     * Unlocks a haven the dashboard switched to whose vault takes another passphrase. Not kept in the keychain,
     * which holds the start-up haven's passphrase only.
     */
    public static VaultUnlockViewModel forSwitch(EngineGateway engine, Async async, String havenLabel) {
        VaultUnlockViewModel vm = new VaultUnlockViewModel(engine, new NoPassphraseStore(), async, havenLabel);
        vm.switching = true;
        return vm;
    }

    /** The hint under the field, as a bundle key. */
    public String hintKey() {
        if (switching) {
            return "vault.hintOtherHaven";
        }
        return canRemember() ? "vault.hint" : "vault.hintNoKeychain";
    }

    /** The dialog's header: which haven's vault it unlocks. */
    public String header() {
        return havenLabel.isEmpty() ? Messages.get("vault.header") : Messages.get("vault.header.haven", havenLabel);
    }

    public boolean canRemember() {
        return store.canRemember();
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
