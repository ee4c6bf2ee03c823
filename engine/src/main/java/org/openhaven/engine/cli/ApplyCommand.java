package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlanFormat;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.ServerHostKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update the haven so it matches its spec. Safe to run again: it resumes where it stopped.")
final class ApplyCommand extends HavenCommand {

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Apply this saved plan; refused if the haven changed since it was made.")
    Path planFile;

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        Plan plan;
        if (planFile != null) {
            plan = PlanFormat.read(planFile);
            plan.requireCurrent(engine().state(spec.havenId()));
        } else {
            plan = engine().plan(spec);
        }
        out().print(PlanFormat.toText(plan));
        out().flush();
        Integer refused = confirm(yes, "Apply this plan to haven '" + spec.havenId() + "'?", "Applying");
        if (refused != null) {
            return refused;
        }
        Vault vault = vault(spec.havenId());
        CancellationToken cancellation = new CancellationToken();
        Thread onCtrlC = new Thread(cancellation::cancel, "openhaven-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (ProgressPrinter printer = new ProgressPrinter(out(), context().terminal().drawsProgressBars())) {
            ServerHostKey before = engine().state(spec.havenId()).server();
            RunResult result = engine().apply(spec, vault, plan, printer, cancellation, "openhaven apply");
            firstContact(before, engine().state(spec.havenId()).server()).ifPresent(out()::println);
            if (result.failures().stream().anyMatch(f -> f.category() == ErrorCategory.INTERNAL)) {
                err().println("The details of the unexpected failure are in " + LogFiles.current() + ".");
            }
            if (!result.succeeded()) {
                err().println("The haven is not finished. Fix what is named above and run 'openhaven apply' again;"
                        + " it continues where it stopped.");
            }
            return result.succeeded() ? OpenHavenCli.OK : OpenHavenCli.FAILED;
        } finally {
            removeHook(onCtrlC);
        }
    }

    /**
     * The line that shows the user the host key this run trusted on first contact (the state's {@code server} section
     * gained a key with a time); empty when the key was already known.
     */
    static Optional<String> firstContact(ServerHostKey before, ServerHostKey after) {
        boolean trustedNow = after != null && after.pinnedAt() != null
                && (before == null || !before.isFor(after.host(), after.port())
                        || !before.fingerprint().equals(after.fingerprint()));
        return trustedNow ? Optional.of("Trusted the server's host key " + after.fingerprint() + " (first contact). "
                + "Compare it with the one your provider's console shows; a later change stops every connection.")
                : Optional.empty();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook has done its job
        }
    }
}
