package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.OpenHavenException;

class BackupStatusParserTest {

    // The shape openhaven-backup writes, with the summary line restic 0.14 prints for `backup --json`.
    private static final String SUCCESS = """
            {"result":"success","startedAt":"2026-11-24T03:30:02Z","finishedAt":"2026-11-24T03:31:10Z","error":null,\
            "lastSuccess":{"startedAt":"2026-11-24T03:30:02Z","finishedAt":"2026-11-24T03:31:09Z","tag":"scheduled",\
            "summary":{"message_type":"summary","files_new":3,"files_changed":0,"files_unmodified":0,"dirs_new":2,\
            "dirs_changed":0,"dirs_unmodified":0,"data_blobs":3,"tree_blobs":3,"data_added":1048,\
            "total_files_processed":3,"total_bytes_processed":5242880,"total_duration":61.25,\
            "snapshot_id":"4f1c2a9b"}}}
            """;

    @Test
    void successfulRunCarriesSnapshotSizeAndDuration() {
        BackupStatus status = BackupStatusParser.parse(SUCCESS).orElseThrow();

        assertThat(status.lastRunSucceeded()).isTrue();
        assertThat(status.error()).isEmpty();
        BackupStatus.Snapshot last = status.lastSuccess().orElseThrow();
        assertThat(last.snapshotId()).isEqualTo("4f1c2a9b");
        assertThat(last.tag()).isEqualTo("scheduled");
        assertThat(last.finishedAt()).isEqualTo(Instant.parse("2026-11-24T03:31:09Z"));
        assertThat(last.bytesProcessed()).isEqualTo(5242880);
        assertThat(last.bytesAdded()).isEqualTo(1048);
        assertThat(last.duration()).isEqualTo(Duration.ofMillis(61250));
    }

    @Test
    void failedRunKeepsTheErrorAndAnEarlierSuccess() {
        String failed = SUCCESS.replace("\"result\":\"success\"", "\"result\":\"failed\"")
                .replace("\"error\":null", "\"error\":\"restic backup failed with exit code 1\"");
        BackupStatus status = BackupStatusParser.parse(failed).orElseThrow();

        assertThat(status.lastRunSucceeded()).isFalse();
        assertThat(status.error()).contains("restic backup failed with exit code 1");
        assertThat(status.lastSuccess()).isPresent();
    }

    @Test
    void firstRunFailingHasNoLastSuccess() {
        String json = "{\"result\":\"failed\",\"startedAt\":\"2026-11-24T03:30:02Z\","
                + "\"finishedAt\":\"2026-11-24T03:30:05Z\",\"error\":\"x\",\"lastSuccess\":null}";
        assertThat(BackupStatusParser.parse(json).orElseThrow().lastSuccess()).isEmpty();
    }

    @Test
    void emptyFileMeansNoRunYet() {
        assertThat(BackupStatusParser.parse("")).isEmpty();
    }

    @Test
    void damagedFileIsReportedWithARemedy() {
        assertThatThrownBy(() -> BackupStatusParser.parse("{\"result\":"))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void snapshotIdComesFromTheLastLineOfARun() {
        String output = "{\"message_type\":\"status\",\"percent_done\":1}\n"
                + "{\"message_type\":\"summary\",\"snapshot_id\":\"9e8d7c6b\"}\n";
        assertThat(BackupStatusParser.snapshotIdFromRunOutput(output)).contains("9e8d7c6b");
        assertThat(BackupStatusParser.snapshotIdFromRunOutput("not json")).isEmpty();
    }
}
