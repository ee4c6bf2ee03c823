package org.openhaven.engine.providers.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanProviderFactory;
import org.openhaven.engine.cloud.hetzner.HetznerProviderFactory;
import org.openhaven.engine.dns.cloudflare.CloudflareProviderFactory;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.http.Polling;
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
 * The child JVM of {@link ProviderCrashAndResumeIT}: one apply of a haven on the real Hetzner and Cloudflare
 * providers, talking to the parent's stateful fake through endpoint overrides. Exits 0 when it converged.
 *
 * <p>Arguments: home directory, host journal file, haven name, cloud provider id ({@code hetzner} or
 * {@code digitalocean}), its endpoint, the Cloudflare endpoint.
 */
public final class ProviderCrashHarnessMain {

    private ProviderCrashHarnessMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        FileBackedTestHost host = new FileBackedTestHost(Path.of(args[1]));
        HavenSpec base = TestHavens.cloudSpec(args[2]);
        HavenSpec spec = new HavenSpec(base.name(), base.domain(), base.owner(),
                "hetzner".equals(args[3]) ? new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, args[4])
                        : new ServerSpec("digitalocean", "fra1", "s-2vcpu-4gb", null, null, null, args[4]),
                new DnsSpec("cloudflare", args[5]), base.tls(), base.services(), base.backup(), base.vpn(),
                base.mail());
        ProviderEnvironment environment = new ProviderEnvironment(Map.of(), Polling.standard());
        ProviderRegistry registry = new ProviderRegistry(List.of(new HetznerProviderFactory(environment),
                new DigitalOceanProviderFactory(environment)), List.of(new CloudflareProviderFactory(environment)));
        Applier applier = new Applier(Clock.systemUTC(), (d, c) -> c.throwIfCancelled(), () -> 0.5,
                RetryPolicy.DEFAULT, 4);
        HavenEngine engine = new HavenEngine(new HavenStore(home), registry, host.components(), applier,
                Clock.systemUTC());
        Vault vault = engine.openVault(spec.havenId(), Secret.of("crash-test-passphrase"));
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("hetzner-crash-token"));
        vault.put(ProviderEnvironment.DIGITALOCEAN_TOKEN, Secret.of("digitalocean-crash-token"));
        vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("cloudflare-crash-token"));
        RunResult result = engine.apply(spec, vault, null, event -> {
            if (event instanceof ProgressEvent.StepSucceeded done) {
                KillPoints.reached("step:done:" + done.stepId());
            } else if (event instanceof ProgressEvent.StepFailed failed) {
                System.err.println("step " + failed.stepId() + " failed: " + failed.userMessage());
            }
        }, CancellationToken.none(), "provider crash harness");
        System.exit(result.succeeded() ? 0 : 1);
    }
}
