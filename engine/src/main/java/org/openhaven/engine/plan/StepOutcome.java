package org.openhaven.engine.plan;

/**
 * What a step did.
 *
 * @param changed false when everything was already as desired
 * @param summary one line for people ({@code "server family-server (id 4711) created"}); never secrets
 */
public record StepOutcome(boolean changed, String summary) {

    public static StepOutcome changed(String summary) {
        return new StepOutcome(true, summary);
    }

    public static StepOutcome unchanged(String summary) {
        return new StepOutcome(false, summary);
    }
}
