package org.openhaven.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.JournalEntry;
import org.openhaven.engine.state.StateFile;

class ApplierTest {

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

    private Applier applier(int parallelism) {
        return new Applier(time, time, () -> 0.0, new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(60)),
                parallelism);
    }

    private StateFile state() {
        return new StateFile(dir.resolve("state.json"), "test");
    }

    private static Step step(String id, Function<StepContext, StepOutcome> body, String... deps) {
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return "Step " + id;
            }

            @Override
            public Set<String> dependsOn() {
                return Set.of(deps);
            }

            @Override
            public StepOutcome run(StepContext context) {
                return body.apply(context);
            }
        };
    }

    @Test
    void stepsRunAfterTheirDependencies() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Step> steps = List.of(
                step("c", c -> record(order, "c"), "a", "b"),
                step("a", c -> record(order, "a")),
                step("b", c -> record(order, "b"), "a"));

        RunResult result = applier(4).run(steps, state(), events::add, CancellationToken.none());

        assertThat(result.outcome()).isEqualTo(ProgressEvent.Outcome.SUCCEEDED);
        assertThat(order).containsExactly("a", "b", "c");
        assertThat(result.stepsRun()).isEqualTo(3);
        assertThat(events.get(0)).isInstanceOf(ProgressEvent.RunStarted.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ProgressEvent.RunFinished.class);
    }

    @Test
    void independentStepsRunInParallel() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Function<StepContext, StepOutcome> meet = c -> {
            bothRunning.countDown();
            try {
                // only succeeds if the other step runs at the same time
                return bothRunning.await(10, TimeUnit.SECONDS) ? StepOutcome.changed("met") : StepOutcome.unchanged("alone");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        RunResult result = new Applier(time, time, () -> 0.0, RetryPolicy.NONE, 2)
                .run(List.of(step("x", meet), step("y", meet)), state(), events::add, CancellationToken.none());
        assertThat(result.stepsChanged()).isEqualTo(2);
    }

    @Test
    void theIntentIsJournaledBeforeTheSideEffectAndTheResultAfter() {
        StateFile state = state();
        List<JournalEntry.Status> seenDuringRun = new ArrayList<>();
        Step observed = step("observed", c -> {
            seenDuringRun.add(new StateFile(dir.resolve("state.json"), "test").read()
                    .journalEntry("observed").orElseThrow().status());
            return StepOutcome.changed("did it");
        });

        applier(1).run(List.of(observed), state, events::add, CancellationToken.none());

        assertThat(seenDuringRun).containsExactly(JournalEntry.Status.STARTED);
        JournalEntry after = new StateFile(dir.resolve("state.json"), "test").read().journalEntry("observed").orElseThrow();
        assertThat(after.status()).isEqualTo(JournalEntry.Status.DONE);
        assertThat(after.summary()).isEqualTo("did it");
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenSucceed() {
        AtomicInteger attempts = new AtomicInteger();
        Step flaky = step("flaky", c -> {
            if (attempts.incrementAndGet() < 3) {
                throw OpenHavenException.of(ErrorCategory.NETWORK, "connection reset").build();
            }
            return StepOutcome.changed("ok");
        });

        RunResult result = applier(1).run(List.of(flaky), state(), events::add, CancellationToken.none());

        assertThat(result.succeeded()).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(events).filteredOn(ProgressEvent.LogLine.class::isInstance).hasSize(2);
    }

    @Test
    void throttlingHonoursRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();
        Step throttled = step("throttled", c -> {
            if (attempts.incrementAndGet() == 1) {
                throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "429").retryAfter(Duration.ofSeconds(37)).build();
            }
            return StepOutcome.changed("ok");
        });

        applier(1).run(List.of(throttled), state(), events::add, CancellationToken.none());

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(37));
        assertThat(events).filteredOn(ProgressEvent.LogLine.class::isInstance)
                .extracting(e -> ((ProgressEvent.LogLine) e).line())
                .containsExactly("Attempt 1 of 4 failed (the provider asked us to slow down); trying again in 37 s.");
    }

    @Test
    void retriesStopAtTheBoundAndTheFailureCarriesItsRemedy() {
        AtomicInteger attempts = new AtomicInteger();
        Step down = step("down", c -> {
            attempts.incrementAndGet();
            throw OpenHavenException.of(ErrorCategory.NETWORK, "The API is unreachable.").remedy("Check your connection.").build();
        });
        AtomicInteger dependentRuns = new AtomicInteger();
        Step after = step("after", c -> {
            dependentRuns.incrementAndGet();
            return StepOutcome.changed("");
        }, "down");

        RunResult result = applier(1).run(List.of(down, after), state(), events::add, CancellationToken.none());

        assertThat(attempts).hasValue(4);
        assertThat(dependentRuns).hasValue(0);
        assertThat(result.outcome()).isEqualTo(ProgressEvent.Outcome.FAILED);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.userMessage()).isEqualTo("The API is unreachable.");
            assertThat(f.remedy()).isEqualTo("Check your connection.");
        });
    }

    @Test
    void authFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Step rejected = step("rejected", c -> {
            attempts.incrementAndGet();
            throw OpenHavenException.of(ErrorCategory.AUTH, "401").build();
        });
        applier(1).run(List.of(rejected), state(), events::add, CancellationToken.none());
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aResumedRunSkipsStepsTheJournalRecordsAsDone() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<Step> steps = List.of(
                step("first", c -> {
                    runs.incrementAndGet();
                    return StepOutcome.changed("created");
                }),
                step("second", c -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "boom").build();
                    }
                    return StepOutcome.changed("ok");
                }, "first"));
        assertThat(applier(1).run(steps, state(), events::add, CancellationToken.none()).succeeded()).isFalse();

        RunResult resumed = applier(1).run(steps, state(), events::add, CancellationToken.none());

        assertThat(resumed.succeeded()).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(resumed.stepsChanged()).isEqualTo(1);
    }

    @Test
    void cancellationBetweenStepsEndsTheRunAsCancelled() {
        CancellationToken token = new CancellationToken();
        AtomicInteger secondRan = new AtomicInteger();
        List<Step> steps = List.of(
                step("first", c -> {
                    token.cancel();
                    return StepOutcome.changed("done");
                }),
                step("second", c -> {
                    secondRan.incrementAndGet();
                    return StepOutcome.changed("");
                }, "first"));

        RunResult result = applier(1).run(steps, state(), events::add, token);

        assertThat(result.outcome()).isEqualTo(ProgressEvent.Outcome.CANCELLED);
        assertThat(secondRan).hasValue(0);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ProgressEvent.RunFinished.class,
                f -> assertThat(f.outcome()).isEqualTo(ProgressEvent.Outcome.CANCELLED));
    }

    @Test
    void cancellationInsideAStepWaitEndsTheRunAsCancelled() {
        CancellationToken token = new CancellationToken();
        Step waiting = step("waiting", c -> c.waitFor("the server", Duration.ofMinutes(5), Duration.ofSeconds(1), () -> {
            token.cancel();
            return java.util.Optional.empty();
        }));
        RunResult result = applier(1).run(List.of(waiting), state(), events::add, token);
        assertThat(result.outcome()).isEqualTo(ProgressEvent.Outcome.CANCELLED);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void aBugInAStepBecomesAFailureWithAnApologyNotACrash() {
        Step buggy = step("buggy", c -> {
            throw new NullPointerException("oops");
        });
        RunResult result = applier(1).run(List.of(buggy), state(), events::add, CancellationToken.none());
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(ErrorCategory.INTERNAL);
            assertThat(f.userMessage()).isEqualTo("A step failed unexpectedly.");
        });
    }

    private static StepOutcome record(List<String> order, String id) {
        order.add(id);
        return StepOutcome.changed(id);
    }
}
