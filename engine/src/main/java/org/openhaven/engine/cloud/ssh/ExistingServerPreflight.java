package org.openhaven.engine.cloud.ssh;

import java.util.List;
import java.util.stream.Collectors;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.Shell;
import org.openhaven.engine.remote.SshConnection;

/**
 * Checks a server the user already has before anything on it changes: OS and version, root or passwordless
 * sudo, free disk, memory, and whether ports 80/443 are free. One read-only command, run as the login user
 * itself (not through sudo, since whether sudo works is one of the questions).
 */
public final class ExistingServerPreflight {

    private ExistingServerPreflight() {
    }

    /** The read-only command that prints the facts as {@code key=value} lines. */
    public static RemoteCommand command() {
        return Shell.raw("check the server", String.join("\n",
                "if [ -r /etc/os-release ]; then . /etc/os-release; fi",
                "echo \"os=${ID:-unknown}:${VERSION_ID:-}\"",
                "echo \"pretty=${PRETTY_NAME:-unknown}\"",
                "if [ \"$(id -u)\" = 0 ] || sudo -n true 2>/dev/null; then echo sudo=yes; else echo sudo=no; fi",
                "echo \"disk_free_kib=$(df -Pk / | awk 'NR==2 {print $4}')\"",
                "echo \"mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
                "echo \"ports=$(ss -Hltnp '( sport = :80 or sport = :443 )' 2>/dev/null"
                        + " | grep -v -e docker-proxy -e dockerd | awk '{print $4}' | tr '\\n' ' ')\""));
    }

    /** Gathers the facts; does not judge them. */
    public static PreflightReport inspect(SshConnection connection) {
        ExecResult result = connection.exec(command().shellLine(), null, OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "Could not inspect the server " + connection.target().address() + ":\n" + result.tail(5))
                    .remedy("Check that the login user has a POSIX shell (sh) and try again.")
                    .build();
        }
        return PreflightReport.parse(result.stdout());
    }

    /** Gathers the facts and fails with every problem found, each with its remedy, before anything changes. */
    public static PreflightReport require(SshConnection connection) {
        PreflightReport report = inspect(connection);
        List<PreflightReport.Problem> problems = report.problems();
        if (!problems.isEmpty()) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The server " + connection.target().address()
                            + " is not ready for a haven: " + problems.stream().map(PreflightReport.Problem::message)
                            .collect(Collectors.joining(" ")))
                    .remedy(problems.stream().map(PreflightReport.Problem::remedy).collect(Collectors.joining(" ")))
                    .build();
        }
        return report;
    }
}
