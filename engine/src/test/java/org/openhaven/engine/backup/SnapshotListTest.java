package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotListTest {

    // Two entries in the shape restic 0.14 prints for `snapshots --json`, newest first to prove the sort.
    private static final String JSON = """
            [{"time":"2026-11-24T03:30:05.123456789+01:00","tree":"aa","paths":["/opt/openhaven/backup/dumps",\
            "/opt/openhaven/data/gitea"],"hostname":"my-haven","username":"root","tags":["scheduled"],\
            "id":"4f1c2a9b00000000000000000000000000000000000000000000000000000001","short_id":"4f1c2a9b"},
             {"time":"2026-11-23T03:30:05+01:00","tree":"bb","paths":["/opt/openhaven/data/gitea"],\
            "hostname":"my-haven","username":"root",\
            "id":"1a2b3c4d00000000000000000000000000000000000000000000000000000002","short_id":"1a2b3c4d"}]
            """;

    @Test
    void snapshotsAreListedOldestFirstWithTagsAndPaths() {
        List<RepositorySnapshot> snapshots = SnapshotList.parse(JSON);

        assertThat(snapshots).extracting(RepositorySnapshot::shortId).containsExactly("1a2b3c4d", "4f1c2a9b");
        RepositorySnapshot newest = snapshots.get(1);
        assertThat(newest.time()).isEqualTo(Instant.parse("2026-11-24T02:30:05.123456789Z"));
        assertThat(newest.tags()).containsExactly("scheduled");
        assertThat(newest.paths()).contains("/opt/openhaven/data/gitea");
        assertThat(snapshots.get(0).tags()).isEmpty();
    }

    @Test
    void emptyRepositoryListsNothing() {
        assertThat(SnapshotList.parse("[]")).isEmpty();
    }
}
