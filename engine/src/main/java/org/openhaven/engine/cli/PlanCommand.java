package org.openhaven.engine.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlanFormat;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what 'apply' would create, update and delete. Changes nothing.")
final class PlanCommand extends HavenCommand {

    @Option(names = "--json", description = "Print the plan as JSON (stable, for scripts).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan, for 'apply --plan FILE'.")
    Path outFile;

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        Plan plan = engine().plan(spec);
        out().print(json ? PlanFormat.toJson(plan) : PlanFormat.toText(plan));
        if (outFile != null) {
            AtomicFiles.write(outFile, PlanFormat.toJson(plan).getBytes(StandardCharsets.UTF_8));
            if (!json) {
                out().println("\nSaved to " + outFile + "; apply it with: openhaven apply --plan " + outFile);
            }
        }
        out().flush();
        return OpenHavenCli.OK;
    }
}
