package org.openhaven.engine.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostTextTest {

    static final CostEstimate HETZNER = new CostEstimate(List.of(
            new CostEstimate.LineItem("Server cx32 (4 vCPU, 8 GB RAM)", new BigDecimal("7.59"), "EUR", "api", false),
            new CostEstimate.LineItem("Public IPv4 address", new BigDecimal("0.60"), "EUR", "api", false),
            new CostEstimate.LineItem("Backup storage, about 50 GB at AWS S3", new BigDecimal("1.15"), "USD",
                    "price table of 2025-06-01", true)),
            "EUR", "hetzner API prices of 2026-11-24");

    @Test
    void sectionListsEachLineATotalPerCurrencyAndTheSource() {
        assertThat(CostText.section(CostOutlook.of(HETZNER))).isEqualTo("""
                Monthly cost:
                  Server cx32 (4 vCPU, 8 GB RAM)          7.59 EUR
                  Public IPv4 address                     0.60 EUR
                  Backup storage, about 50 GB at AWS S3  ~1.15 USD
                  Total                                   8.19 EUR
                  Total                                  ~1.15 USD
                  Prices: hetzner API prices of 2026-11-24; ~ marks an estimate that depends on usage.
                """);
    }

    @Test
    void sectionWithoutUsageEstimatesHasNoFootnote() {
        CostEstimate fixed = new CostEstimate(HETZNER.items().subList(0, 2), "EUR", "hetzner API prices of 2026-11-24");

        assertThat(CostText.section(CostOutlook.of(fixed))).isEqualTo("""
                Monthly cost:
                  Server cx32 (4 vCPU, 8 GB RAM)  7.59 EUR
                  Public IPv4 address             0.60 EUR
                  Total                           8.19 EUR
                  Prices: hetzner API prices of 2026-11-24.
                """);
    }

    @Test
    void sectionSaysWhyThereIsNoEstimate() {
        assertThat(CostText.section(CostOutlook.unavailable("The Hetzner API could not be reached. Check the network.")))
                .isEqualTo("Monthly cost: could not be estimated. The Hetzner API could not be reached. "
                        + "Check the network.\n");
    }

    @Test
    void jsonCarriesItemsTotalsAndSourceAsExactDecimals() {
        Map<String, Object> json = CostText.json(CostOutlook.of(HETZNER));

        assertThat(json).containsEntry("available", true).containsEntry("currency", "EUR")
                .containsEntry("source", "hetzner API prices of 2026-11-24")
                .containsEntry("totals", Map.of("EUR", "8.19", "USD", "1.15"));
        assertThat((List<?>) json.get("items")).hasSize(3).first().isEqualTo(Map.of(
                "description", "Server cx32 (4 vCPU, 8 GB RAM)", "monthly", "7.59", "currency", "EUR",
                "source", "api", "estimate", false));
        assertThat(CostText.json(CostOutlook.unavailable("no token"))).isEqualTo(
                Map.of("available", false, "reason", "no token"));
    }
}
