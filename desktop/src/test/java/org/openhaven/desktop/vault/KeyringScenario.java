package org.openhaven.desktop.vault;

import java.nio.file.Path;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.TwoHavenHome;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.secrets.Secret;

/**
 * One start of the desktop's vault unlocking, in a JVM of its own whose session bus is the test's: the product's
 * {@link KeyringPassphraseStore#best()}, the real gateway and vaults, the view-models. Prints what happened, one line
 * per event and never a passphrase:
 * <ul>
 *   <li>{@code start HAVEN_HOME WORK HAVEN [PASSPHRASE]}: selects the haven, opens its vault with the kept
 *       passphrase, else types the given one with "remember" ticked;</li>
 *   <li>{@code forget HAVEN_HOME WORK HAVEN}: the dashboard's "Forget the saved passphrase".</li>
 * </ul>
 */
public final class KeyringScenario {

    private KeyringScenario() {
    }

    public static void main(String[] args) {
        PassphraseStore store = KeyringPassphraseStore.best();
        System.out.println("store " + store.getClass().getSimpleName());
        RememberedPassphrases kept = new RememberedPassphrases(store);
        EngineBackedGateway gateway = TwoHavenHome.at(Path.of(args[1]), Path.of(args[2])).gateway();
        String haven = args[3];
        HavenRef ref = gateway.havens().stream().filter(h -> h.id().equals(haven)).findFirst().orElseThrow();
        switch (args[0]) {
            case "start" -> start(gateway, kept, haven, args.length > 4 ? args[4] : null);
            case "forget" -> {
                SavedPassphraseViewModel saved = new SavedPassphraseViewModel(kept, Async.direct());
                saved.show(ref);
                System.out.println("saved " + saved.savedProperty().get());
                saved.forget();
                System.out.println("saved " + saved.savedProperty().get());
            }
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        kept.close();
        System.exit(0);
    }

    private static void start(EngineBackedGateway gateway, RememberedPassphrases kept, String haven, String typed) {
        gateway.selectHaven(haven);
        VaultUnlockViewModel vm = new VaultUnlockViewModel(gateway, kept, Async.direct());
        vm.start();
        if (vm.askingProperty().get()) {
            System.out.println("asked " + vm.errorProperty().get());
            if (typed != null) {
                vm.unlock(Secret.of(typed));
            }
        }
        System.out.println(vm.unlockedProperty().get() ? "unlocked" : "locked " + vm.errorProperty().get());
    }
}
