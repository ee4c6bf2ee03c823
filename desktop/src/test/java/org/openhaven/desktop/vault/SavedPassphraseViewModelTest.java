package org.openhaven.desktop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.ui.Async;

/** The dashboard's "Forget the saved passphrase", without a window, on a recording keychain. */
class SavedPassphraseViewModelTest {

    private static final HavenRef HOME = new HavenRef("home", "home.example.org");
    private static final HavenRef FAMILY = new HavenRef("family", "family.example.org");

    private final RecordingPassphraseStore keychain = new RecordingPassphraseStore()
            .with("vault-passphrase:home", "home passphrase").with("vault-passphrase:family", "family passphrase");
    private final SavedPassphraseViewModel vm =
            new SavedPassphraseViewModel(new RememberedPassphrases(keychain), Async.direct());

    @Test
    void forgettingRemovesOnlyTheShownHavensEntryAndSaysSo() {
        vm.show(HOME);
        assertThat(vm.savedProperty().get()).isTrue();

        vm.forget();

        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:family", "family passphrase"));
        assertThat(keychain.changes()).containsExactly("forget vault-passphrase:home");
        assertThat(vm.savedProperty().get()).as("nothing left to forget").isFalse();
        assertThat(vm.toldProperty().get()).isEqualTo("The passphrase of home.example.org is no longer saved in "
                + "this computer's keychain; OpenHaven asks for it at the next start.");
    }

    @Test
    void followsTheShownHavenAndAnEntrySavedSince() {
        keychain.forget("vault-passphrase:family");
        vm.show(FAMILY);
        assertThat(vm.savedProperty().get()).isFalse();

        keychain.save("vault-passphrase:family", org.openhaven.engine.secrets.Secret.of("family passphrase"));
        vm.refresh();
        assertThat(vm.savedProperty().get()).isTrue();
        vm.show(HOME);
        assertThat(vm.savedProperty().get()).isTrue();
    }

    @Test
    void withoutAKeychainThereIsNoMenuAndNothingSaved() {
        SavedPassphraseViewModel none = new SavedPassphraseViewModel(
                new RememberedPassphrases(new NoPassphraseStore()), Async.direct());
        none.show(HOME);

        assertThat(none.available()).isFalse();
        assertThat(none.savedProperty().get()).isFalse();
    }
}
