package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the CLI in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OpenHavenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** In-process against {@code engine}, in {@code work}, with the vault passphrase the CLI tests share. */
    static CliRun of(org.openhaven.engine.haven.HavenEngine engine, Terminal terminal, java.nio.file.Path work,
                     String... args) {
        return of(new CliContext(() -> engine, new LenientTestSpecReader(), terminal,
                java.util.Map.of("OPENHAVEN_PASSPHRASE", "cli test passphrase"), work), args);
    }

    /** As above, against {@code context} (an engine wired to test providers). */
    static CliRun of(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OpenHavenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
        return new CliRun(code, out.toString(), err.toString());
    }
}
