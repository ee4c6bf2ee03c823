package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * Several havens on one computer, on the real engine in a temporary OPENHAVEN home: the gateway lists them by
 * domain, unlocks the selected one's vault, names it when the passphrase is wrong, and asks again on a switch only
 * when the other haven's vault takes another passphrase.
 */
class EngineBackedGatewayHavensTest {

    private static final Secret HOME_PASSPHRASE = TwoHavenHome.HOME_PASSPHRASE;
    private static final Secret FAMILY_PASSPHRASE = TwoHavenHome.FAMILY_PASSPHRASE;

    @TempDir
    Path home;
    @TempDir
    Path work;

    private TwoHavenHome havens;
    private HavenEngine engine;

    @BeforeEach
    void twoHavensWithTheirOwnVaults() {
        havens = TwoHavenHome.of(home, work);
        engine = havens.engine();
    }

    private void saveSpec(String name) {
        havens.saveSpec(name);
    }

    private EngineBackedGateway gateway() {
        return havens.gateway();
    }

    @Test
    void listsEveryHavenWithASpecByItsDomain() {
        assertThat(gateway().havens()).containsExactly(new HavenRef("family", "family.example.org"),
                new HavenRef("home", "home.example.org"));
    }

    @Test
    void theSelectedHavensVaultIsTheOneUnlockedAndItsSpecTheOneShown() {
        EngineBackedGateway gateway = gateway();
        assertThat(gateway.selectHaven("home")).as("no passphrase given yet").isFalse();

        gateway.openVault(HOME_PASSPHRASE);

        assertThat(gateway.selectedHaven()).contains(new HavenRef("home", "home.example.org"));
        assertThat(gateway.currentSpec().domain()).isEqualTo("home.example.org");
    }

    @Test
    void aWrongPassphraseNamesTheHavenWhoseVaultItDidNotOpen() {
        EngineBackedGateway gateway = gateway();
        gateway.selectHaven("home");

        assertThatThrownBy(() -> gateway.openVault(FAMILY_PASSPHRASE))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("The vault of home.example.org did not open: wrong "
                            + "passphrase, or its file was changed.");
                    assertThat(e.remedy()).contains("Check the passphrase");
                });
    }

    @Test
    void switchingAsksOnlyForAPassphraseNotGivenYetAndSwitchingBackAsksNothing() {
        EngineBackedGateway gateway = gateway();
        gateway.selectHaven("home");
        gateway.openVault(HOME_PASSPHRASE);

        assertThat(gateway.selectHaven("family")).as("family's vault takes another passphrase").isFalse();
        gateway.openVault(FAMILY_PASSPHRASE);
        assertThat(gateway.currentSpec().havenId()).isEqualTo("family");

        assertThat(gateway.selectHaven("home")).as("home's passphrase was given before").isTrue();
        assertThat(gateway.currentSpec().havenId()).isEqualTo("home");
        assertThat(gateway.selectHaven("family")).isTrue();
    }

    @Test
    void havensSharingAPassphraseSwitchWithoutAsking() {
        Vault.openOrCreate(engine.directory("family").vaultFile(), FAMILY_PASSPHRASE)
                .put("note", Secret.of("still family"));
        saveSpec("shared");
        Vault.openOrCreate(engine.directory("shared").vaultFile(), HOME_PASSPHRASE);
        EngineBackedGateway gateway = gateway();
        gateway.selectHaven("home");
        gateway.openVault(HOME_PASSPHRASE);

        assertThat(gateway.selectHaven("shared")).isTrue();
        assertThat(gateway.vpnPeers()).extracting(VpnPeer::name).containsExactly("phone");
    }

    @Test
    void credentialsTypedForANewHavenNeverLandInAnotherHavensVault() {
        EngineBackedGateway gateway = gateway();
        gateway.selectHaven("home");
        gateway.openVault(HOME_PASSPHRASE);
        gateway.storeSecret("test/token", Secret.of("typed-for-garden"));
        gateway.plan(TestHavens.cloudSpec("garden"));

        gateway.selectHaven("home");
        gateway.vpnPeers();

        assertThat(Vault.openOrCreate(engine.directory("home").vaultFile(), HOME_PASSPHRASE).find("test/token"))
                .isEmpty();
        assertThat(Vault.openOrCreate(engine.directory("garden").vaultFile(), HOME_PASSPHRASE).find("test/token"))
                .map(Secret::reveal).contains("typed-for-garden");
    }

    @Test
    void selectingAHavenThatIsNotSetUpSaysSo() {
        assertThatThrownBy(() -> gateway().selectHaven("nowhere"))
                .isInstanceOfSatisfying(OpenHavenException.class, e ->
                        assertThat(e.userMessage()).isEqualTo("There is no haven called 'nowhere' here."));
        assertThat(List.of("family", "home")).isEqualTo(gateway().havens().stream().map(HavenRef::id).toList());
    }
}
