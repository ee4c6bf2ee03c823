package org.openhaven.engine.providers.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.cloud.aws.AwsProviderFactory;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanProviderFactory;
import org.openhaven.engine.cloud.hetzner.HetznerProviderFactory;
import org.openhaven.engine.dns.cloudflare.CloudflareProviderFactory;
import org.openhaven.engine.dns.route53.Route53ProviderFactory;
import org.openhaven.engine.haven.DestroyReport;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.http.Sleeper;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RetryPolicy;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.KillPoints;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * The child JVM of {@link ProviderCrashAndResumeIT}: one apply of a haven on the real cloud and DNS providers,
 * talking to the parent's stateful fakes through endpoint overrides. Exits 0 when it converged.
 *
 * <p>Arguments: home directory, host journal file, haven name, cloud provider id ({@code hetzner},
 * {@code digitalocean} or {@code aws}), its endpoint, DNS provider id ({@code cloudflare} or {@code route53}), its
 * endpoint.
 */
public final class ProviderCrashHarnessMain {

    private final Path home;
    private final FileBackedTestHost host;
    private final HavenSpec spec;

    ProviderCrashHarnessMain(List<String> args) {
        home = Path.of(args.get(0));
        host = new FileBackedTestHost(Path.of(args.get(1)));
        HavenSpec base = TestHavens.cloudSpec(args.get(2));
        String endpoint = args.get(4);
        ServerSpec server = switch (args.get(3)) {
            case "hetzner" -> new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, endpoint);
            case "digitalocean" -> new ServerSpec("digitalocean", "fra1", "s-2vcpu-4gb", null, null, null, endpoint);
            default -> new ServerSpec("aws", "eu-central-1", "t3.medium", null, null, null, endpoint);
        };
        spec = new HavenSpec(base.name(), base.domain(), base.owner(), server, new DnsSpec(args.get(5), args.get(6)),
                base.tls(), base.services(), base.backup(), base.vpn(), base.mail());
    }

    public static void main(String[] args) {
        RunResult result = new ProviderCrashHarnessMain(List.of(args)).apply();
        System.exit(result.succeeded() ? 0 : 1);
    }

    RunResult apply() {
        return engine().apply(spec, vault(), null, event -> {
            if (event instanceof ProgressEvent.StepSucceeded done) {
                KillPoints.reached("step:done:" + done.stepId());
            } else if (event instanceof ProgressEvent.StepFailed failed) {
                System.err.println("step " + failed.stepId() + " failed: " + failed.userMessage());
            }
        }, CancellationToken.none(), "provider crash harness");
    }

    /** {@code openhaven destroy} of the same haven, run by the parent in its own JVM (nothing is killed there). */
    DestroyReport destroy() {
        return engine().destroy(spec, vault(), false, event -> {
        }, "provider crash harness destroy");
    }

    private HavenEngine engine() {
        // The fakes answer at once: poll briskly so the harness's time goes into crashing, not waiting.
        Polling polling = new Polling(Clock.systemUTC(), Sleeper.REAL, Duration.ofMillis(100), Duration.ofMillis(500));
        ProviderEnvironment environment = new ProviderEnvironment(Map.of(), polling);
        ProviderRegistry registry = new ProviderRegistry(List.of(new HetznerProviderFactory(environment),
                new DigitalOceanProviderFactory(environment), new AwsProviderFactory(environment)),
                List.of(new CloudflareProviderFactory(environment), new Route53ProviderFactory(environment)));
        Applier applier = new Applier(Clock.systemUTC(), (d, c) -> c.throwIfCancelled(), () -> 0.5,
                RetryPolicy.DEFAULT, 4);
        return new HavenEngine(new HavenStore(home), registry, host.components(), applier, Clock.systemUTC());
    }

    private Vault vault() {
        Vault vault = engine().openVault(spec.havenId(), Secret.of("crash-test-passphrase"));
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("hetzner-crash-token"));
        vault.put(ProviderEnvironment.DIGITALOCEAN_TOKEN, Secret.of("digitalocean-crash-token"));
        vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("cloudflare-crash-token"));
        vault.put(ProviderEnvironment.AWS_ACCESS_KEY_ID, Secret.of("AKIACRASHTEST"));
        vault.put(ProviderEnvironment.AWS_SECRET_ACCESS_KEY, Secret.of("aws-crash-secret"));
        vault.put(ProviderEnvironment.ROUTE53_ACCESS_KEY_ID, Secret.of("AKIACRASHTEST"));
        vault.put(ProviderEnvironment.ROUTE53_SECRET_ACCESS_KEY, Secret.of("aws-crash-secret"));
        return vault;
    }
}
