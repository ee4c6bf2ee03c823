package org.openhaven.engine.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a tool, root, Linux, Java 21). Outside CI a missing requirement skips the
 * test with a loud reason; in CI ({@code CI=true}) it fails, because .ci/run installs everything the tests need
 * and a silent skip there would hide a broken setup.
 */
public final class Requirements {

    private Requirements() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires an executable on the PATH (or an absolute path); returns its absolute path. */
    public static Path command(String name) {
        Path found = findCommand(name);
        if (found == null) {
            unmet("the command '" + name + "' is not installed (apt-get install it, or run .ci/run as root)");
        }
        return found;
    }

    public static Path findCommand(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static void linux() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            unmet("this test needs Linux");
        }
    }

    public static void root() {
        linux();
        if (!"root".equals(System.getProperty("user.name"))) {
            unmet("this test needs root (network namespaces, a Docker engine)");
        }
    }

    /** A file the test reads from outside the project, such as ../shared/data/compose-spec.json. */
    public static Path file(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            unmet(what + " was not found at " + path.toAbsolutePath().normalize());
        }
        return path;
    }

    /**
     * Requires a Java 21 or newer (a real Keycloak needs it while OpenHaven itself runs on 17): {@code JAVA21_HOME}
     * if set, else the newest JDK under /usr/lib/jvm. Returns its home directory.
     */
    public static Path java21() {
        String configured = System.getenv("JAVA21_HOME");
        if (configured != null && javaVersion(Path.of(configured)) >= 21) {
            return Path.of(configured);
        }
        Path best = null;
        int bestVersion = 0;
        File[] homes = new File("/usr/lib/jvm").listFiles(File::isDirectory);
        for (File home : homes == null ? new File[0] : homes) {
            int version = javaVersion(home.toPath());
            if (version >= 21 && version > bestVersion) {
                best = home.toPath();
                bestVersion = version;
            }
        }
        if (best == null) {
            unmet("no Java 21 or newer was found (set JAVA21_HOME, or install one under /usr/lib/jvm)");
        }
        return best;
    }

    /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), or 0. */
    private static int javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Fails in CI, skips loudly elsewhere. */
    public static void unmet(String reason) {
        if (inCi()) {
            fail("CI must run this test, but " + reason);
        }
        System.err.println("SKIPPED (not in CI): " + reason);
        Assumptions.abort(reason);
    }
}
