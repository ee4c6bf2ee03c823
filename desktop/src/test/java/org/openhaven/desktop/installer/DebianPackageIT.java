package org.openhaven.desktop.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The .deb works for a user: built from this build's jars, it installs with dpkg into a clean Debian 12 chroot,
 * postinst dumps the class-data archive (AppCDS, ADR 0013) and the installed launcher loads the app's classes from
 * it, {@code openhaven --version} runs from the installed path, the desktop app opens its window under Xvfb, a
 * reinstall (what an upgrade runs) dumps a new archive, a stale archive does not stop the app, and
 * {@code dpkg -r} leaves no file behind, the archive included. The work is done by the two scripts users and CI
 * run by hand too (installers/build.sh, installers/linux/verify-deb.sh); this test runs them in the failsafe
 * phase, after the desktop jar and its libraries are packaged, and fails on their exit status.
 */
@Tag("system")
class DebianPackageIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void debInstallsIntoCleanDebianStartsFromItsClassDataArchiveAndRemovesCleanly()
            throws IOException, InterruptedException {
        Requirements.root();
        for (String tool : List.of("jpackage", "dpkg-deb", "fakeroot", "debootstrap", "Xvfb", "xdotool", "import")) {
            Requirements.command(tool);
        }

        Path log = Files.createTempFile("openhaven-deb", ".log");
        try {
            int built = run(log, "installers/build.sh", "--skip-build", "deb");
            assertThat(built).as("installers/build.sh deb; output:%n%s", tail(log)).isZero();

            int verified = run(log, "installers/linux/verify-deb.sh");
            assertThat(verified).as("installers/linux/verify-deb.sh; output:%n%s", tail(log)).isZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("org.openhaven.desktop.Launcher loaded from the archive")
                    .contains("openhaven --version: OpenHaven")
                    .contains("a new class-data archive after the reinstall")
                    .contains("with a stale archive the app still starts")
                    .contains("OK: installed, ran with its class-data archive, showed a window, removed cleanly");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int run(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // The check is about the package's content, not its size: fast xz keeps CI minutes down. Releases
        // build with dpkg's default level (docs/performance/installers.md).
        builder.environment().put("DPKG_DEB_COMPRESSOR_LEVEL", "1");
        Process process = builder
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroy();
            throw new AssertionError(command[0] + " did not finish within 15 minutes; output:\n" + tail(log));
        }
        return process.exitValue();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
