package org.openhaven.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.ServerType;

class FormatsTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aSizePricedFromABundledTableShowsTheTablesDate() {
        ServerType medium = new ServerType("t3.medium", "t3.medium", 2, 4096, 40, new BigDecimal("35.04"), "USD",
                List.of("eu-central-1"), "table 2025-06-01");

        assertThat(Formats.serverType(medium))
                .isEqualTo("t3.medium  ·  2 vCPU, 4 GB RAM, 40 GB disk  ·  $35.04/month (price table 2025-06-01)");
    }

    @Test
    void aSizePricedByTheProvidersApiNeedsNoDate() {
        ServerType cx22 = new ServerType("cx22", "CX22", 2, 4096, 40, new BigDecimal("4.59"), "EUR", List.of("fsn1"),
                "api");

        assertThat(Formats.serverType(cx22)).isEqualTo("cx22  ·  2 vCPU, 4 GB RAM, 40 GB disk  ·  €4.59/month");
    }
}
