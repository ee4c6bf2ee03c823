package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RetryPolicy;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** When the flow backs up before a deploy and installs the server's backup, against the test provider and host. */
class BackupStepsTest {

    private static final BackupSpec TARGET = new BackupSpec("https://s3.example.test", null, "family-backups", null,
            null, null);

    @TempDir
    Path dir;

    private FileBackedTestHost host;
    private HavenEngine engine;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    /** What the backup seam was asked, with the number of deploys the host had seen at that moment. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private OpenHavenException installFailure;

    @BeforeEach
    void setUp() {
        FileBackedTestProvider provider = new FileBackedTestProvider(dir.resolve("provider.json"));
        host = new FileBackedTestHost(dir.resolve("host.log"));
        HostBackups backups = new HostBackups() {
            @Override
            public void install(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log) {
                calls.add("install after " + deploys() + " deploy(s) on " + target.host());
                if (installFailure != null) {
                    throw installFailure;
                }
            }

            @Override
            public String backupBeforeDeploy(HostTarget target, HavenSpec spec, SecretStore vault,
                                             Consumer<String> log) {
                calls.add("pre-deploy backup after " + deploys() + " deploy(s)");
                return "4f2a9c1e";
            }
        };
        HavenComponents plain = host.components();
        HavenComponents components = new HavenComponents(plain.userData(), plain.renderer(), plain.deployer(),
                backups);
        Applier applier = new Applier(Clock.systemUTC(), (d, c) -> c.throwIfCancelled(), () -> 0.5,
                RetryPolicy.DEFAULT, 4);
        engine = new HavenEngine(new HavenStore(dir.resolve("home")), TestHavens.registry(provider), components,
                applier, Clock.systemUTC());
    }

    private long deploys() {
        return host.actions().stream().filter(a -> a.startsWith("deploy ")).count();
    }

    private static HavenSpec spec(BackupSpec backup, List<String> services) {
        return TestHavens.withBackup(TestHavens.cloudSpec("family", services), backup);
    }

    private RunResult apply(HavenSpec spec) {
        return engine.apply(spec, secrets, null, events::add, CancellationToken.none(), "test");
    }

    @Test
    void theFirstDeployInstallsTheBackupAfterTheServicesWithoutAPreDeploySnapshot() {
        RunResult result = apply(spec(TARGET, List.of("vaultwarden")));

        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        assertThat(calls).hasSize(1).first().asString().startsWith("install after 1 deploy(s) on ");
        assertThat(summaries(BackupSteps.BEFORE_DEPLOY)).containsExactly("first deploy: nothing to back up yet");
    }

    @Test
    void aDeployThatChangesTheServicesBacksUpFirstThenReinstalls() {
        apply(spec(TARGET, List.of("vaultwarden")));
        calls.clear();

        RunResult result = apply(spec(TARGET, List.of("vaultwarden", "gitea")));

        assertThat(result.succeeded()).as("%s", result.failures()).isTrue();
        assertThat(calls).containsExactly("pre-deploy backup after 1 deploy(s)",
                calls.get(1)).element(1).asString().startsWith("install after 2 deploy(s)");
        assertThat(summaries(BackupSteps.BEFORE_DEPLOY)).contains("snapshot 4f2a9c1e taken before the deploy");
    }

    @Test
    void anUnchangedReapplyNeitherBacksUpNorReinstalls() {
        apply(spec(TARGET, List.of("vaultwarden")));
        calls.clear();
        events.clear();

        RunResult result = apply(spec(TARGET, List.of("vaultwarden")));

        assertThat(result.succeeded()).isTrue();
        assertThat(calls).isEmpty();
        assertThat(summaries(BackupSteps.BEFORE_DEPLOY)).containsExactly("the services do not change");
    }

    @Test
    void aChangedBackupTargetReinstallsWithoutASnapshotOfTheBucketBeingLeft() {
        apply(spec(TARGET, List.of("vaultwarden")));
        calls.clear();

        apply(spec(new BackupSpec("https://s3.example.test", null, "other-bucket", null, "04:00", null),
                List.of("vaultwarden")));

        // the release records the backup target, so it is redeployed; no snapshot goes to the old bucket
        assertThat(calls).hasSize(1).first().asString().startsWith("install after 2 deploy(s)");
    }

    @Test
    void aHavenWithoutBackupTargetHasNoBackupSteps() {
        RunResult result = apply(spec(null, List.of("vaultwarden")));

        assertThat(result.succeeded()).isTrue();
        assertThat(calls).isEmpty();
        assertThat(events).filteredOn(ProgressEvent.StepStarted.class::isInstance)
                .extracting(e -> ((ProgressEvent.StepStarted) e).stepId())
                .doesNotContain(BackupSteps.BEFORE_DEPLOY, BackupSteps.INSTALL);
    }

    @Test
    void aFailedInstallIsReportedWithItsRemedyKeepsTheDeployAndRunsAgainNextTime() {
        installFailure = OpenHavenException.config("The vault holds no 'backup/s3-access-key-id' for the backup "
                + "storage.", "Enter it with 'openhaven secrets set backup/s3-access-key-id'.");

        RunResult failed = apply(spec(TARGET, List.of("vaultwarden")));

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failures()).singleElement().satisfies(f -> {
            assertThat(f.stepId()).isEqualTo(BackupSteps.INSTALL);
            assertThat(f.userMessage()).contains("backup/s3-access-key-id");
            assertThat(f.remedy()).contains("openhaven secrets set");
        });
        assertThat(engine.isDeployed("family")).isTrue();

        installFailure = null;
        calls.clear();
        assertThat(apply(spec(TARGET, List.of("vaultwarden"))).succeeded()).isTrue();
        assertThat(calls).hasSize(1).first().asString().startsWith("install after 1 deploy(s)");
    }

    private List<String> summaries(String stepId) {
        return events.stream().filter(ProgressEvent.StepSucceeded.class::isInstance)
                .map(ProgressEvent.StepSucceeded.class::cast).filter(e -> e.stepId().equals(stepId))
                .map(ProgressEvent.StepSucceeded::summary).toList();
    }
}
