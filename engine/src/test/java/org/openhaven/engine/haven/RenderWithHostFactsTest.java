package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RetryPolicy;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** The apply asks the server for its facts once SSH answers and renders the bundle for them. */
class RenderWithHostFactsTest {

    @TempDir
    Path dir;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void renderReceivesTheGpuTheServerReportsAfterSshAnswers() {
        RunResult result = apply(new HostFacts(true, true));

        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        assertThat(calls).containsExactly("ssh", "facts", "render for HostFacts[nvidiaGpu=true, nvidiaContainerToolkit=true]");
        assertThat(events.toString()).contains("The server has an NVIDIA GPU for containers.");
    }

    @Test
    void gpuWithoutTheContainerToolkitIsReportedAndRenderedAsIs() {
        RunResult result = apply(new HostFacts(true, false));

        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        assertThat(calls).contains("render for HostFacts[nvidiaGpu=true, nvidiaContainerToolkit=false]");
        assertThat(events.toString()).contains("The server has an NVIDIA GPU but not the NVIDIA Container Toolkit");
    }

    private RunResult apply(HostFacts facts) {
        FileBackedTestHost host = new FileBackedTestHost(dir.resolve("host.log"));
        HostDeployer deployer = new HostDeployer() {
            @Override
            public MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation,
                                         Consumer<String> log) {
                calls.add("ssh");
                return host.waitForSsh(target, deadline, cancellation, log);
            }

            @Override
            public void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log) {
                host.bootstrap(target, bundleDir, log);
            }

            @Override
            public void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log) {
                host.deploy(target, bundleDir, bundleHash, log);
            }

            @Override
            public void verify(HostTarget target, Consumer<String> log) {
                host.verify(target, log);
            }

            @Override
            public HostFacts hostFacts(HostTarget target) {
                calls.add("facts");
                return facts;
            }
        };
        BundleRenderer renderer = new BundleRenderer() {
            @Override
            public String render(HavenSpec spec, SecretStore secrets, Path outDir) {
                throw new AssertionError("the flow must pass the server's facts");
            }

            @Override
            public String render(HavenSpec spec, SecretStore secrets, HostFacts host, Path outDir) {
                calls.add("render for " + host);
                return renderStandIn(outDir, spec);
            }
        };
        HavenComponents plain = host.components();
        HavenComponents components = new HavenComponents(plain.userData(), renderer, deployer, plain.backups());
        FileBackedTestProvider provider = new FileBackedTestProvider(dir.resolve("provider.json"));
        Applier applier = new Applier(Clock.systemUTC(), (d, c) -> c.throwIfCancelled(), () -> 0.5,
                RetryPolicy.DEFAULT, 4);
        HavenEngine engine = new HavenEngine(new HavenStore(dir.resolve("home")), TestHavens.registry(provider),
                components, applier, Clock.systemUTC());
        return engine.apply(TestHavens.cloudSpec("family", List.of("ollama")), new InMemorySecretStore(), null,
                events::add, CancellationToken.none(), "test");
    }

    private String renderStandIn(Path outDir, HavenSpec spec) {
        return new FileBackedTestHost(dir.resolve("render.log")).render(spec, new InMemorySecretStore(), outDir);
    }
}
