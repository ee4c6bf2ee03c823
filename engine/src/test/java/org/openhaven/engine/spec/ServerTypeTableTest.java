package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.ServerType;

class ServerTypeTableTest {

    private static ServerType type(String id, int memoryMb, String price) {
        return new ServerType(id, id, 2, memoryMb, 40, new BigDecimal(price), "USD", List.of(), "test table");
    }

    private final ServerTypeTable table = new ServerTypeTable(Map.of("digitalocean", List.of(
            type("s-4vcpu-8gb", 8192, "48.00"), type("s-2vcpu-4gb", 4096, "24.00"),
            type("c-2", 4096, "42.00"), type("s-1vcpu-1gb", 1024, "6.00"))));

    @Test
    void largerSizesComeSmallestThenCheapestFirst() {
        assertThat(table.sizesWithAtLeast("digitalocean", 3000)).containsExactly("s-2vcpu-4gb", "c-2", "s-4vcpu-8gb");
    }

    @Test
    void memoryOfAKnownSize() {
        assertThat(table.memoryMb("digitalocean", "c-2")).hasValue(4096);
        assertThat(table.memoryMb("digitalocean", "c-9")).isEmpty();
    }

    @Test
    void unknownProviderKnowsNothing() {
        assertThat(table.knownSizes("hetzner")).isEmpty();
        assertThat(table.memoryMb("hetzner", "cx22")).isEmpty();
        assertThat(table.sizesWithAtLeast("hetzner", 1)).isEmpty();
    }
}
