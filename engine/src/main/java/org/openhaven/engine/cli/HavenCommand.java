package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.Vault;
import picocli.CommandLine;

/** The shared parts of the commands: the context, output streams, the vault and yes/no questions. */
abstract class HavenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    HavenOptions havenOptions = new HavenOptions();

    CliContext context() {
        return OpenHavenCli.contextOf(commandSpec.commandLine());
    }

    HavenEngine engine() {
        return context().engine().get();
    }

    PrintWriter out() {
        return commandSpec.commandLine().getOut();
    }

    PrintWriter err() {
        return commandSpec.commandLine().getErr();
    }

    /** The haven's vault, asking for (or, on first use, choosing) its passphrase. */
    Vault vault(String haven) {
        CliContext context = context();
        boolean creating = !engine().vaultExists(haven);
        PassphraseSource.PasswordPrompt prompt = context.terminal().interactive() ? context.terminal() : null;
        return engine().openVault(haven, PassphraseSource.obtain(context.env(), prompt, haven, creating));
    }

    /**
     * Asks before something with consequences. Returns null when confirmed; otherwise the exit code to return:
     * USAGE when nobody can answer (so scripts learn to pass --yes), FAILED when the person said no.
     */
    Integer confirm(boolean yes, String question, String what) {
        if (yes) {
            return null;
        }
        Terminal terminal = context().terminal();
        if (!terminal.interactive()) {
            err().println("Error: " + what + " needs confirmation, and this is not an interactive terminal.");
            err().println("  → Review the plan above, then run the command again with --yes.");
            return OpenHavenCli.USAGE;
        }
        String answer = terminal.readLine(question + " [y/N] ");
        if (answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            return null;
        }
        out().println("Nothing was changed.");
        return OpenHavenCli.FAILED;
    }
}
