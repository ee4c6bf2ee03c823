package org.openhaven.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private final Catalog catalog = Catalog.builtIn();
    private final List<String> everything = List.copyOf(catalog.selectableIds());

    @Test
    void fullCatalogNeedsTheSumOfEveryResolvedService() {
        int sum = catalog.resolve(everything).stream().mapToInt(catalog::minimumMemoryMb).sum();

        assertThat(catalog.minimumMemoryMb(everything)).isEqualTo(sum).isEqualTo(9536);
    }

    @Test
    void selectionThatExceedsTheServerIsRefusedNamingBothNumbers() {
        assertThatThrownBy(() -> MemoryBudget.check(catalog, everything, "cx22", 4096))
                .hasMessageContaining("need 10048 MiB")
                .hasMessageContaining("cx22 has 4096 MiB");
    }

    @Test
    void selectionThatFitsIsAccepted() {
        assertThatCode(() -> MemoryBudget.check(catalog, List.of("vaultwarden"), "cx22", 4096))
                .doesNotThrowAnyException();
    }
}
