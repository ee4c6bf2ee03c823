package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;
import org.openhaven.engine.testsupport.TestProviderFactories;

/** {@code openhaven plan} with its "Monthly cost" section, in text and JSON, with and without credentials. */
class PlanCostTest {

    @TempDir
    Path temp;

    private Path work;
    private HavenEngine engine;
    private final CliCommandsTest.ScriptedTerminal terminal = new CliCommandsTest.ScriptedTerminal();
    private Map<String, String> env = Map.of("OPENHAVEN_PASSPHRASE", "plan test passphrase");
    private String out;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("haven.yaml"), CliProcess.specYaml("family"));
        engine = TestHavens.engine(temp.resolve("home"), new FileBackedTestProvider(temp.resolve("provider.json")),
                new FileBackedTestHost(temp.resolve("host.log")));
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        CliContext context = new CliContext(() -> engine, new LenientTestSpecReader(), terminal, env, work);
        int code = OpenHavenCli.run(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true), context);
        out = o.toString();
        return code;
    }

    /** The registered test factories, which like Hetzner's need a token from the vault. */
    private void useProvidersThatNeedAToken() {
        System.setProperty(TestProviderFactories.FILE_PROPERTY, temp.resolve("provider.json").toString());
        engine = TestHavens.engine(temp.resolve("home"), new ProviderRegistry(List.of(new TestProviderFactories.Cloud()),
                List.of(new TestProviderFactories.Dns())), new FileBackedTestHost(temp.resolve("host.log")));
    }

    @Test
    void planEndsWithTheMonthlyCostSection() {
        assertThat(run("plan")).isZero();

        assertThat(out).contains("7 to create, 0 to update, 0 to delete, 0 unchanged.\n\n").endsWith("""
                Monthly cost:
                  Server small (2 vCPU, 4 GB RAM)  5.00 EUR
                  Public IPv4 address              1.00 EUR
                  Total                            6.00 EUR
                  Prices: testcloud price table test.
                """);
    }

    @Test
    void planJsonIncludesTheCostAndCanStillBeApplied() throws Exception {
        assertThat(run("plan", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        Files.writeString(temp.resolve("plan.json"), out);

        assertThat(json.path("haven").asText()).isEqualTo("family");
        assertThat(json.path("cost").path("available").asBoolean()).isTrue();
        assertThat(json.path("cost").path("totals").path("EUR").asText()).isEqualTo("6.00");
        assertThat(json.path("cost").path("items").get(0).path("description").asText())
                .isEqualTo("Server small (2 vCPU, 4 GB RAM)");
        assertThat(run("apply", "--yes", "--plan", temp.resolve("plan.json").toString())).isZero();
    }

    @Test
    void withoutAVaultThePlanStillWorksAndSaysWhyThereIsNoCost() {
        useProvidersThatNeedAToken();

        assertThat(run("plan")).isZero();

        assertThat(out).contains("7 to create").endsWith("Monthly cost: could not be estimated. There is no token "
                + "for the test provider in the vault. Store it with 'openhaven secrets set testcloud/token'.\n");
    }

    @Test
    void withTheTokenInTheVaultThePlanIsPriced() {
        useProvidersThatNeedAToken();
        terminal.stdin = "token-value";
        assertThat(run("secrets", "set", "--haven", "family", TestProviderFactories.TOKEN_KEY)).isZero();

        assertThat(run("plan")).isZero();

        assertThat(out).contains("  Total                            6.00 EUR\n");
    }

    @Test
    void aVaultThatCannotBeOpenedGivesAPlanWithoutCost() {
        useProvidersThatNeedAToken();
        terminal.stdin = "token-value";
        run("secrets", "set", "--haven", "family", TestProviderFactories.TOKEN_KEY);
        env = Map.of();

        assertThat(run("plan")).isZero();

        assertThat(out).contains("7 to create").contains("Monthly cost: could not be estimated. The vault of haven "
                + "'family' needs its passphrase, and there is no terminal to ask for it. Set the environment "
                + "variable OPENHAVEN_PASSPHRASE to the vault passphrase.");
    }
}
