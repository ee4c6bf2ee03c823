package org.openhaven.engine.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.JournalEntry;
import org.openhaven.engine.state.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a DAG of {@link Step}s: independent steps in parallel on a bounded pool, each journaled before and after
 * its side effect, retryable failures retried with jittered backoff, cancellation honoured between steps and
 * inside waits. After a failure no new step starts; running ones finish.
 */
public final class Applier {

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final RetryPolicy retryPolicy;
    private final int parallelism;

    public Applier(Clock clock, Sleeper sleeper, DoubleSupplier random, RetryPolicy retryPolicy, int parallelism) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.retryPolicy = retryPolicy;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Real time, the default retry policy and up to four steps at once. */
    public static Applier standard() {
        return new Applier(Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(),
                RetryPolicy.DEFAULT, 4);
    }

    /** Runs the steps against {@code state}, reporting to {@code listener}; returns how the run ended. */
    public RunResult run(List<Step> steps, StateFile state, ProgressListener listener, CancellationToken cancellation) {
        Map<String, Step> byId = index(steps);
        Map<String, String> titles = new LinkedHashMap<>();
        steps.forEach(s -> titles.put(s.id(), s.title()));
        listener.onEvent(new ProgressEvent.RunStarted(clock.instant(), titles));
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Step step : steps) {
            waitingOn.put(step.id(), step.dependsOn().size());
            for (String dep : step.dependsOn()) {
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(step.id());
            }
        }
        List<ProgressEvent.StepFailed> failures = new ArrayList<>();
        AtomicInteger run = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "openhaven-step");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<StepOutcome> completions = new ExecutorCompletionService<>(pool);
        Map<Future<StepOutcome>, Step> running = new HashMap<>();
        List<String> ready = new ArrayList<>(steps.stream().filter(s -> s.dependsOn().isEmpty()).map(Step::id).toList());
        boolean cancelledSeen = false;
        try {
            while (true) {
                if (failures.isEmpty() && !cancellation.isCancelled()) {
                    for (String id : ready) {
                        Step step = byId.get(id);
                        running.put(completions.submit(() -> execute(step, state, listener, cancellation)), step);
                    }
                }
                ready.clear();
                if (running.isEmpty()) {
                    break;
                }
                Future<StepOutcome> done = takeUninterruptibly(completions);
                Step step = running.remove(done);
                try {
                    StepOutcome outcome = completed(done);
                    run.incrementAndGet();
                    if (outcome.changed()) {
                        changed.incrementAndGet();
                    }
                    for (String next : dependents.getOrDefault(step.id(), List.of())) {
                        if (waitingOn.merge(next, -1, Integer::sum) == 0) {
                            ready.add(next);
                        }
                    }
                } catch (ExecutionException e) {
                    run.incrementAndGet();
                    OpenHavenException failure = asOpenHaven(e.getCause());
                    if (failure.category() == ErrorCategory.CANCELLED) {
                        cancelledSeen = true;
                    } else {
                        failures.add(reportFailure(step, failure, state, listener));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        boolean allDone = failures.isEmpty() && run.get() == steps.size() && !cancelledSeen;
        ProgressEvent.Outcome outcome = allDone ? ProgressEvent.Outcome.SUCCEEDED
                : !failures.isEmpty() ? ProgressEvent.Outcome.FAILED : ProgressEvent.Outcome.CANCELLED;
        listener.onEvent(new ProgressEvent.RunFinished(clock.instant(), outcome, run.get(), changed.get()));
        return new RunResult(outcome, run.get(), changed.get(), failures);
    }

    private StepOutcome execute(Step step, StateFile state, ProgressListener listener, CancellationToken cancellation) {
        cancellation.throwIfCancelled();
        StepContext context = new StepContext(step.id(), state, listener, cancellation, clock, sleeper);
        listener.onEvent(new ProgressEvent.StepStarted(clock.instant(), step.id(), step.title()));
        Optional<JournalEntry> journaled = state.read().journalEntry(step.id());
        if (journaled.isPresent() && journaled.get().status() == JournalEntry.Status.DONE
                && journaled.get().fingerprint().equals(step.fingerprint()) && step.stillDone(context)) {
            StepOutcome skipped = StepOutcome.unchanged("already done: " + journaled.get().summary());
            listener.onEvent(new ProgressEvent.StepSucceeded(clock.instant(), step.id(), false, skipped.summary()));
            return skipped;
        }
        journal(state, step, JournalEntry.Status.STARTED, "");
        StepOutcome outcome = runWithRetries(step, context, cancellation);
        journal(state, step, JournalEntry.Status.DONE, outcome.summary());
        LOG.info("step {} done: {}", step.id(), outcome.summary());
        listener.onEvent(new ProgressEvent.StepSucceeded(clock.instant(), step.id(), outcome.changed(),
                outcome.summary()));
        return outcome;
    }

    private StepOutcome runWithRetries(Step step, StepContext context, CancellationToken cancellation) {
        for (int attempt = 1; ; attempt++) {
            cancellation.throwIfCancelled();
            try {
                return step.run(context);
            } catch (OpenHavenException e) {
                if (e.category() == ErrorCategory.CANCELLED || !retryPolicy.shouldRetry(attempt, e)) {
                    throw e;
                }
                java.time.Duration pause = retryPolicy.delay(attempt, e, random);
                String why = e.throttled() ? "the provider asked us to slow down" : e.userMessage();
                context.log("Attempt " + attempt + " of " + retryPolicy.maxAttempts() + " failed (" + why
                        + "); trying again in " + Deadline.human(pause.plusMillis(999)) + ".");
                LOG.info("step {} attempt {} failed, retrying in {} ms", step.id(), attempt, pause.toMillis(), e);
                sleeper.sleep(pause, cancellation);
            }
        }
    }

    private ProgressEvent.StepFailed reportFailure(Step step, OpenHavenException failure, StateFile state,
                                                   ProgressListener listener) {
        LOG.error("step {} failed: {}", step.id(), failure.userMessage(), failure);
        journal(state, step, JournalEntry.Status.FAILED, failure.userMessage());
        ProgressEvent.StepFailed event = new ProgressEvent.StepFailed(clock.instant(), step.id(), failure.category(),
                failure.userMessage(), failure.remedy(), failure.retryable());
        listener.onEvent(event);
        return event;
    }

    private void journal(StateFile state, Step step, JournalEntry.Status status, String summary) {
        state.update(s -> s.withJournal(new JournalEntry(step.id(), status, clock.instant(), summary,
                step.fingerprint())));
    }

    /** A step that threw something other than our exception has a bug: report it as internal, keep the trace. */
    private static OpenHavenException asOpenHaven(Throwable thrown) {
        if (thrown instanceof OpenHavenException e) {
            return e;
        }
        return OpenHavenException.internal("A step failed unexpectedly.", thrown);
    }

    /** The result of a future that is already complete, so waiting cannot be interrupted. */
    private static StepOutcome completed(Future<StepOutcome> done) throws ExecutionException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(CancellationToken.cancelledException());
        }
    }

    private static Future<StepOutcome> takeUninterruptibly(CompletionService<StepOutcome> completions) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return completions.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Step> index(List<Step> steps) {
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step step : steps) {
            if (byId.put(step.id(), step) != null) {
                throw OpenHavenException.internal("Two steps share the id " + step.id() + ".", null);
            }
        }
        for (Step step : steps) {
            for (String dep : step.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw OpenHavenException.internal("Step " + step.id() + " depends on unknown step " + dep + ".", null);
                }
            }
        }
        requireAcyclic(byId);
        return byId;
    }

    private static void requireAcyclic(Map<String, Step> byId) {
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, done, visiting);
        }
    }

    private static void visit(String id, Map<String, Step> byId, Set<String> done, Set<String> visiting) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw OpenHavenException.internal("The steps depend on each other in a cycle through " + id + ".", null);
        }
        for (String dep : byId.get(id).dependsOn()) {
            visit(dep, byId, done, visiting);
        }
        visiting.remove(id);
        done.add(id);
    }
}
