package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.util.Map;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.state.HavenDirectory;
import org.openhaven.engine.state.HavenStore;

/**
 * Where {@code render} takes secrets from: the haven's vault when the haven exists (so the preview shows the
 * passwords a deploy will use, and secrets it generates are kept), else a throw-away store.
 *
 * @param fromVault whether {@code store} is the haven's vault
 */
record RenderSecrets(SecretStore store, boolean fromVault) {

    /** @param prompt asks for the vault passphrase when the environment has none; null where nobody can answer */
    static RenderSecrets choose(HavenStore havens, String havenName, Map<String, String> env,
                                PassphraseSource.PasswordPrompt prompt) {
        HavenDirectory haven = havens.haven(havenName);
        Path vault = haven.vaultFile();
        if (!Vault.exists(vault)) {
            return new RenderSecrets(new InMemorySecretStore(), false);
        }
        return new RenderSecrets(Vault.openOrCreate(vault, PassphraseSource.obtain(env, prompt, havenName, false)), true);
    }
}
