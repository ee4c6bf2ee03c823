package org.openhaven.engine.secrets;

import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Where the vault passphrase comes from in headless use: {@code OPENHAVEN_PASSPHRASE}, else asked on the terminal
 * without echo. Never logged.
 */
public final class PassphraseSource {

    public static final String ENV = "OPENHAVEN_PASSPHRASE";

    private PassphraseSource() {
    }

    /** Asks for a secret on a terminal without echo; null when there is no terminal. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] readPassword(String prompt);
    }

    /**
     * The passphrase for the vault of {@code haven}.
     *
     * @param creating whether the vault is new; then a typed passphrase is asked twice
     */
    public static Secret obtain(Map<String, String> env, PasswordPrompt console, String haven, boolean creating) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Secret.of(fromEnv);
        }
        if (console == null) {
            throw OpenHavenException.config("The vault of haven '" + haven + "' needs its passphrase, and there is "
                            + "no terminal to ask for it.",
                    "Set the environment variable " + ENV + " to the vault passphrase.");
        }
        char[] first = console.readPassword("Vault passphrase for haven '" + haven + "': ");
        if (first == null) {
            throw OpenHavenException.config("The vault of haven '" + haven + "' needs its passphrase, and there is "
                            + "no terminal to ask for it.",
                    "Set the environment variable " + ENV + " to the vault passphrase.");
        }
        if (first.length == 0) {
            throw OpenHavenException.config("No passphrase was entered.", "Enter the vault passphrase, or set " + ENV + ".");
        }
        if (creating) {
            if (first.length < 8) {
                throw OpenHavenException.config("The passphrase is too short.", "Choose at least 8 characters.");
            }
            char[] again = console.readPassword("Repeat the passphrase: ");
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw OpenHavenException.config("The two passphrases differ.", "Run the command again and type the same passphrase twice.");
            }
        }
        return Secret.of(new String(first));
    }
}
