package org.openhaven.engine.cli;

import org.openhaven.engine.haven.HavenSshKey;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openhaven ssh-key}: the haven's SSH public key, created in the vault on first use, and for a server the
 * user already has the one command that authorizes it there; {@code --check} then logs in with it and runs the
 * read-only preflight, so a missing key or an unfit server shows up before {@code apply}.
 */
@Command(name = "ssh-key", mixinStandardHelpOptions = true,
        description = {"Show the haven's SSH public key (created on first use) and, for a server you already have, "
                + "the command that adds it there.",
                "With --check, log in with the key and check the server is ready for the haven (changes nothing)."})
final class SshKeyCommand extends HavenCommand {

    @Option(names = "--check", description = "Log in to your server with the key and run the preflight checks.")
    boolean check;

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        ServerSpec server = spec.server();
        if (check && !server.isExistingServer()) {
            err().println("Error: haven '" + spec.havenId() + "' runs on a server " + server.provider()
                    + " creates, so there is no server of yours to check.\n  → Use --check for a haven whose spec "
                    + "has server.provider: ssh.");
            return OpenHavenCli.USAGE;
        }
        Vault vault = vault(spec.havenId());
        String line = engine().sshPublicKey(spec.havenId(), vault);
        if (check) {
            ServerInspection found = engine().checkExistingServer(server, vault, spec.havenId());
            out().println("Connected: " + found.describe());
            if (found.firstContact()) {
                out().println("Trusted the server's host key " + found.hostKey() + " (first contact). Compare it with "
                        + "the output of 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' on the server; a later "
                        + "change stops every connection.");
            }
            out().println("The server is ready for haven '" + spec.havenId() + "'. Next: 'openhaven apply'.");
        } else {
            out().println(line);
            out().println();
            out().println(instructions(spec, line));
        }
        out().flush();
        return OpenHavenCli.OK;
    }

    /** What to do with the line: add it on a server the user has; nothing for a server a provider creates. */
    static String instructions(HavenSpec spec, String line) {
        ServerSpec server = spec.server();
        if (!server.isExistingServer()) {
            return "OpenHaven gives this key to " + server.provider() + " when it creates the server; there is nothing "
                    + "to add by hand.";
        }
        String user = server.user() == null ? "root" : server.user();
        return "Add it to ~" + user + "/.ssh/authorized_keys on " + server.host() + ": logged in there as " + user
                + ", run\n  " + HavenSshKey.addCommand(line) + "\nThen check the server with 'openhaven ssh-key "
                + "--check'.";
    }
}
