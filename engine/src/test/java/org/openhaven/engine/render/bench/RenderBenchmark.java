package org.openhaven.engine.render.bench;

import java.util.Arrays;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.render.RenderedBundle;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.render.TestSpecs;
import org.openhaven.engine.secrets.InMemorySecretStore;

/**
 * How long rendering the full catalog takes once warm (the budget is 200 ms). Not a test: run by hand, see
 * docs/performance/catalog.md for the command. The vault is filled by the first render, as on a real machine,
 * so the measured renders reuse secrets (including Vaultwarden's Argon2 hash) the way every later render does.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long loadStart = System.nanoTime();
        Catalog catalog = Catalog.builtIn();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        StackRenderer renderer = new StackRenderer(catalog);
        InMemorySecretStore vault = new InMemorySecretStore();
        long firstStart = System.nanoTime();
        renderer.render(TestSpecs.full(), vault);
        double firstMs = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < warmup; i++) {
            renderer.render(TestSpecs.full(), vault);
        }
        double[] millis = new double[runs];
        int files = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            RenderedBundle bundle = renderer.render(TestSpecs.full(), vault);
            millis[i] = (System.nanoTime() - start) / 1e6;
            files = bundle.files().size();
        }
        Arrays.sort(millis);
        System.out.printf("catalog load (cold): %.1f ms%n", loadMs);
        System.out.printf("first render (cold, generates secrets incl. Argon2): %.1f ms%n", firstMs);
        System.out.printf("full catalog render, warm, %d runs after %d warm-up: median %.2f ms, p95 %.2f ms, max %.2f ms"
                + " (%d files)%n", runs, warmup, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1], files);
    }
}
