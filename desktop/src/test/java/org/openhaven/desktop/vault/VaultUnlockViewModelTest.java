package org.openhaven.desktop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.TwoHavenHome;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * Unlocking a haven's vault with the keychain, without a window: the real engine and real vaults of two havens
 * with passphrases of their own, and a recording keychain whose exact accounts the tests check.
 */
class VaultUnlockViewModelTest {

    private static final String HOME = TwoHavenHome.HOME_PASSPHRASE.reveal();
    private static final String FAMILY = TwoHavenHome.FAMILY_PASSPHRASE.reveal();
    private static final HavenRef FAMILY_REF = new HavenRef("family", "family.example.org");

    @TempDir
    Path home;
    @TempDir
    Path work;

    private final RecordingPassphraseStore keychain = new RecordingPassphraseStore();
    private final RememberedPassphrases kept = new RememberedPassphrases(keychain);

    private EngineBackedGateway startedOn(String haven) {
        EngineBackedGateway gateway = TwoHavenHome.of(home, work).gateway();
        gateway.whenHavenNamed(kept::havenNamed);
        gateway.selectHaven(haven);
        return gateway;
    }

    private VaultUnlockViewModel atStart(EngineBackedGateway gateway) {
        return new VaultUnlockViewModel(gateway, kept, Async.direct());
    }

    @Test
    void startUpOpensTheSelectedHavensVaultWithTheEntryKeptForItWithoutAsking() {
        keychain.with("vault-passphrase:family", FAMILY).with("vault-passphrase:home", HOME);
        EngineBackedGateway gateway = startedOn("family");
        VaultUnlockViewModel vm = atStart(gateway);

        vm.start();

        assertThat(vm.unlockedProperty().get()).isTrue();
        assertThat(vm.askingProperty().get()).isFalse();
        assertThat(gateway.selectHaven("family")).as("family's vault is open").isTrue();
        assertThat(keychain.changes()).isEmpty();
    }

    @Test
    void aTypedPassphraseIsRememberedUnderTheHavensOwnAccount() {
        VaultUnlockViewModel vm = atStart(startedOn("family"));
        vm.start();
        assertThat(vm.askingProperty().get()).as("nothing kept: asked").isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();

        vm.unlock(Secret.of(FAMILY));

        assertThat(vm.unlockedProperty().get()).isTrue();
        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:family", FAMILY));
    }

    @Test
    void nothingIsRememberedWhenTheUserUnticksRememberOrTypesAWrongPassphrase() {
        VaultUnlockViewModel vm = atStart(startedOn("home"));
        vm.start();

        vm.unlock(Secret.of(FAMILY));
        assertThat(vm.errorProperty().get()).startsWith("The vault of home.example.org did not open");
        vm.rememberProperty().set(false);
        vm.unlock(Secret.of(HOME));

        assertThat(vm.unlockedProperty().get()).isTrue();
        assertThat(keychain.entries()).isEmpty();
    }

