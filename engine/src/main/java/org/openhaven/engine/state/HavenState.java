package org.openhaven.engine.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recorded state of one haven: the resources it owns and the step journal. Immutable; every change makes
 * a new value with the next {@code revision}, which lets {@code apply} refuse a plan made against an older state.
 */
public record HavenState(int formatVersion, String haven, long revision,
                         Map<String, ResourceRecord> resources, Map<String, JournalEntry> journal,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ServerHostKey server) {

    public static final int FORMAT_VERSION = 1;

    public HavenState {
        resources = Collections.unmodifiableMap(new TreeMap<>(resources == null ? Map.of() : resources));
        journal = Collections.unmodifiableMap(new TreeMap<>(journal == null ? Map.of() : journal));
    }

    /** A state without a pinned host key (none met yet, or forgotten by destroy). */
    public HavenState(int formatVersion, String haven, long revision, Map<String, ResourceRecord> resources,
                      Map<String, JournalEntry> journal) {
        this(formatVersion, haven, revision, resources, journal, null);
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
        return new HavenState(formatVersion, haven, revision + 1, copy, journal, server);
    }

    public HavenState withoutResource(String key) {
        Map<String, ResourceRecord> copy = new TreeMap<>(resources);
        copy.remove(key);
        return new HavenState(formatVersion, haven, revision + 1, copy, journal, server);
    }

    public HavenState withJournal(JournalEntry entry) {
        Map<String, JournalEntry> copy = new TreeMap<>(journal);
        copy.put(entry.stepId(), entry);
        return new HavenState(formatVersion, haven, revision + 1, resources, copy, server);
    }

    /** Forgets the journal (after destroy), keeping the revision counting up. */
    public HavenState withEmptyJournal() {
        return new HavenState(formatVersion, haven, revision + 1, resources, Map.of(), server);
    }

    /** Records the server's pinned host key (the {@code server} section). */
    public HavenState withServer(ServerHostKey hostKey) {
        return new HavenState(formatVersion, haven, revision + 1, resources, journal, hostKey);
    }

    /** The pinned host key of the server at {@code host:port}, when this state recorded one. */
    public Optional<ServerHostKey> hostKeyOf(String host, int port) {
        return Optional.ofNullable(server).filter(k -> k.isFor(host, port));
    }
}
