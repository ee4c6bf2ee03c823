package org.openhaven.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * {@code state.json} of one haven. Every {@link #update} is written atomically before it returns, so the
 * journal on disk is never behind the side effects it describes. Thread-safe within a process; across
 * processes the haven lock keeps writers apart.
 */
public final class StateFile {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final String haven;
    private HavenState current;

    public StateFile(Path file, String haven) {
        this.file = file;
        this.haven = haven;
    }

    public Path path() {
        return file;
    }

    /** The state as last written (read from disk on first use). */
    public synchronized HavenState read() {
        if (current == null) {
            current = load();
        }
        return current;
    }

    /** Applies {@code change} and writes the result atomically; returns the new state. */
    public synchronized HavenState update(UnaryOperator<HavenState> change) {
        HavenState next = change.apply(read());
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(next));
        } catch (JsonProcessingException e) {
            throw OpenHavenException.internal("Could not encode the haven's state.", e);
        }
        current = next;
        return next;
    }

    private HavenState load() {
        try {
            HavenState state = JSON.readValue(Files.readAllBytes(file), HavenState.class);
            if (state.formatVersion() > HavenState.FORMAT_VERSION) {
                throw OpenHavenException.config(file + " was written by a newer OpenHaven.",
                        "Update OpenHaven to the latest version.");
            }
            return state;
        } catch (NoSuchFileException e) {
            return HavenState.empty(haven);
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The haven's state file " + file + " is damaged.")
                    .remedy("Restore it from a backup, or move it aside and run 'openhaven apply' to rebuild "
                            + "it from the resources labelled openhaven=" + haven + ".")
                    .cause(e).build();
        }
    }
}
