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
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

/**
 * Opens one haven's vault: with the passphrase the keychain keeps for that haven when there is one, else with the
 * one the user types, kept in the keychain under that haven when asked to. Used at start-up (the selected haven,
 * or none yet on the first run) and when the dashboard switches to a haven whose vault takes another passphrase.
 *
 * <p>{@link #askingProperty()} turns true when the user must type it: nothing was kept, or what was kept no longer
 * opens the vault (changed elsewhere), in which case that entry is removed and {@link #errorProperty()} says so.
 */
public final class VaultUnlockViewModel {

    private final EngineGateway engine;
    private final RememberedPassphrases kept;
    private final Async async;
    /** The haven whose vault this opens; null before any haven exists (the wizard names it later). */
    private final HavenRef haven;
    private final boolean switching;
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** Unlocks the selected haven's vault (or the first one's; a new vault before any haven exists). */
    public VaultUnlockViewModel(EngineGateway engine, RememberedPassphrases kept, Async async) {
        this(engine, kept, async, engine.selectedHaven().orElse(null), false);
    }

    private VaultUnlockViewModel(EngineGateway engine, RememberedPassphrases kept, Async async, HavenRef haven,
                                 boolean switching) {
        this.engine = engine;
        this.kept = kept;
        this.async = async;
        this.haven = haven;
        this.switching = switching;
        remember.set(kept.canRemember());
    }

    /** Unlocks a haven the dashboard switched to whose vault takes another passphrase than those given so far. */
    public static VaultUnlockViewModel forSwitch(EngineGateway engine, RememberedPassphrases kept, Async async,
                                                 HavenRef haven) {
        return new VaultUnlockViewModel(engine, kept, async, haven, true);
    }

    /**
     * Tries the passphrase the keychain keeps for this haven, in the background; when there is none, or it no
     * longer opens the vault, asks for it ({@link #askingProperty()}).
     */
    public void start() {
        if (haven == null || !kept.canRemember()) {
            asking.set(true);
            return;
        }
        busy.set(true);
        async.run(this::tryKept, outcome -> {
            busy.set(false);
            switch (outcome) {
                case OPENED -> unlocked.set(true);
                case DROPPED -> ask(Messages.get("vault.keptNoLongerOpens"));
                case NOTHING_KEPT -> ask("");
            }
        }, failure -> {
            busy.set(false);
            ask(describe(failure));
        });
    }

    private enum KeptOutcome { OPENED, DROPPED, NOTHING_KEPT }

    private KeptOutcome tryKept() {
        Optional<RememberedPassphrases.Kept> offered = kept.recall(haven.id());
        if (offered.isEmpty()) {
            return KeptOutcome.NOTHING_KEPT;
        }
        try {
            engine.openVault(offered.get().passphrase());
        } catch (OpenHavenException e) {
            if (!isTheVaultsVerdict(e)) {
                throw e;
            }
            return kept.stale(haven.id(), offered.get()) ? KeptOutcome.DROPPED : KeptOutcome.NOTHING_KEPT;
        }
        kept.opened(haven.id(), offered.get());
        return KeptOutcome.OPENED;
    }

    /**
     * The vault refused the passphrase ({@link ErrorCategory#AUTH}): a wrong passphrase and a changed file look
     * alike to it (AES-GCM), so both count as "no longer opens". A file that cannot be read, or an unexpected
     * failure, says nothing about the passphrase and drops nothing.
     */
    private static boolean isTheVaultsVerdict(OpenHavenException e) {
        return e.category() == ErrorCategory.AUTH;
    }

    private void ask(String why) {
        error.set(why);
        asking.set(true);
    }

    /** Opens the vault with what the user typed, and keeps it in the keychain under this haven when asked to. */
    public void unlock(Secret passphrase) {
        if (passphrase.isEmpty()) {
            return;
        }
        boolean keep = remember.get() && kept.canRemember();
        busy.set(true);
        error.set("");
        async.run(() -> {
            engine.openVault(passphrase);
            if (keep) {
                kept.remember(Optional.ofNullable(haven).map(HavenRef::id), passphrase);
            }
            return passphrase;
        }, opened -> {
            busy.set(false);
            unlocked.set(true);
        }, failure -> {
            busy.set(false);
            error.set(describe(failure));
        });
    }

    private static String describe(OpenHavenException failure) {
        return failure.remedy().isEmpty() ? failure.userMessage() : failure.userMessage() + " " + failure.remedy();
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
        return haven == null ? Messages.get("vault.header") : Messages.get("vault.header.haven", haven.label());
    }

    public boolean canRemember() {
        return kept.canRemember();
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    /** True once the passphrase must be typed: the view shows the dialog then. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
