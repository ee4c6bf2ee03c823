package org.openhaven.engine.state;

import java.time.Instant;

/**
 * What the step journal knows about one step: STARTED is written before its side effect (intent),
 * DONE or FAILED after it.
 *
 * @param fingerprint the step's inputs when it ran; a DONE step whose inputs changed runs again
 */
public record JournalEntry(String stepId, Status status, Instant at, String summary, String fingerprint) {

    public enum Status { STARTED, DONE, FAILED }
}
