package org.openhaven.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.plan.RetryPolicy;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.plan.Sleeper;
import org.openhaven.engine.plan.Step;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.StateFile;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * A hand-run benchmark (not part of {@code verify}): plan time for a spec with every catalog service, and the
 * applier's overhead per step (journal writes with fsync, events, scheduling) over 200 no-op steps.
 * Figures and the command are in docs/performance/engine.md.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("openhaven-bench");
        benchPlan(dir);
        benchApplier(dir, 200, 1);
        benchApplier(dir, 200, 4);
    }

    private static void benchPlan(Path dir) {
        Catalog catalog = new CatalogLoader().load(List.of());
        List<String> every = new ArrayList<>(catalog.selectableIds());
        HavenSpec spec = TestHavens.cloudSpec("bench", every);
        HavenEngine engine = TestHavens.engine(dir.resolve("home"),
                new FileBackedTestProvider(dir.resolve("provider.json")), new FileBackedTestHost(dir.resolve("host.log")));
        for (int i = 0; i < 200; i++) {
            engine.plan(spec); // warm-up
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            engine.plan(spec);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("plan, %d services (%d resources): median %.3f ms, p95 %.3f ms, max %.3f ms%n",
                every.size(), engine.plan(spec).changes().size(), nanos[100] / 1e6, nanos[190] / 1e6, nanos[199] / 1e6);
    }

    private static void benchApplier(Path dir, int count, int parallelism) throws Exception {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "noop-" + i;
            Set<String> deps = i == 0 ? Set.of() : Set.of("noop-" + (i - 1));
            steps.add(new Step() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String title() {
                    return id;
                }

                @Override
                public Set<String> dependsOn() {
                    return parallelism == 1 ? deps : Set.of();
                }

                @Override
                public StepOutcome run(StepContext context) {
                    return StepOutcome.unchanged("nothing");
                }
            });
        }
        Applier applier = new Applier(Clock.systemUTC(), Sleeper.SYSTEM, () -> 0.5, RetryPolicy.DEFAULT, parallelism);
        Path state = Files.createTempDirectory(dir, "state").resolve("state.json");
        long start = System.nanoTime();
        RunResult result = applier.run(steps, new StateFile(state, "bench"), ProgressListener.NONE,
                CancellationToken.none());
        long elapsed = System.nanoTime() - start;
        System.out.printf("applier, %d no-op steps (%s, %d thread(s)): %.1f ms total, %.2f ms per step, %s%n", count,
                parallelism == 1 ? "a chain" : "independent", parallelism, elapsed / 1e6, elapsed / 1e6 / count,
                result.outcome());
    }
}
