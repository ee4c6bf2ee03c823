package org.openhaven.engine.host;

import java.util.List;
import java.util.Map;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.remote.SectionedOutput;
import org.openhaven.engine.remote.Shell;

/**
 * Gathers {@link HostFacts} with one read-only command: each fact is a {@code @@name} line followed by
 * {@code yes} or {@code no}. Looks only; changes nothing on the server.
 */
public final class HostFactsProbe {

    private HostFactsProbe() {
    }

    /** The probe as data; tests assert its exact text. */
    public static RemoteCommand command() {
        String script = String.join("\n",
                "echo @@nvidia-gpu",
                "if nvidia-smi -L >/dev/null 2>&1 || [ -e /dev/nvidia0 ]; then echo yes; else echo no; fi",
                "echo @@nvidia-container-toolkit",
                "if command -v nvidia-container-runtime-hook >/dev/null 2>&1; then echo yes; else echo no; fi");
        return Shell.raw("look for a GPU", script);
    }

    /** Runs the probe; fails with a REMOTE_COMMAND error when the server cannot run it. */
    public static HostFacts gather(RemoteExecutor executor) {
        ExecResult result = executor.run(command(), OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "Could not look for a GPU on the server (exit code " + result.exitCode() + "):\n"
                                    + result.tail(10))
                    .remedy("Check that the server accepts SSH commands, then run 'openhaven apply' again.")
                    .retryable(true)
                    .build();
        }
        return parse(result.stdout());
    }

    /** Reads the probe's output; a fact that is missing or not {@code yes} counts as absent. */
    static HostFacts parse(String stdout) {
        Map<String, List<String>> sections = SectionedOutput.parse(stdout);
        return new HostFacts(yes(sections, "nvidia-gpu"), yes(sections, "nvidia-container-toolkit"));
    }

    private static boolean yes(Map<String, List<String>> sections, String name) {
        return sections.getOrDefault(name, List.of()).stream().map(String::strip).toList().equals(List.of("yes"));
    }
}
