package org.openhaven.desktop.companion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;

/**
 * Reads the lines {@link CompanionWriter} writes. Anything else (an unknown word, a malformed argument, a newer
 * version's message) is empty: the caller ignores it, and logs no content, since a garbled line may hold a secret.
 */
public final class CompanionParser {

    /** Haven names as the engine allows them; anything else is not trusted as a name. */
    private static final Pattern HAVEN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,6}");

    private CompanionParser() {
    }

    public static Optional<CompanionMessage> parse(String line) {
        String[] words = line.strip().split(" ", -1);
        return switch (words[0]) {
            case "focus" -> words.length == 1 ? Optional.of(new CompanionMessage.Focus()) : Optional.empty();
            case "quit" -> words.length == 1 ? Optional.of(new CompanionMessage.Quit()) : Optional.empty();
            case "tray-ready" -> words.length == 1 ? Optional.of(new CompanionMessage.TrayReady()) : Optional.empty();
            case "no-tray" -> words.length == 1 ? Optional.of(new CompanionMessage.NoTray()) : Optional.empty();
            case "unlock" -> words.length == 3 ? unlock(words[1], words[2]) : Optional.empty();
            case "deploy-finished" -> words.length == 3 ? deployFinished(words[1], words[2]) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<CompanionMessage> unlock(String haven, String encoded) {
        if (!HAVEN.matcher(haven).matches() || encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            String passphrase = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            return Optional.of(new CompanionMessage.Unlock(haven, Secret.of(passphrase)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<CompanionMessage> deployFinished(String outcome, String steps) {
        if (!COUNT.matcher(steps).matches()) {
            return Optional.empty();
        }
        for (ProgressEvent.Outcome known : ProgressEvent.Outcome.values()) {
            if (known.name().toLowerCase(Locale.ROOT).equals(outcome)) {
                return Optional.of(new CompanionMessage.DeployFinished(known, Integer.parseInt(steps)));
            }
        }
        return Optional.empty();
    }
}
