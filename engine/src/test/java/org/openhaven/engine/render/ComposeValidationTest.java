package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.testsupport.Requirements;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every service alone, and all of them together, render to a compose file that BOTH Debian's docker-compose
 * 1.29 ({@code config -q}) and the official compose-spec JSON schema accept.
 */
class ComposeValidationTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    /** One vault for every render: secrets (and the slow Argon2 hash) are made once, as on a real machine. */
    private static final InMemorySecretStore VAULT = TestSpecs.vault();
    private static final HostFacts GPU_SERVER = new HostFacts(true, true);
    private static JsonSchema schema;

    @TempDir
    Path bundleDir;

    @BeforeAll
    static void loadSchema() {
        Path file = Requirements.file(composeSchema(), "the compose-spec JSON schema (../shared/data/compose-spec.json)");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("file:" + file.toAbsolutePath()));
    }

    /** ../shared/data/compose-spec.json relative to the project root, or to a directory above it (worktrees). */
    static Path composeSchema() {
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        for (Path dir = projectRoot.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/compose-spec.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return projectRoot.resolveSibling("shared/data/compose-spec.json");
    }

    static Stream<Arguments> specs() {
        List<Arguments> specs = new ArrayList<>();
        for (String id : CATALOG.selectableIds()) {
            specs.add(Arguments.of(id + " alone", TestSpecs.only(id), HostFacts.UNKNOWN));
        }
        specs.add(Arguments.of("every service, S3 storage, GPU", TestSpecs.full(), HostFacts.UNKNOWN));
        specs.add(Arguments.of("the mail server alone (mail: true)", TestSpecs.withMail(TestSpecs.only("portal")),
                HostFacts.UNKNOWN));
        specs.add(Arguments.of("every service and the mail server", TestSpecs.withMail(TestSpecs.full()),
                HostFacts.UNKNOWN));
        specs.add(Arguments.of("every service, DNS-01 through Route53", TestSpecs.with(
                TestSpecs.ALL_SELECTABLE.stream().map(ServiceSelection::of).toList(), TlsMode.DNS_01, "route53"),
                HostFacts.UNKNOWN));
        specs.add(Arguments.of("ollama alone on a server with an NVIDIA GPU", TestSpecs.only("ollama"), GPU_SERVER));
        specs.add(Arguments.of("every service on a server with an NVIDIA GPU", TestSpecs.with(
                TestSpecs.ALL_SELECTABLE.stream().map(ServiceSelection::of).toList(), TlsMode.HTTP_01, "manual"),
                GPU_SERVER));
        return specs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void renderedComposeFilePassesTheComposeSpecSchema(String name, HavenSpec spec, HostFacts host) {
        String compose = render(spec, host).text(StackRenderer.COMPOSE_FILE);
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(compose);
        JsonNode node = new ObjectMapper().valueToTree(tree);

        Set<ValidationMessage> errors = schema.validate(node);

        assertThat(errors).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void renderedComposeFilePassesDockerCompose129(String name, HavenSpec spec, HostFacts host)
            throws IOException, InterruptedException {
        Path dockerCompose = Requirements.command("docker-compose");
        render(spec, host).writeTo(bundleDir);

        Process process = new ProcessBuilder(dockerCompose.toString(), "-f", "compose.yaml", "config", "-q")
                .directory(bundleDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(name + ": " + output).isZero();
        assertThat(output).as(name).doesNotContain("WARNING");
    }

    private static RenderedBundle render(HavenSpec spec, HostFacts host) {
        return new StackRenderer(CATALOG).render(spec, VAULT, host);
    }
}
