package org.openhaven.engine.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** The havens on this computer: one directory each under the home directory. */
public final class HavenStore {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private final Path home;

    public HavenStore(Path home) {
        this.home = home;
    }

    /** The store at the default location for this OS, or {@code OPENHAVEN_HOME}. */
    public static HavenStore atDefaultLocation() {
        return new HavenStore(HavenHome.resolve());
    }

    public Path home() {
        return home;
    }

    /** The names of the havens that exist, sorted. */
    public List<String> list() {
        Path havens = home.resolve("havens");
        if (!Files.isDirectory(havens)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(havens)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not list the havens in " + havens + ".")
                    .remedy("Check that you may read " + havens + ".").cause(e).build();
        }
    }

    /** The directory of a haven, whether or not it exists yet. */
    public HavenDirectory haven(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw OpenHavenException.config("'" + name + "' is not a valid haven name.",
                    "Use lower-case letters, digits and dashes, e.g. 'family-cloud'.");
        }
        return new HavenDirectory(name, home.resolve("havens").resolve(name));
    }

    /** Creates the haven's directories (idempotent). */
    public HavenDirectory create(String name) {
        HavenDirectory dir = haven(name);
        try {
            Files.createDirectories(dir.logsDir());
            Files.createDirectories(dir.bundlesDir());
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not create " + dir.root() + ".")
                    .remedy("Check that you may write to " + home + ".").cause(e).build();
        }
        return dir;
    }
}
