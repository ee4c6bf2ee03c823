package org.openhaven.engine.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.ResourceRecord;
import org.openhaven.engine.state.StateFile;

/** What a running step may use: the state (written atomically), progress output, cancellation and waiting. */
public final class StepContext {

    private final String stepId;
    private final StateFile state;
    private final ProgressListener listener;
    private final CancellationToken cancellation;
    private final Clock clock;
    private final Waiter waiter;

    StepContext(String stepId, StateFile state, ProgressListener listener, CancellationToken cancellation,
                Clock clock, Sleeper sleeper) {
        this.stepId = stepId;
        this.state = state;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
        this.waiter = new Waiter(clock, sleeper);
    }

    public String stepId() {
        return stepId;
    }

    public HavenState state() {
        return state.read();
    }

    public Optional<ResourceRecord> resource(String key) {
        return state.read().resource(key);
    }

    /** Records a resource right after the provider confirmed it, so a crash cannot lose its id. */
    public void record(ResourceRecord record) {
        state.update(s -> s.withResource(record));
    }

    /** Records the server's SSH host key as pinned, in the state's {@code server} section. */
    public void recordHostKey(org.openhaven.engine.state.ServerHostKey hostKey) {
        state.update(s -> s.withServer(hostKey));
    }

    /** Forgets a resource the provider confirmed deleted. */
    public void forget(String key) {
        state.update(s -> s.withoutResource(key));
    }

    public void log(String line) {
        listener.onEvent(new ProgressEvent.LogLine(clock.instant(), stepId, line));
    }

    public void progress(double fraction) {
        listener.onEvent(new ProgressEvent.StepProgress(clock.instant(), stepId, Math.max(0, Math.min(1, fraction))));
    }

    public CancellationToken cancellation() {
        return cancellation;
    }

    public Clock clock() {
        return clock;
    }

    /** Polls {@code probe} until it yields a value or the budget runs out, naming {@code waitingFor} on timeout. */
    public <T> T waitFor(String waitingFor, Duration budget, Duration firstPoll, Supplier<Optional<T>> probe) {
        return waiter.until(waitingFor, budget, firstPoll, cancellation, probe);
    }
}
