package org.openhaven.engine.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openhaven.engine.error.OpenHavenException;

/** Plans as text for people (a table grouped by action) and as stable JSON for machines and {@code --plan FILE}. */
public final class PlanFormat {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanFormat() {
    }

    public static String toJson(Plan plan) {
        try {
            return JSON.writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw OpenHavenException.internal("Could not encode the plan.", e);
        }
    }

    public static Plan read(Path file) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
                throw OpenHavenException.config(file + " is not a plan.", "Make a new plan with 'openhaven plan --out FILE'.");
            }
            object.remove("cost"); // 'plan --json' adds the cost estimate; applying does not need it
            Plan plan = JSON.treeToValue(tree, Plan.class);
            if (plan.formatVersion() != Plan.FORMAT_VERSION) {
                throw OpenHavenException.config(file + " is a plan in an unknown format.", "Make a new plan with 'openhaven plan --out FILE'.");
            }
            return plan;
        } catch (IOException e) {
            throw OpenHavenException.of(org.openhaven.engine.error.ErrorCategory.CONFIG, "Could not read the plan " + file + ".")
                    .remedy("Check the path, or make a new plan with 'openhaven plan --out " + file + "'.").cause(e).build();
        }
    }

    /**
     * A table grouped by action, creates first, then updates, deletes and (counted only) the unchanged; the plan's
     * warnings come first, so they are read before the table and before apply asks for confirmation.
     */
    public static String toText(Plan plan) {
        StringBuilder out = new StringBuilder(warningsText(plan));
        out.append("Plan for haven '").append(plan.haven()).append("' (state revision ")
                .append(plan.basedOnRevision()).append("):\n");
        if (!plan.hasChanges()) {
            out.append("  Nothing to do: everything is as the spec asks.\n");
        }
        for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.DELETE)) {
            List<PlannedChange> group = plan.changes().stream().filter(c -> c.action() == action).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("\n  ").append(capitalised(action.verb())).append(":\n");
            int width = group.stream().mapToInt(c -> c.kind().name().length()).max().orElse(0);
            for (PlannedChange change : group) {
                out.append("    ").append(action.symbol()).append(' ')
                        .append(pad(change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), width))
                        .append("  ").append(change.name());
                String details = String.join(", ", change.details().stream().filter(d -> !d.isEmpty()).toList());
                if (!details.isEmpty()) {
                    out.append("  (").append(details).append(')');
                }
                out.append('\n');
            }
        }
        out.append("\n  ").append(plan.count(Action.CREATE)).append(" to create, ")
                .append(plan.count(Action.UPDATE)).append(" to update, ")
                .append(plan.count(Action.DELETE)).append(" to delete, ")
                .append(plan.count(Action.NOOP)).append(" unchanged.\n");
        return out.toString();
    }

    /** One "Warning: …" line per warning and a blank line after them; empty without warnings. */
    private static String warningsText(Plan plan) {
        StringBuilder out = new StringBuilder();
        plan.warnings().forEach(warning -> out.append("Warning: ").append(warning).append('\n'));
        return out.isEmpty() ? "" : out.append('\n').toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
