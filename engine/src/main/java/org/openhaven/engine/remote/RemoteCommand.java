package org.openhaven.engine.remote;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command to run on the server, as data: an argument vector built by a pure function, run by one executor,
 * asserted exactly in tests. Quoting happens here, once.
 *
 * @param argv        the program and its arguments, unquoted
 * @param description a short human summary for progress logs ("start the stack"); never contains secrets
 */
public record RemoteCommand(List<String> argv, String description) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public RemoteCommand {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
        argv = List.copyOf(argv);
    }

    public static RemoteCommand of(String description, String... argv) {
        return new RemoteCommand(List.of(argv), description);
    }

    /** The command as one POSIX shell line, each argument quoted only where it must be. */
    public String shellLine() {
        return argv.stream().map(RemoteCommand::quote).collect(Collectors.joining(" "));
    }

    /**
     * Quotes one argument for a POSIX shell: safe words stay as they are; anything else goes in single quotes,
     * with embedded single quotes written as {@code '\''}. Newlines, {@code $(…)} and backticks are inert
     * inside single quotes.
     */
    public static String quote(String argument) {
        if (!argument.isEmpty() && SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return shellLine();
    }
}
