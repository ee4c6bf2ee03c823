package org.openhaven.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.vault.NoPassphraseStore;
import org.openhaven.desktop.vault.RememberedPassphrases;
import org.openhaven.desktop.vault.VaultUnlockViewModel;
import org.openhaven.engine.secrets.Secret;

/** The dashboard's haven switcher, without a window. */
class HavenSwitcherTest {

    private static final HavenRef HOME = new HavenRef("home", "home.example.org");
    private static final HavenRef FAMILY = new HavenRef("family", "family.example.org");
    private static final HavenRef LAB = new HavenRef("lab", "lab.example.net");

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final ScriptedTestEngine engine = new ScriptedTestEngine().withClock(clock);
    private final HavenMemory memory = HavenMemory.inMemory();
    private DashboardViewModel vm;

    @BeforeEach
    void threeHavensTwoPassphrases() {
        Map<HavenRef, String> havens = new LinkedHashMap<>();
        havens.put(HOME, "home passphrase");
        havens.put(FAMILY, "family passphrase");
        havens.put(LAB, "home passphrase");
        engine.withHavens(havens);
        engine.openVault(Secret.of("home passphrase"));
        vm = new DashboardViewModel(engine, Async.direct(), clock, memory);
        vm.refresh();
    }

    @Test
    void listsEveryHavenAndShowsTheSelectedOne() {
        assertThat(vm.havens().havens()).containsExactly(HOME, FAMILY, LAB);
        assertThat(vm.havens().severalProperty().get()).isTrue();
        assertThat(vm.havens().selectedProperty().get()).isEqualTo(HOME);
        assertThat(vm.services()).extracting(ServiceHealth::url).contains("https://nextcloud.home.example.org");
    }

    @Test
    void switchingToAHavenWithTheSamePassphraseShowsItAtOnceAndRemembersIt() {
        vm.havens().switchTo(LAB);

        assertThat(vm.havens().lockedProperty().get()).isNull();
        assertThat(vm.statusProperty().get().havenName()).isEqualTo("lab");
        assertThat(vm.services()).extracting(ServiceHealth::url).contains("https://nextcloud.lab.example.net");
        assertThat(memory.recall()).contains("lab");
    }

    @Test
    void switchingToAHavenWithAnotherPassphraseAsksForItAndShowsNothingOfTheOtherHavenMeanwhile() {
        vm.havens().switchTo(FAMILY);

        assertThat(vm.havens().lockedProperty().get()).isEqualTo(FAMILY);
        assertThat(vm.services()).isEmpty();
        assertThat(vm.peers()).isEmpty();
        assertThat(vm.statusProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEqualTo("Unlock the vault of family.example.org to see its status.");

        VaultUnlockViewModel unlock = VaultUnlockViewModel.forSwitch(engine,
                new RememberedPassphrases(new NoPassphraseStore()), Async.direct(), FAMILY);
        assertThat(unlock.header()).startsWith("Unlock the vault of family.example.org");
        unlock.unlock(Secret.of("home passphrase"));
        assertThat(unlock.errorProperty().get()).startsWith("The vault of family.example.org did not open");
        unlock.unlock(Secret.of("family passphrase"));
        assertThat(unlock.unlockedProperty().get()).isTrue();
        vm.havens().unlocked();

        assertThat(vm.havens().lockedProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.services()).extracting(ServiceHealth::url).contains("https://nextcloud.family.example.org");
    }

    @Test
    void switchingBackToAHavenUnlockedBeforeAsksNothing() {
        vm.havens().switchTo(FAMILY);
        engine.openVault(Secret.of("family passphrase"));
        vm.havens().unlocked();

        vm.havens().switchTo(HOME);

        assertThat(vm.havens().lockedProperty().get()).isNull();
        assertThat(vm.statusProperty().get().havenName()).isEqualTo("home");
    }

    @Test
    void theNextLaunchOpensOnTheRememberedHaven() {
        vm.havens().switchTo(LAB);

        ScriptedTestEngine nextLaunch = new ScriptedTestEngine().withHavens(Map.of(HOME, "", LAB, ""));
        DashboardViewModel again = new DashboardViewModel(nextLaunch, Async.direct(), clock, memory);
        again.refresh();

        assertThat(again.havens().selectedProperty().get()).isEqualTo(LAB);
    }

    @Test
    void aSingleHavenNeedsNoSwitcher() {
        DashboardViewModel single = new DashboardViewModel(new ScriptedTestEngine(), Async.direct(), clock);
        single.refresh();

        assertThat(single.havens().severalProperty().get()).isFalse();
    }
}
