package org.openhaven.engine.state;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recorded state of one haven: the resources it owns and the step journal. Immutable; every change makes
 * a new value with the next {@code revision}, which lets {@code apply} refuse a plan made against an older state.
 */
public record HavenState(int formatVersion, String haven, long revision,
                         Map<String, ResourceRecord> resources, Map<String, JournalEntry> journal) {

    public static final int FORMAT_VERSION = 1;

    public HavenState {
        resources = Collections.unmodifiableMap(new TreeMap<>(resources == null ? Map.of() : resources));
        journal = Collections.unmodifiableMap(new TreeMap<>(journal == null ? Map.of() : journal));
    }

    public static HavenState empty(String haven) {
        return new HavenState(FORMAT_VERSION, haven, 0, Map.of(), Map.of());
    }

    public Optional<ResourceRecord> resource(String key) {
        return Optional.ofNullable(resources.get(key));
    }

    public Optional<JournalEntry> journalEntry(String stepId) {
        return Optional.ofNullable(journal.get(stepId));
    }

    public HavenState withResource(ResourceRecord record) {
        Map<String, ResourceRecord> copy = new TreeMap<>(resources);
        copy.put(record.key(), record);
        return new HavenState(formatVersion, haven, revision + 1, copy, journal);
    }

    public HavenState withoutResource(String key) {
        Map<String, ResourceRecord> copy = new TreeMap<>(resources);
        copy.remove(key);
        return new HavenState(formatVersion, haven, revision + 1, copy, journal);
    }

    public HavenState withJournal(JournalEntry entry) {
        Map<String, JournalEntry> copy = new TreeMap<>(journal);
        copy.put(entry.stepId(), entry);
        return new HavenState(formatVersion, haven, revision + 1, resources, copy);
    }

    /** Forgets the journal (after destroy), keeping the revision counting up. */
    public HavenState withEmptyJournal() {
        return new HavenState(formatVersion, haven, revision + 1, resources, Map.of());
    }
}
