package org.openhaven.engine.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost outlook as the plan's "Monthly cost" section (aligned lines, a total per currency, the price source)
 * and as plain maps for the plan's JSON. Pure functions, so the exact text is tested.
 */
public final class CostText {

    /** Marks an amount that depends on usage (backup storage). */
    private static final String ABOUT = "~";

    private CostText() {
    }

    /** The section, starting with "Monthly cost" and ending with a newline. */
    public static String section(CostOutlook outlook) {
        if (!outlook.available()) {
            return "Monthly cost: could not be estimated. " + outlook.reason() + "\n";
        }
        CostEstimate estimate = outlook.estimate();
        List<String[]> rows = new ArrayList<>();
        for (CostEstimate.LineItem item : estimate.items()) {
            rows.add(new String[] {item.description(), (item.estimate() ? ABOUT : "") + amount(item.monthly(),
                    item.currency())});
        }
        for (Map.Entry<String, BigDecimal> total : estimate.totals().entrySet()) {
            boolean about = estimate.items().stream()
                    .anyMatch(i -> i.estimate() && i.currency().equals(total.getKey()));
            rows.add(new String[] {"Total", (about ? ABOUT : "") + amount(total.getValue(), total.getKey())});
        }
        int label = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int value = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder out = new StringBuilder("Monthly cost:\n");
        for (String[] row : rows) {
            out.append("  ").append(row[0]).append(" ".repeat(label - row[0].length() + 2))
                    .append(" ".repeat(value - row[1].length())).append(row[1]).append('\n');
        }
        out.append("  Prices: ").append(estimate.source());
        if (estimate.items().stream().anyMatch(CostEstimate.LineItem::estimate)) {
            out.append("; ").append(ABOUT).append(" marks an estimate that depends on usage");
        }
        return out.append(".\n").toString();
    }

    /** The outlook as JSON-ready maps: {@code available}, then {@code items}/{@code totals}/{@code source} or {@code reason}. */
    public static Map<String, Object> json(CostOutlook outlook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("available", outlook.available());
        if (!outlook.available()) {
            json.put("reason", outlook.reason());
            return json;
        }
        CostEstimate estimate = outlook.estimate();
        List<Map<String, Object>> items = new ArrayList<>();
        for (CostEstimate.LineItem item : estimate.items()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("description", item.description());
            line.put("monthly", item.monthly().toPlainString());
            line.put("currency", item.currency());
            line.put("source", item.source());
            line.put("estimate", item.estimate());
            items.add(line);
        }
        json.put("items", items);
        Map<String, String> totals = new LinkedHashMap<>();
        estimate.totals().forEach((currency, total) -> totals.put(currency, total.toPlainString()));
        json.put("totals", totals);
        json.put("currency", estimate.currency());
        json.put("source", estimate.source());
        return json;
    }

    private static String amount(BigDecimal monthly, String currency) {
        return String.format(Locale.ROOT, "%.2f %s", monthly, currency);
    }
}
