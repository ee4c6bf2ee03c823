package org.openhaven.engine.cli;

import java.util.Set;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Look into and fill the haven's encrypted vault.",
        subcommands = {SecretsCommand.ListSecrets.class, SecretsCommand.ShowSecret.class, SecretsCommand.SetSecret.class})
final class SecretsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the names of the secrets (never values).")
    static final class ListSecrets extends HavenCommand {
        @Override
        public Integer call() {
            String haven = havenOptions.name(context());
            Set<String> keys = vault(haven).keys();
            if (keys.isEmpty()) {
                out().println("The vault of haven '" + haven + "' is empty.");
            }
            keys.forEach(out()::println);
            out().flush();
            return OpenHavenCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one secret's value (on purpose).")
    static final class ShowSecret extends HavenCommand {
        @Parameters(paramLabel = "KEY", description = "The secret's name, e.g. keycloak/admin-password.")
        String key;

        @Override
        public Integer call() {
            String haven = havenOptions.name(context());
            Vault vault = vault(haven);
            Secret secret = vault.find(key).orElseThrow(() -> OpenHavenException.config(
                    "The vault of haven '" + haven + "' has no secret '" + key + "'.",
                    "See the names with 'openhaven secrets list'."));
            out().println(secret.reveal());
            out().flush();
            return OpenHavenCli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Store a secret (e.g. hetzner/token), read from the terminal without echo or from standard input.")
    static final class SetSecret extends HavenCommand {
        @Parameters(paramLabel = "KEY", description = "The secret's name, e.g. hetzner/token.")
        String key;

        @Override
        public Integer call() {
            String haven = havenOptions.name(context());
            Vault vault = vault(haven);
            Terminal terminal = context().terminal();
            String value;
            if (terminal.interactive()) {
                char[] typed = terminal.readPassword("Value for " + key + ": ");
                value = typed == null ? "" : new String(typed);
            } else {
                value = terminal.readStdin().strip();
            }
            if (value.isEmpty()) {
                throw OpenHavenException.config("No value was given for '" + key + "'.",
                        "Type the value when asked, or pipe it in: printf %s \"$TOKEN\" | openhaven secrets set " + key);
            }
            vault.put(key, Secret.of(value));
            out().println("Stored '" + key + "' in the vault of haven '" + haven + "'.");
            out().flush();
            return OpenHavenCli.OK;
        }
    }
}
