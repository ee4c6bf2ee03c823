package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.RemoteExecutor;

/**
 * The server's {@code /opt} for tests: a temporary directory that commands see mounted on {@code /opt}, inside a
 * private mount namespace of their own, so the backup script finds exactly the server layout
 * ({@code /opt/openhaven/backup}) without touching this machine's {@code /opt}. Needs root and unshare.
 */
final class ServerSandbox {

    final Path opt;
    private final Path work;
    private final Map<String, String> environment = new HashMap<>();

    ServerSandbox(Path work) throws IOException {
        this.work = work;
        this.opt = Files.createDirectories(work.resolve("opt"));
        environment.put("RESTIC_CACHE_DIR", work.resolve("restic-cache").toString());
    }

    /** Also passes {@code name=value} to every command (DOCKER_HOST for a test's own Docker engine). */
    ServerSandbox withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The real location of a server path under /opt. */
    Path path(String serverPath) {
        assertThat(serverPath).startsWith("/opt/");
        return opt.resolve(serverPath.substring("/opt/".length()));
    }

    /** Places the installation's files that live under /opt (the script and the env file). */
    void install(List<ServerFile> files) throws IOException {
        for (ServerFile file : files) {
            if (file.path().startsWith("/opt/")) {
                write(file);
            }
        }
    }

    void write(ServerFile file) throws IOException {
        Path target = path(file.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content().reveal());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(switch (file.mode()) {
            case "0700" -> "rwx------";
            case "0600" -> "rw-------";
            default -> "rw-r--r--";
        }));
    }

    /** Runs argv as root with the sandbox mounted on /opt. */
    ExecResultWithArgv run(String... argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /opt && exec \"$@\"", opt.toString()));
        command.addAll(List.of(argv));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", String.join(" ", argv)).isTrue();
        return new ExecResultWithArgv(String.join(" ", argv), process.exitValue(), Files.readString(out),
                Files.readString(err));
    }

    /**
     * This sandbox as a recovery target. systemd does not run in the sandbox, so unit files and systemctl commands
     * are recorded in {@code systemdCalls} instead of being applied to this machine; everything else runs for real.
     */
    RecoveryTarget asRecoveryTarget(List<String> systemdCalls) {
        return new RecoveryTarget() {
            @Override
            public void upload(ServerFile file) {
                try {
                    if (file.path().startsWith("/opt/")) {
                        write(file);
                    } else {
                        systemdCalls.add("upload " + file.path());
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public RemoteExecutor commands() {
                return (command, stdin, output) -> {
                    if (command.argv().get(0).equals("systemctl")) {
                        systemdCalls.add(command.shellLine());
                        return new ExecResult(0, "", "");
                    }
                    try {
                        ExecResultWithArgv result = run(command.argv().toArray(String[]::new));
                        return new ExecResult(result.exitCode(), result.stdout(), result.stderr());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                };
            }
        };
    }

    /** A finished command, with its text for assertion messages. */
    record ExecResultWithArgv(String command, int exitCode, String stdout, String stderr) {
        ExecResultWithArgv ok() {
            assertThat(exitCode).as("%s failed:%n%s", command, stderr).isZero();
            return this;
        }
    }
}
