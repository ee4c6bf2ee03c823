package org.openhaven.engine.plan;

import java.util.List;

/** How an apply ended, with the failures (message and remedy) of the steps that failed. */
public record RunResult(ProgressEvent.Outcome outcome, int stepsRun, int stepsChanged,
                        List<ProgressEvent.StepFailed> failures) {

    public RunResult {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return outcome == ProgressEvent.Outcome.SUCCEEDED;
    }
}
