package org.openhaven.engine.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Reads the status file the backup script writes, and restic's summary line inside it. */
public final class BackupStatusParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupStatusParser() {
    }

    /** The status in {@code json}; an empty or missing file means no backup has run yet. */
    public static Optional<BackupStatus> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode error = root.path("error");
            return Optional.of(new BackupStatus(
                    "success".equals(root.path("result").asText()),
                    instant(root, "startedAt"),
                    instant(root, "finishedAt"),
                    error.isTextual() ? Optional.of(error.asText()) : Optional.empty(),
                    snapshot(root.path("lastSuccess"))));
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "The backup status file on the server is damaged.")
                    .remedy("Run 'openhaven backup now': a successful run rewrites it.")
                    .cause(e)
                    .build();
        }
    }

    /** The snapshot id from the summary line {@code openhaven-backup run} prints last. */
    public static Optional<String> snapshotIdFromRunOutput(String output) {
        String[] lines = output.strip().split("\n");
        try {
            JsonNode summary = JSON.readTree(lines[lines.length - 1]);
            JsonNode id = summary.path("snapshot_id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<BackupStatus.Snapshot> snapshot(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode summary = node.path("summary");
        return Optional.of(new BackupStatus.Snapshot(
                summary.path("snapshot_id").asText(),
                node.path("tag").asText(),
                instant(node, "finishedAt"),
                summary.path("total_bytes_processed").asLong(),
                summary.path("data_added").asLong(),
                Duration.ofMillis(Math.round(summary.path("total_duration").asDouble() * 1000))));
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return Instant.parse(value.asText());
    }
}
