package org.openhaven.engine.cli;

import java.io.PrintWriter;

/**
 * TEST-SCOPE entry point: the real CLI ({@link OpenHavenCli}) with the real engine wiring, except that specs are
 * read leniently so they may name the test-scope provider {@code testcloud}, which the strict loader rejects.
 */
public final class TestCliMain {

    private TestCliMain() {
    }

    public static void main(String[] args) {
        LogFiles.configure();
        CliContext system = CliContext.system();
        CliContext context = new CliContext(system.engine(), new LenientTestSpecReader(), system.terminal(),
                system.env(), system.workingDirectory());
        System.exit(OpenHavenCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                context));
    }
}
