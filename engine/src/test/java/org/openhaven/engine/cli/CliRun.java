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

    /** As above, against {@code context} (an engine wired to test providers). */
    static CliRun of(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OpenHavenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
        return new CliRun(code, out.toString(), err.toString());
    }
}
