package org.openhaven.engine.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.secrets.Secret;

/** Runs commands as local processes with a given environment: the test and benchmark stand-in for SSH. */
final class LocalCommandRunner implements RemoteExecutor {

    private final Map<String, Secret> environment;
    private final Path workDir;

    LocalCommandRunner(Map<String, Secret> environment, Path workDir) {
        this.environment = environment;
        this.workDir = workDir;
    }

    /** Starts the command without waiting, output to files in the work directory. */
    Process start(RemoteCommand command, Path stdout, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("RESTIC_CACHE_DIR", workDir.resolve("restic-cache").toString());
        environment.forEach((name, value) -> builder.environment().put(name, value.reveal()));
        return builder.start();
    }

    ExecResult run(RemoteCommand command) {
        return run(command, null, OutputConsumer.IGNORE);
    }

    @Override
    public ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output) {
        try {
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            Process process = start(command, out, err);
            int code = process.waitFor();
            ExecResult result = new ExecResult(code, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.description(), e);
        }
    }

    /** Runs and insists on success, showing restic's output when it fails. */
    ExecResult ok(RemoteCommand command) {
        ExecResult result = run(command);
        if (!result.succeeded()) {
            throw new AssertionError(command.shellLine() + " failed (" + result.exitCode() + "):\n" + result.stderr());
        }
        return result;
    }
}
