package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.KillPoints;
import org.openhaven.engine.testsupport.TestProviderFactories;

/**
 * Two processes, one haven: an apply parked mid-run holds the lock; a second apply (a separate JVM running the real
 * CLI) fails with exit code 3 naming the holder's pid, host and start time. After the holder is SIGKILLed the lock
 * stays (a crash must not silently free it) until 'openhaven unlock', which shows what it removes.
 */
class LockContentionIT {

    @TempDir
    Path temp;

    @Test
    void aSecondApplyFromAnotherProcessIsRefusedWithExitCode3UntilUnlock() throws Exception {
        Path home = temp.resolve("home");
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("haven.yaml"), CliProcess.specYaml("shared"));
        CliProcess cli = new CliProcess(work, home, temp.resolve("provider.json"), temp.resolve("host.log"))
                .env("OPENHAVEN_PASSPHRASE", "lock test passphrase");
        assertThat(cli.run("token\n", "secrets", "set", TestProviderFactories.TOKEN_KEY).exitCode()).isZero();

        Path marker = temp.resolve("marker");
        CliProcess holderCli = new CliProcess(work, home, temp.resolve("provider.json"), temp.resolve("host.log"))
                .env("OPENHAVEN_PASSPHRASE", "lock test passphrase")
                .jvmOption("-D" + KillPoints.POINT_PROPERTY + "=provider:before-server")
                .jvmOption("-D" + KillPoints.MARKER_PROPERTY + "=" + marker);
        Process holder = holderCli.start("apply", "--yes");
        List<Process> started = new ArrayList<>(List.of(holder));
        try {
            KillPoints.awaitParked(holder, marker, "provider:before-server");

            CliProcess.Result second = cli.run("", "apply", "--yes");

            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.err()).contains("This haven is locked by process " + holder.pid() + " on ")
                    .contains("openhaven apply, started 20").contains("Wait for it to finish");

            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            CliProcess.Result afterCrash = cli.run("", "apply", "--yes");
            assertThat(afterCrash.exitCode()).isEqualTo(3);
            assertThat(afterCrash.err()).contains("process " + holder.pid()).contains("openhaven unlock");

            CliProcess.Result unlock = cli.run("", "unlock");
            assertThat(unlock.exitCode()).isZero();
            assertThat(unlock.out()).contains("Removed the lock of haven 'shared' held by process " + holder.pid());

            CliProcess.Result resumed = cli.run("", "apply", "--yes");
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }
}
