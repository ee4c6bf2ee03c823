package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** "A server I already have" through the engine's flow, on the file-backed stand-in host. */
class ExistingServerFlowTest {

    @TempDir
    Path dir;

    private FileBackedTestHost host;
    private HavenEngine engine;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        host = new FileBackedTestHost(dir.resolve("host.log"));
        engine = TestHavens.engine(dir.resolve("home"), new FileBackedTestProvider(dir.resolve("provider.json")), host);
    }

    private static HavenSpec onMyServer(String name) {
        HavenSpec cloud = TestHavens.cloudSpec(name);
        return new HavenSpec(cloud.name(), cloud.domain(), cloud.owner(),
                new ServerSpec("ssh", null, null, "203.0.113.7", 22, "root", null), cloud.dns(), cloud.tls(),
                cloud.services(), null, cloud.vpn(), cloud.mail());
    }

    private RunResult apply(HavenSpec spec) {
        return engine.apply(spec, secrets, null, events::add, CancellationToken.none(), "test");
    }

    @Test
    void sshPublicKeyCreatesTheHavensKeyOnceAndKeepsIt() {
        String line = engine.sshPublicKey("family", secrets);

        assertThat(line).startsWith("ssh-ed25519 ").endsWith(" family@openhaven");
        assertThat(engine.sshPublicKey("family", secrets)).isEqualTo(line);
        assertThat(secrets.keys()).containsExactlyInAnyOrder("ssh/haven-key", "ssh/haven-key.pub");
        assertThat(HavenSshKey.addCommand(line))
                .isEqualTo("mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys");
    }

    @Test
    void applyChecksTheServerAfterSshAndBeforeTheBootstrapAndMarksItOnce() {
        RunResult first = apply(onMyServer("family"));

        assertThat(first.succeeded()).as("%s", first.failures()).isTrue();
        List<String> actions = host.actions();
        assertThat(actions).containsSubsequence("ssh 203.0.113.7", "check 203.0.113.7", "mark family",
                "bootstrap 203.0.113.7");
        assertThat(events).filteredOn(ProgressEvent.StepStarted.class::isInstance)
                .extracting(e -> ((ProgressEvent.StepStarted) e).title()).contains("Check your server");

        assertThat(apply(onMyServer("family")).succeeded()).isTrue();
        assertThat(host.actions()).filteredOn(a -> a.startsWith("mark ")).containsExactly("mark family");
    }

    @Test
    void aSecondHavenOnTheSameServerIsRefusedNamingTheFirstBeforeAnythingChanges() {
        apply(onMyServer("family"));
        int before = host.actions().size();

        RunResult second = apply(onMyServer("work"));

        assertThat(second.succeeded()).isFalse();
        assertThat(second.failures()).singleElement().satisfies(f -> {
            assertThat(f.stepId()).isEqualTo("check-server");
            assertThat(f.userMessage()).contains("The server root@203.0.113.7:22 is not ready for a haven: "
                    + "The server already runs the haven 'family'.");
            assertThat(f.remedy()).contains("openhaven destroy --haven family");
        });
        assertThat(host.actions().subList(before, host.actions().size()))
                .noneMatch(a -> a.startsWith("bootstrap") || a.startsWith("mark") || a.startsWith("deploy"));
    }

    @Test
    void aRefusedKeyFailsTheFirstLoginWithTheLineToAdd() {
        host.refuseKeys(true);

        RunResult run = apply(onMyServer("family"));

        String line = secrets.find("ssh/haven-key.pub").orElseThrow().reveal();
        assertThat(run.failures()).singleElement().satisfies(f -> {
            assertThat(f.stepId()).isEqualTo("wait-ssh");
            assertThat(f.category()).isEqualTo(ErrorCategory.AUTH);
            assertThat(f.userMessage()).isEqualTo("The server root@203.0.113.7:22 refused the haven's SSH key.");
            assertThat(f.remedy()).contains("mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys");
        });
    }

    @Test
    void liveCheckDescribesTheServerAndVerifyCredentialsReportsIt() {
        HavenSpec spec = onMyServer("family");
        engine.sshPublicKey("family", secrets);

        assertThat(engine.checkExistingServer(spec.server(), secrets, null).describe()).isEqualTo(
                "root@203.0.113.7:22 · Debian GNU/Linux 12 (bookworm) · host key "
                        + FileBackedTestHost.hostKey("203.0.113.7"));
        assertThat(engine.verifyCredentials(spec, secrets)).singleElement().asString().startsWith("ssh: root@");
        assertThat(host.actions()).doesNotContain("mark family");
    }

    @Test
    void destroyListsAndThenRemovesTheHavenFromTheServerAndForgetsIt() {
        HavenSpec spec = onMyServer("family");
        apply(spec);

        DestroyReport dry = engine.destroy(spec, secrets, true, events::add, "test");

        assertThat(dry.removed()).containsExactly("the haven's services and /opt/openhaven on root@203.0.113.7:22 "
                + "(the server itself, its SSH access, Docker and the hardening stay)");
        assertThat(host.owner()).isEqualTo("family");

        engine.destroy(spec, secrets, false, events::add, "test");

        assertThat(host.actions()).contains("remove family");
        assertThat(host.owner()).isEmpty();
        assertThat(engine.isDeployed("family")).isFalse();
    }

    @Test
    void destroyWithoutTheHavensKeyOnlyForgetsTheHaven() {
        DestroyReport report = engine.destroy(onMyServer("family"), secrets, false, events::add, "test");

        assertThat(report.removed()).isEmpty();
        assertThat(host.actions()).isEmpty();
    }
}
