package org.openhaven.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory the catalog states per service, summed over what a selection resolves to (the spec validator
 * compares it with the server size). */
class CatalogMemoryTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void fullCatalogNeedsTheSumOfEveryResolvedService() {
        List<String> everything = List.copyOf(catalog.selectableIds());
        int sum = catalog.resolve(everything).stream().mapToInt(catalog::minimumMemoryMb).sum();

        assertThat(catalog.minimumMemoryMb(everything)).isEqualTo(sum).isEqualTo(9600);
    }

    @Test
    void dependenciesCountOnceEvenWhenSharedByTwoServices() {
        int gitea = catalog.minimumMemoryMb(List.of("gitea"));
        int vaultwarden = catalog.minimumMemoryMb(List.of("vaultwarden"));
        int both = catalog.minimumMemoryMb(List.of("gitea", "vaultwarden"));
        int shared = catalog.minimumMemoryMb(List.of()); // traefik, keycloak and its database

        assertThat(both).isEqualTo(gitea + vaultwarden - shared);
    }
}
