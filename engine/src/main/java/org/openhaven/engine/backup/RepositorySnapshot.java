package org.openhaven.engine.backup;

import java.time.Instant;
import java.util.List;

/**
 * One snapshot in the repository, as {@code restic snapshots --json} lists it.
 *
 * @param id      the full id, accepted by {@code restore --snapshot}
 * @param shortId the 8-character id people read
 * @param tags    why it was taken ({@code scheduled}, {@code pre-deploy}, {@code manual})
 */
public record RepositorySnapshot(String id, String shortId, Instant time, String host, List<String> tags,
                                 List<String> paths) {

    public RepositorySnapshot {
        tags = List.copyOf(tags);
        paths = List.copyOf(paths);
    }
}
