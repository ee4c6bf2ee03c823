package org.openhaven.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.ResourceRecord;

class PlannerTest {

    private static final DesiredResource SERVER = new DesiredResource("server", ResourceKind.SERVER, "h-server",
            Map.of("size", "cx32", "region", "fsn1"));
    private static final DesiredResource KEY = new DesiredResource("ssh-key", ResourceKind.SSH_KEY, "h-key",
            Map.of("algorithm", "ed25519"));

    @Test
    void missingResourcesAreCreated() {
        Plan plan = Planner.plan(HavenState.empty("h"), List.of(SERVER, KEY));
        assertThat(plan.changes()).extracting(PlannedChange::action, PlannedChange::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.CREATE, "server"),
                        org.assertj.core.groups.Tuple.tuple(Action.CREATE, "ssh-key"));
    }

    @Test
    void changedPropertiesAreUpdatesNamingOldAndNewValue() {
        HavenState state = HavenState.empty("h")
                .withResource(new ResourceRecord("server", ResourceKind.SERVER, "42", "h-server",
                        Map.of("size", "cx22", "region", "fsn1"), Map.of()))
                .withResource(new ResourceRecord("ssh-key", ResourceKind.SSH_KEY, "7", "h-key",
                        Map.of("algorithm", "ed25519"), Map.of()))
                .withResource(new ResourceRecord("dns:A:old.example.org", ResourceKind.DNS_RECORD, "r1",
                        "A old.example.org", Map.of(), Map.of()));

        Plan plan = Planner.plan(state, List.of(SERVER, KEY));

        assertThat(plan.changes()).extracting(PlannedChange::action, PlannedChange::key, PlannedChange::details)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.DELETE, "dns:A:old.example.org", List.of("id r1")),
                        org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "server", List.of("size: cx22 → cx32")),
                        org.assertj.core.groups.Tuple.tuple(Action.NOOP, "ssh-key", List.of()));
        assertThat(plan.basedOnRevision()).isEqualTo(3);
    }

    @Test
    void thePlanPrintsAsATableGroupedByAction() {
        HavenState state = HavenState.empty("h").withResource(new ResourceRecord("ssh-key", ResourceKind.SSH_KEY, "7",
                "h-key", Map.of("algorithm", "ed25519"), Map.of()));
        String text = PlanFormat.toText(Planner.plan(state, List.of(SERVER, KEY)));
        assertThat(text).isEqualTo("""
                Plan for haven 'h' (state revision 1):

                  Create:
                    + server  h-server  (region: fsn1, size: cx32)

                  1 to create, 0 to update, 0 to delete, 1 unchanged.
                """);
    }

    @Test
    void theJsonIsStableAndReadsBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Plan plan = Planner.plan(HavenState.empty("h"), List.of(KEY, SERVER));
        String json = PlanFormat.toJson(plan);
        assertThat(PlanFormat.toJson(Planner.plan(HavenState.empty("h"), List.of(SERVER, KEY)))).isEqualTo(json);
        java.nio.file.Files.writeString(dir.resolve("plan.json"), json);
        assertThat(PlanFormat.read(dir.resolve("plan.json"))).isEqualTo(plan);
        assertThat(json).contains("\"basedOnRevision\" : 0").contains("\"action\" : \"CREATE\"");
    }

    @Test
    void aPlanMadeAgainstAnOlderStateIsRefusedAsStale() {
        HavenState state = HavenState.empty("h");
        Plan plan = Planner.plan(state, List.of(SERVER));
        HavenState changed = state.withResource(new ResourceRecord("server", ResourceKind.SERVER, "1", "h-server",
                Map.of(), Map.of()));

        plan.requireCurrent(state);
        assertThatThrownBy(() -> plan.requireCurrent(changed))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).isEqualTo("The plan is stale: it was made against state revision 0,"
                            + " and the haven's state is now at revision 1.");
                    assertThat(e.remedy()).contains("openhaven plan");
                });
    }
}
