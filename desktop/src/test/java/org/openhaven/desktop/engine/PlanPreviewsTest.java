package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cost.CostOutlook;
import org.openhaven.engine.plan.Action;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlannedChange;
import org.openhaven.engine.testsupport.TestHavens;

/** The engine's plan as the review page's groups, warnings included. */
class PlanPreviewsTest {

    @Test
    void warningsAndFirewallUpdatesReachTheReview() {
        Plan plan = new Plan(Plan.FORMAT_VERSION, "family", 3, List.of(
                new PlannedChange(Action.UPDATE, "firewall", ResourceKind.FIREWALL, "family-firewall",
                        List.of("inbound: tcp/22 tcp/80 tcp/443 → tcp/22 tcp/80 tcp/443 tcp/2222"))),
                List.of("Hetzner blocks outgoing mail (ports 25 and 465) on new accounts until the first invoice is paid."));

        PlanPreview preview = PlanPreviews.of(TestHavens.cloudSpec("family"), plan,
                CostOutlook.unavailable("No token stored."));

        assertThat(preview.warnings()).containsExactlyElementsOf(plan.warnings());
        assertThat(preview.change()).containsExactly(
                "firewall family-firewall (inbound: tcp/22 tcp/80 tcp/443 → tcp/22 tcp/80 tcp/443 tcp/2222)");
        assertThat(preview.costNote()).isEqualTo("No token stored.");
    }
}
