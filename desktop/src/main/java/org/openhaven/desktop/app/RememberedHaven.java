package org.openhaven.desktop.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openhaven.desktop.dashboard.HavenMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected haven kept as one line in the desktop's config dir ({@code selected-haven}), next to its other
 * small files. Losing it is harmless (the dashboard then opens on the first haven), so failures are only logged.
 */
public final class RememberedHaven implements HavenMemory {

    static final String FILE = "selected-haven";
    /** Haven names as the engine allows them; anything else in the file is ignored rather than trusted. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(RememberedHaven.class);

    private final Path file;

    public RememberedHaven(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    @Override
    public Optional<String> recall() {
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a name behind. */
    @Override
    public void remember(String havenId) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.writeString(temporary, havenId + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not remember the selected haven in {}: {}", file, e.getMessage());
        }
    }
}
