package org.openhaven.engine.plan;

import java.util.Set;

/**
 * One idempotent unit of an apply: running it twice has the same result as running it once. The applier
 * journals its intent before {@link #run} and its result after, retries retryable failures, and skips it on a
 * resumed run when the journal says it is done, its {@link #fingerprint()} is unchanged and
 * {@link #stillDone} confirms.
 */
public interface Step {

    /** Stable id, used as the journal key ({@code ensure-server}). */
    String id();

    /** A short title for people ({@code "Create the server"}). */
    String title();

    /** Ids of the steps that must succeed first. */
    Set<String> dependsOn();

    /** The inputs that, when changed, make a done step run again (e.g. the bundle hash); never secrets. */
    default String fingerprint() {
        return "";
    }

    /** For a step the journal records as done: whether its effect still holds (its resource still exists). */
    default boolean stillDone(StepContext context) {
        return true;
    }

    StepOutcome run(StepContext context);
}
