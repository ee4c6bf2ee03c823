package org.openhaven.engine.deploy;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.LockCommands;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a {@link ReleaseBundle}: lock, upload (skipped when the release is already complete on the server),
 * atomic switch of {@code current}, pull, up, health wait, post-deploy commands, pruning to the last five
 * releases, unlock. When a service misses its health deadline the previous release is linked and started again
 * and the failure names the service with its last log lines. Re-running a deploy converges.
 */
public final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);
    private static final int LOG_LINES = 20;
    /** How long the previous release may take to be healthy again; it was healthy before, so this is generous. */
    private static final java.time.Duration ROLLBACK_DEADLINE = java.time.Duration.ofMinutes(3);

    private final RemoteExecutor executor;
    private final ServerLayout layout;

    public Deployer(RemoteExecutor executor, ServerLayout layout) {
        this.executor = executor;
        this.layout = layout;
    }

    /**
     * @param holder who deploys, for the lock ({@code user@machine}); never a secret
     * @throws OpenHavenException LOCKED when another deploy holds the server's lock; REMOTE_COMMAND when the
     *                            release failed (after rolling back)
     */
    public DeployResult deploy(ReleaseBundle bundle, String holder, OutputConsumer output) {
        String lockInfo = "holder=" + holder + " since=" + java.time.Instant.now() + " release=" + bundle.hash();
        ExecResult prepared = executor.run(DeployScripts.prepare(layout, bundle.hash(), lockInfo), output);
        if (prepared.exitCode() == LockCommands.HELD) {
            throw OpenHavenException.of(ErrorCategory.LOCKED,
                            "Another deploy is running on this server (" + prepared.stdout().strip() + ").")
                    .remedy("Wait for it to finish. If it was interrupted and nothing runs any more, remove "
                            + layout.deployLock() + " on the server and deploy again.")
                    .build();
        }
        if (!prepared.succeeded()) {
            throw failed("prepare the deploy", prepared);
        }
        Map<String, String> facts = facts(prepared.stdout());
        try {
            ComposeCommands.Flavor flavor = ComposeCommands.parseDetected(
                    facts.getOrDefault("compose", "").replace("none", "")).orElseThrow(Deployer::noCompose);
            ComposeCommands compose = new ComposeCommands(flavor, layout.current(), ServerLayout.PROJECT);
            String previous = facts.getOrDefault("previous", "");
            boolean upload = !"present".equals(facts.get("release"));
            if (upload) {
                byte[] tar = TarStream.of(bundle.files(), secretModes(bundle));
                executor.runChecked(DeployScripts.upload(layout, bundle.hash()), new ByteArrayInputStream(tar),
                        output);
            }
            Optional<String> failure = startAndWait(bundle, compose, output);
            if (failure.isPresent()) {
                throw rollBack(bundle, compose, previous, failure.get(), output);
            }
            executor.runChecked(DeployScripts.finish(layout, bundle.hash(), bundle.postDeploy()), output);
            LOG.info("release {} is live (previous {})", bundle.hash(), previous.isEmpty() ? "none" : previous);
            return new DeployResult(bundle.hash(), previous, upload, flavor);
        } catch (OpenHavenException e) {
            executor.run(LockCommands.release(layout.deployLock()), OutputConsumer.IGNORE);
            throw e;
        }
    }

    /** Starts the release; returns the failure line ("unhealthy svc state", or a start error) when it did not come up. */
    private Optional<String> startAndWait(ReleaseBundle bundle, ComposeCommands compose, OutputConsumer output) {
        ExecResult started = executor.run(DeployScripts.start(layout, compose, bundle.hash(), bundle.firewall()), output);
        if (!started.succeeded()) {
            return Optional.of("start " + started.tail(LOG_LINES));
        }
        ExecResult waited = executor.run(DeployScripts.waitHealthy(bundle.services()), output);
        if (waited.succeeded()) {
            return Optional.empty();
        }
        return waited.stdout().lines().filter(l -> l.startsWith("unhealthy ")).findFirst()
                .or(() -> Optional.of("start " + waited.tail(LOG_LINES)));
    }

    private OpenHavenException rollBack(ReleaseBundle bundle, ComposeCommands compose, String previous,
            String failure, OutputConsumer output) {
        String what;
        String logs = "";
        if (failure.startsWith("unhealthy ")) {
            String[] parts = failure.split(" ", 3);
            String service = parts[1];
            String state = parts.length > 2 ? parts[2] : "unknown";
            long seconds = bundle.services().stream().filter(s -> s.service().equals(service)).findFirst()
                    .map(s -> s.deadline().toSeconds()).orElse(0L);
            what = "the service '" + service + "' did not become healthy within " + seconds + " s (last state: "
                    + state + ")";
            logs = executor.run(compose.logs(service, LOG_LINES), OutputConsumer.IGNORE).stdout().strip();
        } else {
            what = "the stack did not start:\n" + failure.substring("start ".length());
        }
        String outcome;
        if (previous.isEmpty() || previous.equals(bundle.hash())) {
            outcome = "There is no earlier release to go back to; the stack was left as it is for inspection.";
        } else {
            ExecResult back = executor.run(DeployScripts.rollback(layout, compose, previous, ROLLBACK_DEADLINE), output);
            outcome = back.succeeded()
                    ? "The previous release " + previous + " is serving again."
                    : "Going back to the previous release " + previous + " failed too:\n" + back.tail(10);
        }
        LOG.warn("release {} failed: {}", bundle.hash(), what);
        return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "The new release " + bundle.hash() + " failed: " + what + ". " + outcome
                                + (logs.isEmpty() ? "" : "\nLast log lines:\n" + logs))
                .remedy("Fix the service's settings (the log lines above usually say what is wrong) and deploy "
                        + "again.")
                .build();
    }

    private static Map<String, Integer> secretModes(ReleaseBundle bundle) {
        Map<String, Integer> modes = new HashMap<>();
        ReleaseBundle.SECRET_FILES.forEach(f -> modes.put(f, 0600));
        return modes;
    }

    static Map<String, String> facts(String stdout) {
        Map<String, String> facts = new HashMap<>();
        stdout.lines().filter(l -> l.contains("=")).forEach(l -> {
            int eq = l.indexOf('=');
            facts.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        });
        return facts;
    }

    private static OpenHavenException noCompose() {
        return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "Docker Compose is not installed on the server (neither 'docker compose' nor 'docker-compose').")
                .remedy("Run the server setup again (openhaven apply), or install the docker-compose-plugin "
                        + "package on the server.")
                .build();
    }

    private static OpenHavenException failed(String what, ExecResult result) {
        return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "The server could not " + what + " (exit code " + result.exitCode() + "):\n" + result.tail(10))
                .remedy("Read the lines above, fix the cause on the server, then deploy again.")
                .build();
    }
}
