package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.state.HavenHome;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.state.TrustedHostKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Re-trusts a server's SSH host key on purpose, after it changed (server rebuilt or reinstalled). */
@Command(name = "trust-host", mixinStandardHelpOptions = true,
        description = "Trust a server's new SSH host key after you rebuilt it on purpose; updates the pin and the "
                + "record of every haven on that server.")
final class TrustHostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--host", required = true, description = "The server's address, as in the error message.")
    String host;

    @Option(names = "--port", defaultValue = "22", description = "The SSH port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--fingerprint", required = true,
            description = "The new key's fingerprint (SHA256:…), checked on the provider's console.")
    String fingerprint;

    @Override
    public Integer call() {
        CommandLine root = commandSpec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        CliContext context = ((OpenHavenCli) root.getCommand()).context();
        String override = context.env().get("OPENHAVEN_HOME");
        Path home = override != null && !override.isBlank() ? Path.of(override) : HavenHome.resolve();
        if (!KnownHostsFile.isFingerprint(fingerprint)) {
            commandSpec.commandLine().getErr().println("Error: '" + fingerprint
                    + "' is not an SSH host key fingerprint.\n  → Copy it exactly as shown: SHA256: followed by 43 "
                    + "letters, digits, '+' or '/'.");
            return OpenHavenCli.USAGE;
        }
        // The havens' records first: a haven whose apply is running (locked) stops the command before the
        // verifier's file changes, so the two never disagree.
        List<String> havens = TrustedHostKeys.retrust(new HavenStore(home), host, port, fingerprint, Instant.now());
        Optional<String> old = KnownHostsFile.in(home).trust(host, port, fingerprint);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println("Trusted " + fingerprint + " for " + host + ":" + port
                + old.map(o -> " (replacing " + o + ")").orElse("") + ".");
        havens.forEach(h -> out.println("Recorded it in haven '" + h + "'."));
        return OpenHavenCli.OK;
    }
}