    @Test
    void aSwitchToAHavenWithItsOwnPassphraseOffersRememberAndSavesItUnderThatHaven() {
        keychain.with("vault-passphrase:home", HOME);
        EngineBackedGateway gateway = startedOn("home");
        atStart(gateway).start();
        assertThat(gateway.selectHaven("family")).as("family's vault takes another passphrase").isFalse();

        VaultUnlockViewModel family = VaultUnlockViewModel.forSwitch(gateway, kept, Async.direct(), FAMILY_REF);
        family.start();
        assertThat(family.askingProperty().get()).isTrue();
        assertThat(family.canRemember()).isTrue();
        assertThat(family.rememberProperty().get()).as("offered, ticked").isTrue();
        family.unlock(Secret.of(FAMILY));

        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:home", HOME,
                "vault-passphrase:family", FAMILY));
    }

    @Test
    void aSwitchToAHavenWhosePassphraseIsKeptOpensItWithoutAsking() {
        keychain.with("vault-passphrase:home", HOME).with("vault-passphrase:family", FAMILY);
        EngineBackedGateway gateway = startedOn("home");
        atStart(gateway).start();
        gateway.selectHaven("family");

        VaultUnlockViewModel family = VaultUnlockViewModel.forSwitch(gateway, kept, Async.direct(), FAMILY_REF);
        family.start();

        assertThat(family.unlockedProperty().get()).isTrue();
        assertThat(family.askingProperty().get()).isFalse();
        assertThat(gateway.currentSpec().havenId()).isEqualTo("family");
    }

    @Test
    void onTheFirstRunTheRememberedPassphraseLandsUnderTheHavenTheWizardNames() {
        EngineBackedGateway gateway = TwoHavenHome.at(home, work).gateway();
        gateway.whenHavenNamed(kept::havenNamed);
        VaultUnlockViewModel vm = atStart(gateway);
        vm.start();
        assertThat(vm.askingProperty().get()).isTrue();
        vm.unlock(Secret.of("a brand new passphrase"));
        assertThat(keychain.entries()).as("no haven has a name yet").isEmpty();

        gateway.plan(TestHavens.cloudSpec("garden"));

        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:garden", "a brand new passphrase"));
        gateway.plan(TestHavens.cloudSpec("second"));
        assertThat(keychain.entries()).as("remembered once, for the haven named first")
                .containsOnlyKeys("vault-passphrase:garden");
    }

    @Test
    void theSingleEntryOfOlderVersionsMovesToTheHavenItOpensSavedBeforeItIsDeleted() {
        keychain.with("vault-passphrase", HOME);
        VaultUnlockViewModel vm = atStart(startedOn("home"));

        vm.start();

        assertThat(vm.unlockedProperty().get()).isTrue();
        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:home", HOME));
        assertThat(keychain.changes()).containsExactly("save vault-passphrase:home", "forget vault-passphrase");
    }

    @Test
    void theOldEntryStaysUntilItOpensAHavensVaultThenMovesThere() {
        keychain.with("vault-passphrase", FAMILY);
        EngineBackedGateway gateway = startedOn("home");
        VaultUnlockViewModel vm = atStart(gateway);

        vm.start();
        assertThat(vm.askingProperty().get()).as("it is not home's").isTrue();
        assertThat(vm.errorProperty().get()).as("nothing of home's was dropped: nothing to explain").isEmpty();
        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase", FAMILY));
        vm.unlock(Secret.of(HOME));

        gateway.selectHaven("family");
        VaultUnlockViewModel.forSwitch(gateway, kept, Async.direct(), FAMILY_REF).start();

        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:home", HOME,
                "vault-passphrase:family", FAMILY));
    }

    @Test
    void theOldEntryIsNeverLostWhenTheKeychainRefusesTheNewOne() {
        RecordingPassphraseStore locked = new RecordingPassphraseStore().with("vault-passphrase", HOME)
                .refusingWrites();
        EngineBackedGateway gateway = startedOn("home");
        VaultUnlockViewModel vm = new VaultUnlockViewModel(gateway, new RememberedPassphrases(locked),
                Async.direct());

        vm.start();

        assertThat(vm.unlockedProperty().get()).isTrue();
        assertThat(locked.entries()).isEqualTo(Map.of("vault-passphrase", HOME));
        assertThat(locked.changes()).containsExactly("refused vault-passphrase:home");
    }

    @Test
    void anEntryThatNoLongerOpensTheVaultIsDroppedAndTheDialogSaysWhyOnce() {
        keychain.with("vault-passphrase:home", "the passphrase before it was changed")
                .with("vault-passphrase:family", FAMILY);
        VaultUnlockViewModel vm = atStart(startedOn("home"));

        vm.start();

        assertThat(vm.askingProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("vault.keptNoLongerOpens"));
        assertThat(keychain.entries()).as("only home's stale entry goes")
                .isEqualTo(Map.of("vault-passphrase:family", FAMILY));

        vm.unlock(Secret.of(HOME));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(keychain.entries()).containsEntry("vault-passphrase:home", HOME);

        VaultUnlockViewModel nextStart = atStart(startedOn("home"));
        nextStart.start();
        assertThat(nextStart.unlockedProperty().get()).as("the new one works; nothing asked again").isTrue();
    }

    @Test
    void withoutAKeychainTheDialogAsksAndOffersNothingToRemember() {
        EngineBackedGateway gateway = startedOn("home");
        VaultUnlockViewModel vm = new VaultUnlockViewModel(gateway,
                new RememberedPassphrases(new NoPassphraseStore()), Async.direct());

        vm.start();

        assertThat(vm.askingProperty().get()).isTrue();
        assertThat(vm.canRemember()).isFalse();
        assertThat(vm.rememberProperty().get()).isFalse();
        assertThat(vm.hintKey()).isEqualTo("vault.hintNoKeychain");
    }
}
