package org.openhaven.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openhaven.engine.cost.CostOutlook;
import org.openhaven.engine.cost.CostText;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenSshKey;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlanFormat;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what 'apply' would create, update and delete, and the monthly cost. Changes nothing.")
final class PlanCommand extends HavenCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print the plan and its cost as JSON (stable, for scripts).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan, for 'apply --plan FILE'.")
    Path outFile;

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        Plan plan = engine().plan(spec);
        CostOutlook cost = costOutlook(spec);
        out().print(json ? withCost(plan, cost) : PlanFormat.toText(plan) + "\n" + CostText.section(cost));
        if (outFile != null) {
            AtomicFiles.write(outFile, PlanFormat.toJson(plan).getBytes(StandardCharsets.UTF_8));
            if (!json) {
                out().println("\nSaved to " + outFile + "; apply it with: openhaven apply --plan " + outFile);
            }
        }
        out().flush();
        return spec.server().isExistingServer() ? checkServer(spec) : OpenHavenCli.OK;
    }

    /**
     * On a server the user already has, the plan also logs in with the haven's key and runs the read-only preflight,
     * so a key not yet added (with the line to add) or an unfit server shows up now rather than half-way through
     * apply. Without a vault or a key yet, it says how to create one.
     */
    private int checkServer(HavenSpec spec) {
        String host = spec.server().host();
        if (!engine().vaultExists(spec.havenId())) {
            return noteForServer("no SSH key yet: run 'openhaven ssh-key' to create it and see the line to add on "
                    + host + ".");
        }
        SecretStore vault;
        try {
            vault = vault(spec.havenId());
        } catch (OpenHavenException locked) {
            return noteForServer("not checked: " + locked.userMessage());
        }
        if (vault.find(HavenSshKey.privateKeyName()).isEmpty()) {
            return noteForServer("no SSH key yet: run 'openhaven ssh-key' to create it and see the line to add on "
                    + host + ".");
        }
        String checked = engine().checkExistingServer(spec.server(), vault, spec.havenId()).describe();
        return noteForServer("ready: " + checked);
    }

    private int noteForServer(String note) {
        if (!json) {
            out().println("\nServer   " + note);
            out().flush();
        }
        return OpenHavenCli.OK;
    }

    /**
     * API prices need the provider's token from the vault. A haven without a vault yet, or a vault that cannot be
     * opened here, still gets its plan: the cost section then says why it is missing.
     */
    private CostOutlook costOutlook(HavenSpec spec) {
        SecretStore secrets = new InMemorySecretStore();
        if (!spec.server().isExistingServer() && engine().vaultExists(spec.havenId())) {
            try {
                secrets = vault(spec.havenId());
            } catch (OpenHavenException locked) {
                return CostOutlook.unavailable(locked.userMessage()
                        + (locked.remedy() == null ? "" : " " + locked.remedy()));
            }
        }
        return engine().estimateCost(spec, secrets);
    }

    /** The plan's own JSON (as saved by --out) with a {@code cost} member added. */
    private static String withCost(Plan plan, CostOutlook cost) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(PlanFormat.toJson(plan));
            node.set("cost", JSON.valueToTree(CostText.json(cost)));
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw OpenHavenException.internal("Could not encode the plan.", e);
        }
    }
}
