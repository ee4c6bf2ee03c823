package org.openhaven.engine.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.deploy.DeployResult;
import org.openhaven.engine.deploy.Deployer;
import org.openhaven.engine.deploy.ReleaseBundle;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.host.BootstrapOptions;
import org.openhaven.engine.host.HostBootstrap;
import org.openhaven.engine.remote.CountingExecutor;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.BaseOpenings;
import org.openhaven.engine.testsupport.DockerEngine;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.StandInServices;

/**
 * Not a test: counts SSH round trips and bytes uploaded for a full deploy of a stand-in core stack after bootstrap,
 * and times upload start → all healthy, on the lab host. Run by hand (root, Linux); see docs/performance/remote.md.
 */
public final class RemoteDeployBenchmark {

    /** Stand-ins named after the core stack; each is busybox httpd with a health check, not the real image. */
    private static final List<String> CORE = List.of("traefik", "keycloak", "postgres", "vaultwarden", "gitea",
            "nextcloud", "redis");

    private RemoteDeployBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        LabHost lab = LabHost.fresh();
        try {
            SecretGenerators.SshKeyPair key = new SecretGenerators().ed25519("bench");
            String pin;
            try (SshConnection root = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                    Duration.ofSeconds(20))) {
                pin = root.hostKeyFingerprint();
                new HostBootstrap(new BootstrapOptions("openhaven", key.publicKeyLine(),
                        BaseOpenings.WEB_AND_WIREGUARD, false))
                        .run(new SshExecutor(root), OutputConsumer.IGNORE);
            }
            for (int run = 1; run <= runs; run++) {
                try (SshConnection admin = SshConnection.open(lab.target("openhaven"), key.privateKeyPem(), pin,
                        Duration.ofSeconds(20))) {
                    CountingExecutor counting = new CountingExecutor(new SshExecutor(admin));
                    long start = System.nanoTime();
                    DeployResult result = new Deployer(counting, ServerLayout.DEFAULT)
                            .deploy(bundle("bench" + run), "bench@lab", OutputConsumer.IGNORE);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf("run %d: release %s uploaded=%s round trips=%d bytes uploaded=%d "
                                    + "deploy (lock, upload, up, all healthy, post-deploy, unlock)=%d ms%n", run, result.release(), result.uploaded(),
                            counting.roundTrips(), counting.bytesSent(), millis);
                }
            }
        } finally {
            lab.remove();
            DockerEngine.shared().stop();
        }
    }

    private static ReleaseBundle bundle(String hash) {
        StringBuilder compose = new StringBuilder("services:\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ReleaseBundle.ServiceCheck> checks = new ArrayList<>();
        for (String service : CORE) {
            compose.append(StandInServices.service(service, service, 80));
            files.put("www/" + service + "/index.html", ("stand-in " + service + " " + hash + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            checks.add(new ReleaseBundle.ServiceCheck(service, Duration.ofSeconds(120)));
        }
        files.put("compose.yaml", compose.toString().getBytes(StandardCharsets.UTF_8));
        files.put(".env", "STANDIN=1\n".getBytes(StandardCharsets.UTF_8));
        return new ReleaseBundle(hash, files, checks,
                List.of(RemoteCommand.of("stand-in post-deploy step", "true")));
    }
}
