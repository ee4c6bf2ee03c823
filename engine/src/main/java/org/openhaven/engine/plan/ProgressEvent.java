package org.openhaven.engine.plan;

import java.time.Instant;
import org.openhaven.engine.error.ErrorCategory;

/**
 * Progress is data. Steps emit these; the CLI renders them as progress bars or lines, the desktop binds
 * them to rows. Delivered to a {@link ProgressListener} passed in explicitly — there is no global bus.
 * Events never carry secret values.
 */
public sealed interface ProgressEvent {

    Instant at();

    /**
     * A run began; lists its steps (id → title) in a stable order, so a UI can show every row up front.
     */
    record RunStarted(Instant at, java.util.Map<String, String> steps) implements ProgressEvent {
        public RunStarted {
            steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
        }
    }

    /** A step began (or resumed after a crash). */
    record StepStarted(Instant at, String stepId, String title) implements ProgressEvent {
    }

    /** One line of output from a step: an API call summary or a line of remote command output. */
    record LogLine(Instant at, String stepId, String line) implements ProgressEvent {
    }

    /** How far a step has come, 0.0 to 1.0; only sent where the step really knows. */
    record StepProgress(Instant at, String stepId, double fraction) implements ProgressEvent {
    }

    /**
     * A step finished. {@code changed} is false when it found everything already as desired (a no-op on re-run).
     */
    record StepSucceeded(Instant at, String stepId, boolean changed, String summary) implements ProgressEvent {
    }

    /** A step failed for good (after its retries); message and remedy are for people. */
    record StepFailed(Instant at, String stepId, ErrorCategory category, String userMessage, String remedy,
                      boolean retryable) implements ProgressEvent {
    }

    /** The whole run ended. */
    record RunFinished(Instant at, Outcome outcome, int stepsRun, int stepsChanged) implements ProgressEvent {
    }

    enum Outcome { SUCCEEDED, FAILED, CANCELLED }
}
