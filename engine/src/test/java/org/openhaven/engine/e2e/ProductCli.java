package org.openhaven.engine.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openhaven.engine.testsupport.CliProcess;

/**
 * The real {@code openhaven} CLI in a child JVM whose class path is the engine's main classes and dependencies only,
 * so the real providers, SSH deployer and renderer are found, never a test double: what a user's installation runs.
 */
final class ProductCli {

    private final Path workingDirectory;
    private final Duration limit;
    private final Map<String, String> env = new LinkedHashMap<>();

    /**
     * @param limit how long one command may run before the test gives up on it
     */
    ProductCli(Path workingDirectory, Duration limit) {
        this.workingDirectory = workingDirectory;
        this.limit = limit;
    }

    /** Sets an environment variable for every later run; null removes it. */
    ProductCli env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** {@code openhaven args…} with {@code input} on stdin; the caller's own OPENHAVEN and XDG variables are dropped. */
    CliProcess.Result run(String input, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", productClassPath(),
                "org.openhaven.engine.cli.OpenHavenCli"));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OPENHAVEN") || k.startsWith("XDG_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openhaven " + String.join(" ", args) + " did not finish:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        return new CliProcess.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The exit code and both outputs, for assertion messages. */
    static String describe(CliProcess.Result result) {
        return "exit " + result.exitCode() + "\n--- out\n" + result.out() + "\n--- err\n" + result.err();
    }

    /** The test class path without the test classes: what a user's installation holds. */
    private static String productClassPath() {
        return Arrays.stream(CliProcess.classPath().split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
