package org.openhaven.engine.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;

/**
 * Prepares a server for a haven, from one script in two forms: {@link #cloudInit()} user-data for a new cloud
 * server, and {@link #script()} run over SSH on a server the user already has ({@link #run}). Both create the
 * admin user with the haven's key, harden sshd, load a default-deny firewall, enable security upgrades and time
 * sync, add swap on small servers and install Docker with Compose. No cloud API token is ever part of either.
 */
public final class HostBootstrap {

    /** The account OpenHaven creates and logs in as after the bootstrap. */
    public static final String ADMIN_USER = "openhaven";
    /** Where cloud-init writes the script on a new server (kept for re-runs and inspection). */
    public static final String SCRIPT_PATH = "/root/openhaven-bootstrap.sh";
    static final int UNSUPPORTED_OS = 3;
    static final int PORTS_IN_USE = 4;

    private final BootstrapOptions options;

    public HostBootstrap(BootstrapOptions options) {
        this.options = options;
    }

    /** The bootstrap as a POSIX shell script, its settings as quoted variables on top. */
    public String script() {
        return "#!/bin/sh\n"
                + "ADMIN_USER=" + RemoteCommand.quote(options.adminUser()) + "\n"
                + "ADMIN_KEY=" + RemoteCommand.quote(options.adminPublicKey()) + "\n"
                + "FIREWALL_RULESET=" + RemoteCommand.quote(FirewallRuleset.render(options.openings())) + "\n"
                + "INSTALL_PACKAGES=" + (options.installPackages() ? "yes" : "no") + "\n"
                + body();
    }

    /** The same script as {@code #cloud-config} user-data: written to {@link #SCRIPT_PATH} and run once at first boot. */
    public String cloudInit() {
        StringBuilder yaml = new StringBuilder("#cloud-config\n");
        yaml.append("# OpenHaven host bootstrap. Contains no secrets: only the haven's public SSH key.\n");
        yaml.append("write_files:\n");
        yaml.append("  - path: ").append(SCRIPT_PATH).append('\n');
        yaml.append("    owner: root:root\n");
        yaml.append("    permissions: '0700'\n");
        yaml.append("    content: |\n");
        script().lines().forEach(line -> yaml.append(line.isEmpty() ? "" : "      " + line).append('\n'));
        yaml.append("runcmd:\n");
        yaml.append("  - [sh, ").append(SCRIPT_PATH).append("]\n");
        return yaml.toString();
    }

    /** The command that runs the script on an existing server (the script arrives on stdin). */
    public static RemoteCommand runFromStdin() {
        return RemoteCommand.of("prepare the server", "sh", "-s");
    }

    /**
     * Runs the bootstrap over SSH. Unsupported systems and busy web ports fail with their own plain message.
     */
    public void run(RemoteExecutor executor, OutputConsumer output) {
        ExecResult result = executor.run(runFromStdin(),
                new java.io.ByteArrayInputStream(script().getBytes(StandardCharsets.UTF_8)), output);
        if (result.succeeded()) {
            return;
        }
        String reason = result.stderr().lines().filter(l -> l.contains("ERROR: "))
                .map(l -> l.substring(l.indexOf("ERROR: ") + 7)).reduce((a, b) -> b).orElse(result.tail(10));
        String remedy = switch (result.exitCode()) {
            case UNSUPPORTED_OS -> "Reinstall the server with Debian 12 or 13, or Ubuntu 22.04 or 24.04.";
            case PORTS_IN_USE -> "Stop the program that listens on port 80 or 443 and run the setup again.";
            default -> "Read the message above, fix the cause on the server and run the setup again; "
                    + "steps that already succeeded are skipped.";
        };
        throw OpenHavenException.of(result.exitCode() == UNSUPPORTED_OS || result.exitCode() == PORTS_IN_USE
                        ? ErrorCategory.CONFIG : ErrorCategory.REMOTE_COMMAND,
                        "Preparing the server failed: " + reason)
                .remedy(remedy)
                .build();
    }

    private static String body() {
        try (InputStream in = HostBootstrap.class.getResourceAsStream("bootstrap.sh")) {
            if (in == null) {
                throw new IllegalStateException("bootstrap.sh is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
