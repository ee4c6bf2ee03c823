package org.openhaven.desktop.engine;

import java.math.BigDecimal;
import java.util.List;
import org.openhaven.engine.cloud.FirewallRule;

/**
 * What an apply would do, for the review page: actions grouped by kind, the monthly cost and the firewall
 * openings.
 */
public record PlanPreview(List<String> create, List<String> change, List<String> delete, BigDecimal monthlyCost,
                          String currency, List<FirewallRule> firewall) {

    public PlanPreview {
        create = List.copyOf(create);
        change = List.copyOf(change);
        delete = List.copyOf(delete);
        firewall = List.copyOf(firewall);
    }

    public boolean isEmpty() {
        return create.isEmpty() && change.isEmpty() && delete.isEmpty();
    }
}
