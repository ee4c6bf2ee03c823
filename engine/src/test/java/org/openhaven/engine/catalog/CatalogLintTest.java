package org.openhaven.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.render.RenderedBundle;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.render.TestSpecs;
import org.yaml.snakeyaml.Yaml;

/** Rules every built-in service keeps, beyond what the strict loader already refuses. */
class CatalogLintTest {

    private static final Pattern EXACT_TAG = Pattern.compile(".+:v?\\d+(\\.\\d+){1,3}(-[a-z0-9.-]+)?");
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void everyServiceStatesEveryManifestField() {
        for (CatalogEntry entry : catalog.entries().values()) {
            ServiceDefinition d = entry.definition();
            if (d.runsOnHost()) {
                continue; // host services own no containers; their package checks its files
            }
            assertThat(d.name()).as(d.id() + " name").isNotBlank();
            assertThat(d.description()).as(d.id() + " description").isNotBlank().doesNotContain("\n").hasSizeLessThan(120);
            assertThat(d.category()).as(d.id() + " category")
                    .isIn("core", "security", "productivity", "development", "network", "ai", "internal", "system");
            assertThat(d.memoryMb()).as(d.id() + " memoryMb").isPositive();
            assertThat(d.health()).as(d.id() + " health").hasSameSizeAs(d.images().keySet());
            assertThat(d.backup()).as(d.id() + " backup").isNotNull();
            assertThat(d.sso()).as(d.id() + " sso").isNotNull();
            if (d.selectable()) {
                assertThat(d.category()).as(d.id() + " is selectable, so not internal").isNotEqualTo("internal");
            }
        }
    }

    @Test
    void everyImageIsPinnedToAnExactVersionAndNoneIsLatest() {
        catalog.entries().values().forEach(entry -> entry.definition().images().forEach((container, image) -> {
            assertThat(image).as(entry.id() + "/" + container).matches(EXACT_TAG).doesNotContain("latest");
        }));
    }

    @Test
    void everyRenderedContainerHasAHealthCheckAndAPinnedImage() {
        RenderedBundle bundle = new StackRenderer(catalog).render(TestSpecs.full(), TestSpecs.vault());
        Map<String, Object> compose = new Yaml().load(bundle.text(StackRenderer.COMPOSE_FILE));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).hasSize(16);
        services.forEach((name, body) -> {
            assertThat(body).as(name).containsKeys("healthcheck", "image", "restart");
            assertThat((String) body.get("image")).as(name).matches(EXACT_TAG);
        });
    }

    @Test
    void everyOidcServiceReceivesItsClientSecret() {
        for (CatalogEntry entry : catalog.entries().values()) {
            if (entry.definition().sso() == SsoKind.OIDC) {
                String variable = "${OIDC_" + entry.id().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_SECRET}";
                assertThat(entry.composeTemplate()).as(entry.id() + " must pass " + variable).contains(variable);
            }
        }
    }

    @Test
    void keycloakImageIsTheVersionTheRealmIntegrationTestImports() throws IOException {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(Path.of("pom.xml")));

        assertThat(version.find()).isTrue();
        assertThat(catalog.definition("keycloak").images().get("keycloak"))
                .isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }
}
