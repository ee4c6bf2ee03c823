package org.openhaven.engine.haven;

import java.util.List;
import java.util.Optional;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.JournalEntry;

/**
 * What {@code openhaven status} shows: the recorded resources checked against the providers, the last run's
 * journal, who holds the lock. Looking never changes state.
 *
 * @param problems why some presence is UNKNOWN (message and remedy), empty when all providers answered
 */
public record HavenStatus(String haven, long revision, List<ResourceStatus> resources, List<JournalEntry> journal,
                          Optional<HavenLock.Holder> lockHolder, List<String> problems) {

    public HavenStatus {
        resources = List.copyOf(resources);
        journal = List.copyOf(journal);
        problems = List.copyOf(problems);
    }
}
