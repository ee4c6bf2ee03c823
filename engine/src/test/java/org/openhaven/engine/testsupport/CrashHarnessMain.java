package org.openhaven.engine.testsupport;

import java.nio.file.Path;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The child JVM of the crash-and-resume test: runs one apply of the test haven and exits 0 when it converged.
 * Kill points (see {@link KillPoints}) inside the provider and host, plus {@code step:started:<id>} and
 * {@code step:done:<id>} at step boundaries, park it for the parent's SIGKILL.
 *
 * <p>Arguments: home directory, provider file, host journal file, haven name.
 */
public final class CrashHarnessMain {

    private CrashHarnessMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        FileBackedTestProvider provider = new FileBackedTestProvider(Path.of(args[1]));
        FileBackedTestHost host = new FileBackedTestHost(Path.of(args[2]));
        HavenSpec spec = TestHavens.cloudSpec(args[3]);
        HavenEngine engine = TestHavens.engine(home, provider, host);
        Vault vault = engine.openVault(spec.havenId(), Secret.of("crash-test-passphrase"));
        RunResult result = engine.apply(spec, vault, null, event -> {
            if (event instanceof ProgressEvent.StepStarted started) {
                KillPoints.reached("step:started:" + started.stepId());
            } else if (event instanceof ProgressEvent.StepSucceeded done) {
                KillPoints.reached("step:done:" + done.stepId());
            } else if (event instanceof ProgressEvent.StepFailed failed) {
                System.err.println("step " + failed.stepId() + " failed: " + failed.userMessage());
            }
        }, CancellationToken.none(), "crash harness");
        System.exit(result.succeeded() ? 0 : 1);
    }
}
