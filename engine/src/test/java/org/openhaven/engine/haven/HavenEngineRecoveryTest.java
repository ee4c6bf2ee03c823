package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.plan.Action;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.ResourceRecord;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** The server replacement at the start of {@code openhaven recover}, and the apply that follows it. */
class HavenEngineRecoveryTest {

    @TempDir
    Path dir;

    private FileBackedTestProvider provider;
    private FileBackedTestHost host;
    private HavenEngine engine;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final HavenSpec spec = TestHavens.cloudSpec("family");

    @BeforeEach
    void deployTheHaven() {
        provider = new FileBackedTestProvider(dir.resolve("provider.json"));
        host = new FileBackedTestHost(dir.resolve("host.log"));
        engine = TestHavens.engine(dir.resolve("home"), provider, host);
        assertThat(apply(engine).succeeded()).isTrue();
    }

    private RunResult apply(HavenEngine on) {
        RunResult result = on.apply(spec, secrets, null, event -> { }, CancellationToken.none(), "test");
        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        return result;
    }

    @Test
    void recoveryKeepsTheOldServerAndIpAsReplacedAndTheNextApplyBuildsANewServerWithDnsOnIt() {
        String oldServer = engine.state("family").resource(ResourceKeys.SERVER).orElseThrow().providerId();
        String oldIp = engine.state("family").resource(ResourceKeys.IP).orElseThrow().attributes().get("ipv4");

        RecoveryStart start = engine.beginRecovery(spec, secrets, "test recover");

        assertThat(start.resumed()).isFalse();
        assertThat(start.replaced()).extracting(RecoveryStart.Replaced::kind, RecoveryStart.Replaced::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ResourceKind.SERVER, "family-server"),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.IP, "family-ip"));
        assertThat(engine.state("family").resource(ResourceKeys.SSH_KEY)).as("this computer still has the key")
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("family-key"));
        var state = engine.state("family");
        assertThat(state.resource(ResourceKeys.SERVER)).isEmpty();
        assertThat(state.resource(ResourceKeys.STACK)).as("the release is not on the new server").isEmpty();
        assertThat(state.journal()).isEmpty();
        assertThat(state.resource("replaced:server:" + oldServer)).hasValueSatisfying(r ->
                assertThat(r.name()).isEqualTo("family-server (replaced)"));
        assertThat(engine.plan(spec).changes()).as("the replaced server is neither wanted nor to be deleted")
                .noneMatch(c -> c.action() == Action.DELETE)
                .anyMatch(c -> c.action() == Action.CREATE && c.name().equals("family-server-2"));

        apply(engine);

        var servers = provider.snapshot().resources.stream().filter(r -> r.get("kind").equals("SERVER")).toList();
        assertThat(servers).extracting(r -> r.get("name")).containsExactlyInAnyOrder("family-server",
                "family-server-2");
        String newIp = engine.state("family").resource(ResourceKeys.IP).orElseThrow().attributes().get("ipv4");
        assertThat(newIp).isNotEqualTo(oldIp);
        assertThat(provider.snapshot().dnsRecords).extracting(r -> r.get("content")).containsOnly(newIp);
        assertThat(host.actions().stream().filter(a -> a.startsWith("bootstrap "))).hasSize(2);
        assertThat(engine.state("family").resource(ResourceKeys.STACK)).isPresent();
        assertThat(engine.plan(spec).hasChanges()).isFalse();
    }

    @Test
    void aRecoveryThatStoppedIsContinuedWithoutReplacingTheNewServerToo() {
        RecoveryStart first = engine.beginRecovery(spec, secrets, "test recover");
        apply(engine); // the new server is built; then the recovery dies before the restore

        RecoveryStart again = engine.beginRecovery(spec, secrets, "test recover");

        assertThat(again.resumed()).isTrue();
        assertThat(again.replaced()).isEqualTo(first.replaced());
        assertThat(engine.state("family").resource(ResourceKeys.SERVER)).hasValueSatisfying(r ->
                assertThat(r.name()).isEqualTo("family-server-2"));
        assertThat(engine.recoveryInProgress("family")).isTrue();

        engine.finishRecovery("family");

        assertThat(engine.recoveryInProgress("family")).isFalse();
        assertThat(engine.plan(spec).hasChanges()).isFalse();
    }

    @Test
    void aSecondRecoveryLaterNamesItsServerAfterTheLastOne() {
        engine.beginRecovery(spec, secrets, "test recover");
        apply(engine);
        engine.finishRecovery("family");

        RecoveryStart second = engine.beginRecovery(spec, secrets, "test recover");
        apply(engine);

        assertThat(second.replaced()).extracting(RecoveryStart.Replaced::name)
                .containsExactlyInAnyOrder("family-server-2", "family-ip-2");
        assertThat(engine.state("family").resource(ResourceKeys.SERVER).map(ResourceRecord::name))
                .hasValue("family-server-3");
    }

    @Test
    void onANewComputerTheServerAndTheStaleSshKeyAtTheProviderAreSetAside() {
        HavenEngine newComputer = TestHavens.engine(dir.resolve("new-home"), provider, host);
        InMemorySecretStore newVault = new InMemorySecretStore();

        RecoveryStart start = newComputer.beginRecovery(spec, newVault, "test recover");
        RunResult result = newComputer.apply(spec, newVault, null, event -> { }, CancellationToken.none(), "test");

        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        assertThat(start.replaced()).extracting(RecoveryStart.Replaced::name)
                .containsExactly("family-key", "family-server", "family-ip");
        assertThat(newComputer.state("family").resource(ResourceKeys.SSH_KEY).map(ResourceRecord::name))
                .hasValue("family-key-2");
        assertThat(newComputer.state("family").resource(ResourceKeys.SERVER).map(ResourceRecord::name))
                .hasValue("family-server-2");
        assertThat(provider.snapshot().creations).containsEntry("SERVER:family-server", 1)
                .containsEntry("SERVER:family-server-2", 1);
    }

    @Test
    void theNextGenerationFollowsTheHighestReplacedServerName() {
        var state = org.openhaven.engine.state.HavenState.empty("family")
                .withResource(replaced("replaced:server:3", "family-server-4 (replaced)"))
                .withResource(replaced("replaced:server:1", "family-server (replaced)"));

        assertThat(ServerReplacement.nextGeneration(state, ResourceKind.SERVER)).isEqualTo(5);
        assertThat(ServerReplacement.nextGeneration(state, ResourceKind.SSH_KEY)).isEqualTo(1);
        assertThat(ServerReplacement.nextGeneration(org.openhaven.engine.state.HavenState.empty("family"),
                ResourceKind.SERVER)).isEqualTo(1);
    }

    private static ResourceRecord replaced(String key, String name) {
        return new ResourceRecord(key, ResourceKind.SERVER, key.substring(key.lastIndexOf(':') + 1), name, Map.of(),
                Map.of());
    }
}
