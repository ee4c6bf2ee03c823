package org.openhaven.engine.remote;

import java.util.ArrayList;
import java.util.List;

/** Combines commands into one shell invocation, so several steps cost one SSH round trip. */
public final class Shell {

    private Shell() {
    }

    /**
     * One {@code sh -c} running the commands in order and stopping at the first that fails ({@code set -e}).
     * Each command keeps its own quoting; the whole script is quoted once more as the argument of {@code -c}.
     */
    public static RemoteCommand script(String description, List<RemoteCommand> commands) {
        List<String> lines = new ArrayList<>();
        lines.add("set -e");
        commands.forEach(c -> lines.add(c.shellLine()));
        return new RemoteCommand(List.of("sh", "-c", String.join("\n", lines)), description);
    }

    public static RemoteCommand script(String description, RemoteCommand... commands) {
        return script(description, List.of(commands));
    }

    /** A raw shell script run by {@code sh -c}; for logic (tests, loops) a single argv cannot express. */
    public static RemoteCommand raw(String description, String script) {
        return new RemoteCommand(List.of("sh", "-c", script), description);
    }

    /** The command run as root through non-interactive sudo (fails instead of prompting for a password). */
    public static RemoteCommand sudo(RemoteCommand command) {
        return new RemoteCommand(List.of("sudo", "-n", "sh", "-c", command.shellLine()), command.description());
    }
}
