package org.openhaven.desktop.vpn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Runs commands with {@link ProcessBuilder}; waits at most two minutes (a polkit prompt waits for a person). */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public Result run(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw OpenHavenException.of(ErrorCategory.NETWORK, "'" + argv.get(0) + "' did not finish in time.")
                        .remedy("Try again; if it keeps hanging, switch the VPN in your system's network settings.")
                        .build();
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "'" + argv.get(0) + "' could not be started.")
                    .remedy("Check that it is installed and on your PATH.").cause(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "Interrupted while running " + argv.get(0)).build();
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public boolean exists(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
