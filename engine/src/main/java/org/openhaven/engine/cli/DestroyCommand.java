package org.openhaven.engine.cli;

import org.openhaven.engine.haven.DestroyReport;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Delete everything the haven created at its providers (found by the label openhaven=<name>).")
final class DestroyCommand extends HavenCommand {

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        Vault vault = vault(spec.havenId());
        if (!dryRun) {
            DestroyReport preview = engine().destroy(spec, vault, true, ProgressListener.NONE, "openhaven destroy --dry-run");
            print(preview);
            if (preview.removed().isEmpty()) {
                return OpenHavenCli.OK;
            }
            Integer refused = confirm(yes, "Delete these from haven '" + spec.havenId()
                    + "'? Data on the server is lost unless backed up.", "Destroying");
            if (refused != null) {
                return refused;
            }
        }
        DestroyReport report = engine().destroy(spec, vault, dryRun, ProgressListener.NONE, "openhaven destroy");
        if (dryRun) {
            print(report);
        } else {
            out().println("Deleted " + report.removed().size() + " resource(s) of haven '" + spec.havenId() + "':");
            report.removed().forEach(r -> out().println("  - " + r));
        }
        out().flush();
        return OpenHavenCli.OK;
    }

    private void print(DestroyReport report) {
        if (report.removed().isEmpty()) {
            out().println("Haven '" + report.haven() + "' has nothing at its providers to delete.");
            return;
        }
        out().println("Would delete from haven '" + report.haven() + "':");
        report.removed().forEach(r -> out().println("  - " + r));
    }
}
