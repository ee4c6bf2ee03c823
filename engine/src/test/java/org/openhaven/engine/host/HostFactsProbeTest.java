package org.openhaven.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.testsupport.Requirements;

class HostFactsProbeTest {

    @TempDir
    Path bin;

    @Test
    void probeIsOneReadOnlyShellScriptWithAnExactText() {
        RemoteCommand command = HostFactsProbe.command();

        assertThat(command.argv()).containsExactly("sh", "-c", """
                echo @@nvidia-gpu
                if nvidia-smi -L >/dev/null 2>&1 || [ -e /dev/nvidia0 ]; then echo yes; else echo no; fi
                echo @@nvidia-container-toolkit
                if command -v nvidia-container-runtime-hook >/dev/null 2>&1; then echo yes; else echo no; fi""");
        assertThat(command.description()).isEqualTo("look for a GPU");
    }

    @Test
    void parseReadsEachFact() {
        assertThat(HostFactsProbe.parse("@@nvidia-gpu\nyes\n@@nvidia-container-toolkit\nyes\n"))
                .isEqualTo(new HostFacts(true, true));
        assertThat(HostFactsProbe.parse("@@nvidia-gpu\nyes\n@@nvidia-container-toolkit\nno\n"))
                .isEqualTo(new HostFacts(true, false));
        assertThat(HostFactsProbe.parse("@@nvidia-gpu\nno\n@@nvidia-container-toolkit\nno\n"))
                .isEqualTo(HostFacts.UNKNOWN);
    }

    @Test
    void missingOrGarbledFactCountsAsAbsent() {
        assertThat(HostFactsProbe.parse("")).isEqualTo(HostFacts.UNKNOWN);
        assertThat(HostFactsProbe.parse("@@nvidia-gpu\nmaybe\n@@nvidia-container-toolkit\nyes\n"))
                .isEqualTo(new HostFacts(false, true));
    }

    @Test
    void onlyGpuAndToolkitTogetherGiveContainersTheGpu() {
        assertThat(new HostFacts(true, true).gpuForContainers()).isTrue();
        assertThat(new HostFacts(true, false).gpuForContainers()).isFalse();
        assertThat(new HostFacts(false, true).gpuForContainers()).isFalse();
    }

    @Test
    void realShellReportsAGpuWhenNvidiaSmiListsOne() throws Exception {
        fakeTool("nvidia-smi", "echo 'GPU 0: NVIDIA L4 (UUID: GPU-00000000-0000-0000-0000-000000000000)'");
        fakeTool("nvidia-container-runtime-hook", "exit 0");

        assertThat(HostFactsProbe.parse(runProbe())).isEqualTo(new HostFacts(true, true));
    }

    @Test
    void realShellReportsNoGpuWhenNvidiaSmiFails() throws Exception {
        // nvidia-smi is installed but finds no device (driver not loaded): exits 9 with a message.
        fakeTool("nvidia-smi", "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'; exit 9");

        HostFacts facts = HostFactsProbe.parse(runProbe());

        assertThat(facts.nvidiaContainerToolkit()).isFalse();
        // /dev/nvidia0 would still count; this machine has none (checked so the test cannot pass by accident).
        assertThat(facts.nvidiaGpu()).isEqualTo(Files.exists(Path.of("/dev/nvidia0")));
    }

    @Test
    void failingProbeIsAnErrorNamingTheExitCode() {
        assertThatThrownBy(() -> HostFactsProbe.gather((command, stdin, output) -> new ExecResult(127, "",
                "sh: not found")))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("Could not look for a GPU on the server (exit code 127)");
    }

    private void fakeTool(String name, String body) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the probe's argv as a local process whose PATH has only the fake tools and the basic system ones. */
    private String runProbe() throws IOException, InterruptedException {
        Requirements.command("sh");
        ProcessBuilder builder = new ProcessBuilder(HostFactsProbe.command().argv()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
