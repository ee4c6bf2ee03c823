package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.cloud.ServerType;

/**
 * {@code mail: true} adds the real catalog's mail server: its memory counts when the server is sized, and it is
 * never listed under {@code services:}.
 */
class MailSpecValidationTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final String SPEC = SpecValidationTest.with("size: cx32", "size: tight");

    @Test
    void mailOnASizeThatFitsTheOtherServicesOnlyNamesWhatIsNeededAndWhatTheSizeHas() {
        int withoutMail = needed(SPEC);
        int withMail = needed(SPEC + "mail: true\n");
        // A size with room for everything but the mail server.
        int tight = withoutMail + CATALOG.definition("mail").memoryMb() / 2;
        HavenSpecLoader loader = new HavenSpecLoader(new SpecValidator(CATALOG, new ServerTypeTable(Map.of("hetzner",
                List.of(size("tight", tight), size("roomy", withMail + 1024))))));

        assertThat(withMail).isEqualTo(withoutMail + CATALOG.definition("mail").memoryMb());
        assertThat(loader.check(SPEC)).isEmpty();
        assertThat(loader.check(SPEC + "mail: true\n")).extracting(SpecProblem::describe).containsExactly(
                "services: need " + withMail + " MiB of memory, but hetzner tight has " + tight
                        + " MiB — choose a larger size such as roomy, or fewer services");
    }

    @Test
    void listingTheMailServerUnderServicesPointsToMailTrue() {
        HavenSpecLoader loader = new HavenSpecLoader(new SpecValidator(CATALOG, new ServerTypeTable(Map.of("hetzner",
                List.of(size("tight", 1 << 20))))));

        assertThat(loader.check(SPEC.replace("  - gitea", "  - gitea\n  - mail"))).extracting(SpecProblem::describe)
                .containsExactly("services[3]: the mail server is turned on with 'mail: true', not listed here — "
                        + "remove it and add mail: true");
    }

    private static int needed(String yaml) {
        HavenSpec spec = new HavenSpecLoader(new SpecValidator(CATALOG, new ServerTypeTable(Map.of("hetzner",
                List.of(size("tight", 1 << 20)))))).parse(yaml, "haven.yaml");
        return CATALOG.minimumMemoryMb(SpecValidator.requestedServices(spec, CATALOG));
    }

    private static ServerType size(String id, int memoryMb) {
        return new ServerType(id, id, 2, memoryMb, 40, new BigDecimal("9.99"), "EUR", List.of(), "test table");
    }
}
