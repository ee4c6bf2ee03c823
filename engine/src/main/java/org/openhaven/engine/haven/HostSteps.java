package org.openhaven.engine.haven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.ResourceRecord;
import org.openhaven.engine.state.ServerHostKey;

/** The server part of the flow, through the {@link HostDeployer} seam: SSH, bootstrap, render, deploy, verify. */
final class HostSteps {

    static final String WAIT_SSH = "wait-ssh";
    static final String CHECK_SERVER = "check-server";
    static final String BOOTSTRAP = "bootstrap-host";
    static final String RENDER = "render-bundle";
    static final String DEPLOY = "deploy";
    static final String VERIFY = "verify";
    static final Duration SSH_BUDGET = Duration.ofMinutes(5);

    private HostSteps() {
    }

    static List<HavenStep> steps(FlowContext flow, boolean cloud) {
        String[] sshAfter = cloud ? new String[] {CloudSteps.ENSURE_IP, CloudSteps.WAIT_RUNNING} : new String[0];
        List<String> deployAfter = new ArrayList<>(List.of(BOOTSTRAP, RENDER));
        if (cloud) {
            deployAfter.add(ConfirmDnsForCertificates.ID); // certificates are requested once deployed
        }
        deployAfter.addAll(BackupSteps.beforeDeploy(flow));
        List<HavenStep> steps = new ArrayList<>();
        steps.add(
                new HavenStep(flow, WAIT_SSH, "Wait for SSH", sshAfter) {
                    @Override
                    public boolean stillDone(StepContext context) {
                        return false; // a quick check, and the next steps need the host reachable anyway
                    }

                    @Override
                    public StepOutcome run(StepContext context) {
                        HostTarget target = target(flow, context);
                        MetHostKey key = ExistingServerCheck.withKeyLine(flow.secrets(), target, () ->
                                flow.components().deployer().waitForSsh(target, Deadline.after(context.clock(),
                                        SSH_BUDGET, "SSH on " + target.host() + ":" + target.port()),
                                        context.cancellation(), context::log));
                        recordHostKey(context, target, key);
                        return StepOutcome.unchanged("SSH answers on " + target.host() + ":" + target.port()
                                + (key.firstContact() ? "; trusted the server's host key " + key.fingerprint()
                                        + " (first contact)" : ""));
                    }
                });
        if (!cloud) {
            steps.add(new CheckServer(flow));
        }
        String[] bootstrapAfter = cloud ? new String[] {WAIT_SSH, RENDER} : new String[] {WAIT_SSH, RENDER, CHECK_SERVER};
        steps.addAll(List.of(
                // After the render: the bootstrap's firewall opens the rendered manifest's ports, the list the deploy
                // writes too. Writing the haven's current openings (rather than a base set, or keeping whatever file
                // is live) is the one choice that is right on a first run, a resumed run and after a spec change.
                new HavenStep(flow, BOOTSTRAP, "Prepare the server", bootstrapAfter) {
                    @Override
                    public StepOutcome run(StepContext context) {
                        flow.components().deployer().bootstrap(target(flow, context), renderedBundleDir(flow),
                                context::log);
                        return StepOutcome.changed("server prepared");
                    }
                },
                new RenderBundle(flow, cloud),
                new HavenStep(flow, DEPLOY, "Deploy the services", deployAfter.toArray(String[]::new)) {
                    @Override
                    public String fingerprint() {
                        return DesiredResources.stackProperties(flow.spec()).toString();
                    }

                    @Override
                    public StepOutcome run(StepContext context) {
                        String hash = flow.renderedBundle().get();
                        Path bundle = renderedBundleDir(flow);
                        flow.components().deployer().deploy(target(flow, context), bundle, hash, context::log);
                        removeLocalCopy(bundle); // its .env holds secrets; the server has the release now
                        context.record(new ResourceRecord(ResourceKeys.STACK, ResourceKind.RELEASE, hash,
                                flow.spec().havenId() + " services", DesiredResources.stackProperties(flow.spec()),
                                java.util.Map.of()));
                        return StepOutcome.changed("release " + hash + " deployed");
                    }
                },
                new HavenStep(flow, VERIFY, "Check the services", DEPLOY) {
                    @Override
                    public boolean stillDone(StepContext context) {
                        return false;
                    }

                    @Override
                    public StepOutcome run(StepContext context) {
                        flow.components().deployer().verify(target(flow, context), context::log);
                        return StepOutcome.unchanged("all services answer");
                    }
                }));
        return steps;
    }

    /**
     * On a server the user already has, before anything on it changes: the preflight (every problem with its
     * remedy), a refusal when the server belongs to another haven, then the owner mark claiming it for this one.
     * Runs every apply: the check is one read-only command, and a server changes under its owner's hands.
     */
    static final class CheckServer extends HavenStep {
        CheckServer(FlowContext flow) {
            super(flow, CHECK_SERVER, "Check your server", WAIT_SSH);
        }

        @Override
        public boolean stillDone(StepContext context) {
            return false;
        }

