package org.openhaven.engine.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly cost of a haven, as shown by {@code plan} and the wizard's review page.
 *
 * @param items    one line per thing that costs money (server, IP, disk, backup storage)
 * @param currency the currency of the server, which most lines share
 * @param source   where the prices came from, shown beside the total: "Hetzner API, 2026-11-24" or
 *                 "AWS price table of 2025-06-01"
 */
public record CostEstimate(List<LineItem> items, String currency, String source) {

    public CostEstimate {
        items = List.copyOf(items);
    }

    /**
     * One cost line.
     *
     * @param estimate true when the amount depends on usage (backup storage), so the UI can mark it "about"
     */
    public record LineItem(String description, BigDecimal monthly, String currency, String source, boolean estimate) {
    }

    /** The total in the main currency; lines in another currency are in {@link #totals()}. */
    public BigDecimal total() {
        return totals().getOrDefault(currency, BigDecimal.ZERO);
    }

    /** Totals per currency, for the rare haven whose backup is billed in another currency than its server. */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (LineItem item : items) {
            totals.merge(item.currency(), item.monthly(), BigDecimal::add);
        }
        return totals;
    }
}
