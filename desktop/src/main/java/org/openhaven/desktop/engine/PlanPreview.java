package org.openhaven.desktop.engine;

import java.math.BigDecimal;
import java.util.List;
import org.openhaven.engine.cloud.FirewallRule;

/**
 * What an apply would do, for the review page: actions grouped by kind, the monthly cost, the firewall
 * openings and the plan's warnings.
 *
 * @param monthlyCost null when no estimate could be made; {@code costNote} then says why and what to do
 * @param costNote    where the prices come from, or why there is no estimate
 * @param warnings    plain sentences to read before deploying (a provider's port-25 policy when mail is on)
 */
public record PlanPreview(List<String> create, List<String> change, List<String> delete, BigDecimal monthlyCost,
                          String currency, String costNote, List<FirewallRule> firewall, List<String> warnings) {

    public PlanPreview {
        create = List.copyOf(create);
        change = List.copyOf(change);
        delete = List.copyOf(delete);
        firewall = List.copyOf(firewall);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return create.isEmpty() && change.isEmpty() && delete.isEmpty();
    }
}
