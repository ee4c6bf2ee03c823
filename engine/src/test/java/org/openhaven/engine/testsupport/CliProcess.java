package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI (through {@code TestCliMain}, which only swaps in a lenient spec reader) in a child JVM with the test class path, so tests see exactly what
 * a user sees: exit code, standard output and error, files written, and the log file. The test-scope provider and
 * host are found through {@code META-INF/services}; their files are passed as system properties.
 */
public final class CliProcess {

    /** What a finished run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Path workingDirectory;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();

    public CliProcess(Path workingDirectory, Path home, Path providerFile, Path hostFile) {
        this.workingDirectory = workingDirectory;
        env.put("OPENHAVEN_HOME", home.toString());
        jvmOptions.add("-D" + TestProviderFactories.FILE_PROPERTY + "=" + providerFile);
        jvmOptions.add("-D" + DiscoverableTestHost.FILE_PROPERTY + "=" + hostFile);
    }

    public CliProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Runs {@code openhaven args…} with {@code stdin} piped in and waits for it (at most two minutes). */
    public Result run(String stdin, String... args) throws IOException, InterruptedException {
        Process process = start(args);
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openhaven " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), read(process, "out"), read(process, "err"));
    }

    /** Starts {@code openhaven args…} without waiting; the caller must end it. */
    public Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classPath()));
        command.addAll(jvmOptions);
        command.add("org.openhaven.engine.cli.TestCliMain");
        command.addAll(List.of(args));
        Path logs = Files.createTempDirectory("openhaven-cli");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(logs.resolve("out").toFile()).redirectError(logs.resolve("err").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OPENHAVEN") || k.startsWith("XDG_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        outputs.put(process, logs);
        return process;
    }

    private final Map<Process, Path> outputs = new LinkedHashMap<>();

    private String read(Process process, String which) throws IOException {
        return Files.readString(outputs.get(process).resolve(which), StandardCharsets.UTF_8);
    }

    /** The test class path, as the build tool passes it. */
    public static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** A spec for the test provider, as a user would write it. */
    public static String specYaml(String name) {
        return "name: " + name + "\n"
                + "domain: " + name + ".example.org\n"
                + "owner: {name: Ada Lovelace, email: ada@example.org}\n"
                + "server: {provider: " + FileBackedTestProvider.ID + ", region: test-1, size: small}\n"
                + "dns: {provider: " + FileBackedTestProvider.ID + "}\n"
                + "services: [vaultwarden, gitea]\n";
    }
}
