package org.openhaven.engine.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Parses {@code restic snapshots --json}: oldest first, as restic prints them. */
public final class SnapshotList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotList() {
    }

    public static List<RepositorySnapshot> parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<RepositorySnapshot> snapshots = new ArrayList<>();
            for (JsonNode node : root) {
                snapshots.add(new RepositorySnapshot(
                        node.path("id").asText(),
                        node.path("short_id").asText(),
                        // restic prints local time with an offset and nanoseconds.
                        OffsetDateTime.parse(node.path("time").asText()).toInstant(),
                        node.path("hostname").asText(),
                        strings(node.path("tags")),
                        strings(node.path("paths"))));
            }
            snapshots.sort(Comparator.comparing(RepositorySnapshot::time));
            return List.copyOf(snapshots);
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, "restic listed the snapshots in a form "
                            + "OpenHaven does not understand.")
                    .remedy("Check that the server runs restic 0.14 or newer ('restic version').")
                    .cause(e)
                    .build();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
