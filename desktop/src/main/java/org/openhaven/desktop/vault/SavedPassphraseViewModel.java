package org.openhaven.desktop.vault;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;

/**
 * The dashboard's "Forget the saved passphrase": whether the keychain keeps the shown haven's vault passphrase, and
 * removing it, so that passphrase is asked again at the next start.
 */
public final class SavedPassphraseViewModel {

    private final RememberedPassphrases kept;
    private final Async async;
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper told = new ReadOnlyStringWrapper("");
    private HavenRef haven;

    public SavedPassphraseViewModel(RememberedPassphrases kept, Async async) {
        this.kept = kept;
        this.async = async;
    }

    /** Whether this computer has a keychain at all; without one there is nothing to forget and no menu. */
    public boolean available() {
        return kept.canRemember();
    }

    /** The dashboard shows {@code shown} (null: none yet): reads whether its passphrase is kept. */
    public void show(HavenRef shown) {
        haven = shown;
        told.set("");
        refresh();
    }

    /** Reads again whether the shown haven's passphrase is kept (it may have been saved since, on a switch). */
    public void refresh() {
        HavenRef asked = haven;
        if (asked == null || !available()) {
            saved.set(false);
            return;
        }
        async.run(() -> kept.isRemembered(asked.id()), isKept -> {
            if (asked.equals(haven)) {
                saved.set(isKept);
            }
        }, failure -> saved.set(false));
    }

    /** Removes the shown haven's passphrase from the keychain and says so. */
    public void forget() {
        HavenRef forgotten = haven;
        if (forgotten == null) {
            return;
        }
        async.run(() -> {
            kept.forget(forgotten.id());
            return forgotten;
        }, done -> {
            if (done.equals(haven)) {
                saved.set(false);
            }
            told.set(Messages.get("vault.forgotten", done.label()));
        }, failure -> told.set(failure.userMessage()));
    }

    /** True while the shown haven's passphrase is kept in the keychain: only then is there anything to forget. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** What the last "forget" did, in words; empty before. */
    public ReadOnlyStringProperty toldProperty() {
        return told.getReadOnlyProperty();
    }
}
