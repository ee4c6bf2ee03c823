package org.openhaven.engine.cost;

/**
 * What {@code plan} and the wizard's review page can say about the monthly cost: an estimate, or why there is
 * none (no token in the vault yet, the price API unreachable, an existing server). A missing estimate never fails
 * a plan.
 *
 * @param estimate the estimate; null when none could be made
 * @param reason   why there is no estimate, including what to do about it; null when there is one
 */
public record CostOutlook(CostEstimate estimate, String reason) {

    public CostOutlook {
        if ((estimate == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of estimate and reason is needed");
        }
    }

    public static CostOutlook of(CostEstimate estimate) {
        return new CostOutlook(estimate, null);
    }

    public static CostOutlook unavailable(String reason) {
        return new CostOutlook(null, reason);
    }

    public boolean available() {
        return estimate != null;
    }
}