        @Override
        public StepOutcome run(StepContext context) {
            HostTarget target = target(flow, context);
            String havenId = flow.spec().havenId();
            ServerInspection found = ExistingServerCheck.require(flow.components().deployer(), target, flow.secrets(),
                    havenId);
            context.log(found.describe());
            if (havenId.equals(found.report().owner())) {
                return StepOutcome.unchanged(found.describe());
            }
            flow.components().deployer().markServer(target, havenId, context::log);
            return StepOutcome.changed(found.describe() + "; marked as haven " + havenId + "'s");
        }
    }

    /**
     * Renders the bundle into {@code bundles/<hash>}, every run, and hands the hash to the deploy step. It waits for
     * SSH because the bundle depends on the server's {@link org.openhaven.engine.host.HostFacts} (a GPU for Ollama).
     */
    static final class RenderBundle extends HavenStep {
        RenderBundle(FlowContext flow, boolean cloud) {
            // After the DNS step on a cloud server: both read the mail server's DKIM key from the vault, and the
            // first to run creates it, so they must not run at the same time.
            super(flow, RENDER, "Render the configuration",
                    cloud ? new String[] {WAIT_SSH, EnsureDnsRecords.ID} : new String[] {WAIT_SSH});
        }

        @Override
        public boolean stillDone(StepContext context) {
            return false; // rendering is local and deterministic: always redo, so the bundle matches the spec
        }

        @Override
        public StepOutcome run(StepContext context) {
            Path bundles = flow.directory().bundlesDir();
            try {
                Files.createDirectories(bundles);
                Path work = Files.createTempDirectory(bundles, ".render");
                org.openhaven.engine.host.HostFacts host = flow.components().deployer().hostFacts(target(flow, context));
                if (host.nvidiaGpu() && !host.nvidiaContainerToolkit()) {
                    context.log("The server has an NVIDIA GPU but not the NVIDIA Container Toolkit: services run on "
                            + "the CPU until it is installed.");
                } else if (host.gpuForContainers()) {
                    context.log("The server has an NVIDIA GPU for containers.");
                }
                String hash = flow.components().renderer().render(flow.spec(), flow.secrets(), host, work);
                Path target = bundles.resolve(hash);
                if (Files.isDirectory(target)) {
                    deleteTree(work);
                } else {
                    Files.move(work, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                flow.renderedBundle().set(hash);
                return StepOutcome.unchanged("bundle " + hash + " rendered");
            } catch (IOException e) {
                throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not write the bundle under " + bundles + ".")
                        .remedy("Check the free disk space and permissions of " + bundles + ".").cause(e).build();
            }
        }
    }

    /**
     * Keeps the state's {@code server} section in step with the pin the connection was checked against: a first
     * contact is recorded with its time; a pin found only in {@code known_hosts} (state recorded none, or an older
     * one) is taken over without a time, since when it was trusted is not known here.
     */
    private static void recordHostKey(StepContext context, HostTarget target, MetHostKey key) {
        boolean recorded = context.state().hostKeyOf(target.host(), target.port())
                .filter(k -> k.fingerprint().equals(key.fingerprint())).isPresent();
        if (!recorded) {
            context.recordHostKey(new ServerHostKey(target.host(), target.port(), key.fingerprint(),
                    key.firstContact() ? context.clock().instant() : null));
        }
    }

    /** Where this run's render step wrote the bundle. */
    private static Path renderedBundleDir(FlowContext flow) {
        return flow.directory().bundlesDir().resolve(flow.renderedBundle().get());
    }

    static HostTarget target(FlowContext flow, StepContext context) {
        return target(flow.spec(), flow.secrets(), context.state());
    }

    /**
     * The server of {@code spec}: the spec's own for an existing server, else the recorded address; with the host
     * key {@code state} recorded for it.
     */
    static HostTarget target(HavenSpec spec, SecretStore secrets, HavenState state) {
        HostTarget target = target(spec, secrets, state::resource);
        return new HostTarget(target.host(), target.port(), target.user(), target.privateKeyOpenSsh(),
                state.hostKeyOf(target.host(), target.port()).map(ServerHostKey::fingerprint).orElse(null));
    }

    private static HostTarget target(HavenSpec spec, SecretStore secrets,
                                     Function<String, Optional<ResourceRecord>> resources) {
        Secret key = secrets.find(ResourceKeys.VAULT_SSH_PRIVATE).orElseThrow(HavenSshKey::missing);
        if (spec.server().isExistingServer()) {
            return existing(spec.server(), key);
        }
        String ip = resources.apply(ResourceKeys.IP).map(r -> r.attributes().get("ipv4"))
                .or(() -> resources.apply(ResourceKeys.SERVER).map(r -> r.attributes().get("ipv4")))
                .orElseThrow(() -> OpenHavenException.internal("The server's address is not recorded yet.", null));
        return new HostTarget(ip, 22, "root", key);
    }

    /** The login on a server the user already has, as its spec names it (port 22 and root unless set). */
    static HostTarget existing(org.openhaven.engine.spec.ServerSpec server, Secret key) {
        return new HostTarget(server.host(), server.port() == null ? 22 : server.port(),
                server.user() == null ? "root" : server.user(), key);
    }

    private static void removeLocalCopy(Path bundle) {
        try {
            deleteTree(bundle);
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not remove the local copy of the bundle " + bundle + ".")
                    .remedy("Delete it by hand; the deploy itself succeeded.").cause(e).build();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
