package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cost.CostEstimate;
import org.openhaven.engine.cost.CostOutlook;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;
import org.openhaven.engine.testsupport.TestProviderFactories;

/** The engine's cost estimate for plan and the review page: priced at the provider, never failing. */
class HavenEngineCostTest {

    @TempDir
    Path dir;

    @Test
    void estimateAddsTheProvidersServerAndIpPrices() {
        HavenEngine engine = TestHavens.engine(dir.resolve("home"),
                new FileBackedTestProvider(dir.resolve("provider.json")), new FileBackedTestHost(dir.resolve("host")));

        CostOutlook outlook = engine.estimateCost(TestHavens.cloudSpec("family"), new InMemorySecretStore());

        assertThat(outlook.available()).isTrue();
        assertThat(outlook.estimate().items()).extracting(CostEstimate.LineItem::description)
                .containsExactly("Server small (2 vCPU, 4 GB RAM)", "Public IPv4 address");
        assertThat(outlook.estimate().total()).isEqualByComparingTo("6.00");
        assertThat(outlook.estimate().source()).isEqualTo("testcloud price table test");
    }

    @Test
    void missingTokenGivesNoEstimateAndSaysHowToStoreOne() {
        HavenEngine engine = new HavenEngine(new HavenStore(dir.resolve("home")),
                new ProviderRegistry(List.of(new TestProviderFactories.Cloud()), List.of(new TestProviderFactories.Dns())),
                null, Applier.standard(), Clock.systemUTC());

        CostOutlook outlook = engine.estimateCost(TestHavens.cloudSpec("family"), new InMemorySecretStore());

        assertThat(outlook.available()).isFalse();
        assertThat(outlook.reason()).isEqualTo("There is no token for the test provider in the vault. "
                + "Store it with 'openhaven secrets set testcloud/token'.");
    }

    @Test
    void anUnknownServerSizeGivesNoEstimateAndNamesTheOfferedOnes() {
        HavenEngine engine = TestHavens.engine(dir.resolve("home"),
                new FileBackedTestProvider(dir.resolve("provider.json")), new FileBackedTestHost(dir.resolve("host")));
        HavenSpec spec = TestHavens.cloudSpec("family");
        HavenSpec huge = withServer(spec, new ServerSpec(spec.server().provider(), "test-1", "huge", null, null, null,
                null));

        assertThat(engine.estimateCost(huge, new InMemorySecretStore()).reason())
                .isEqualTo("testcloud does not offer the server size 'huge'. Choose one of: small.");
    }

    @Test
    void anExistingServerHasNoServerCosts() {
        HavenEngine engine = TestHavens.engine(dir.resolve("home"),
                new FileBackedTestProvider(dir.resolve("provider.json")), new FileBackedTestHost(dir.resolve("host")));
        HavenSpec spec = TestHavens.cloudSpec("family");
        HavenSpec own = withServer(spec, new ServerSpec("ssh", null, null, "192.0.2.7", 22, "root", null));

        assertThat(engine.estimateCost(own, new InMemorySecretStore()).reason())
                .isEqualTo("The haven runs on your own server, so OpenHaven adds no server costs.");
    }

    static HavenSpec withServer(HavenSpec spec, ServerSpec server) {
        return new HavenSpec(spec.name(), spec.domain(), spec.owner(), server, spec.dns(), spec.tls(), spec.services(),
                spec.backup(), spec.vpn(), spec.mail());
    }
}
