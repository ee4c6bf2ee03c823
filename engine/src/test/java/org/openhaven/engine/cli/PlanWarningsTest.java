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
import org.openhaven.engine.cloud.aws.AwsProviderFactory;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanProviderFactory;
import org.openhaven.engine.cloud.hetzner.HetznerProviderFactory;
import org.openhaven.engine.dns.cloudflare.CloudflareProviderFactory;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlanFormat;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * The provider's warnings (its port-25 policy when the haven runs mail) reach the user: as "Warning: …" lines in
 * {@code plan}, before the summary in {@code apply}, and as {@code warnings} in {@code plan --json}. Real provider
 * factories and the strict spec loader; no network, since warnings need neither credentials nor an API.
 */
class PlanWarningsTest {

    static final String HETZNER_WARNING = "Warning: Hetzner blocks outgoing mail (ports 25 and 465) on new accounts "
            + "until the first invoice is paid; then ask for the unblock in the Hetzner Console under Support → "
            + "Technical → \"Sending mails\". Until then the haven receives mail but cannot send it.\n";

    @TempDir
    Path temp;

    private Path work;
    private HavenEngine engine;
    private final CliCommandsTest.ScriptedTerminal terminal = new CliCommandsTest.ScriptedTerminal();
    private String out;

    @BeforeEach
    void setUp() {
        work = temp.resolve("work");
        ProviderEnvironment environment = new ProviderEnvironment(Map.of(), Polling.standard());
        ProviderRegistry registry = new ProviderRegistry(List.of(new HetznerProviderFactory(environment),
                new DigitalOceanProviderFactory(environment), new AwsProviderFactory(environment)),
                List.of(new CloudflareProviderFactory(environment)));
        engine = TestHavens.engine(temp.resolve("home"), registry, new FileBackedTestHost(temp.resolve("host.log")));
    }

    private void spec(String provider, String region, String size, boolean mail) throws Exception {
        Files.createDirectories(work);
        Files.writeString(work.resolve("haven.yaml"), "name: family\n"
                + "domain: family.example.org\n"
                + "owner: {name: Ada Lovelace, email: ada@example.org}\n"
                + "server: {provider: " + provider + ", region: " + region + ", size: " + size + "}\n"
                + "dns: {provider: cloudflare}\n"
                + "services: [vaultwarden]\n"
                + "mail: " + mail + "\n");
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        CliContext context = new CliContext(() -> engine, CliContext.strictSpecReader(), terminal, Map.of(), work);
        int code = OpenHavenCli.run(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true), context);
        out = o.toString();
        return code;
    }

    @Test
    void planOnHetznerWithMailPrintsThePort25WarningBeforeThePlan() throws Exception {
        spec("hetzner", "fsn1", "cx22", true);

        assertThat(run("plan")).isZero();

        assertThat(out).startsWith(HETZNER_WARNING + "\nPlan for haven 'family'");
    }

    @Test
    void applyPrintsTheWarningBeforeTheSummaryItAsksToConfirm() throws Exception {
        spec("hetzner", "fsn1", "cx22", true);
        terminal.interactive = true;
        terminal.answers.add("n");

        run("apply");

        assertThat(out).startsWith(HETZNER_WARNING + "\nPlan for haven 'family'").contains("Nothing was changed.");
    }

    @Test
    void planJsonCarriesTheWarningsAndASavedPlanKeepsThem() throws Exception {
        spec("digitalocean", "fra1", "s-2vcpu-4gb", true);

        assertThat(run("plan", "--json", "--out", temp.resolve("plan.json").toString())).isZero();

        JsonNode warnings = new ObjectMapper().readTree(out).path("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).asText()).startsWith("DigitalOcean blocks outgoing SMTP (port 25)");
        assertThat(PlanFormat.read(temp.resolve("plan.json")).warnings()).containsExactly(warnings.get(0).asText());
    }

    @Test
    void awsWithMailWarnsAboutTheEmailSendingLimitation() throws Exception {
        spec("aws", "eu-central-1", "t3.medium", true);

        assertThat(run("plan")).isZero();

        assertThat(out).startsWith("Warning: AWS throttles outgoing mail on port 25");
    }

    @Test
    void withoutMailThereIsNoWarning() throws Exception {
        spec("hetzner", "fsn1", "cx22", false);

        assertThat(run("plan")).isZero();
        assertThat(out).startsWith("Plan for haven 'family'").doesNotContain("Warning:");

        assertThat(run("plan", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out).path("warnings")).isEmpty();
    }

    @Test
    void aPlanSavedBeforeWarningsExistedStillReads() throws Exception {
        Path old = temp.resolve("old-plan.json");
        Files.writeString(old, "{\"formatVersion\": 1, \"haven\": \"family\", \"basedOnRevision\": 0, \"changes\": []}");

        Plan plan = PlanFormat.read(old);

        assertThat(plan.warnings()).isEmpty();
        assertThat(PlanFormat.toText(plan)).startsWith("Plan for haven 'family'");
    }
}
