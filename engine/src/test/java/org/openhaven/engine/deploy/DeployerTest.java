package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;

/** The deploy's sequence and failure handling, with a scripted executor; the lab-host IT runs it for real. */
class DeployerTest {

    private static final ReleaseBundle BUNDLE = new ReleaseBundle("new1",
            Map.of("compose.yaml", "services: {}\n".getBytes(StandardCharsets.UTF_8),
                    ".env", "A=b\n".getBytes(StandardCharsets.UTF_8)),
            List.of(new ReleaseBundle.ServiceCheck("web", Duration.ofSeconds(30))),
            List.of(RemoteCommand.of("seed", "touch", "/opt/openhaven/seeded")));

    /** Answers each command by its description; records what ran and how many bytes went up. */
    private static final class ScriptedExecutor implements RemoteExecutor {
        final List<String> ran = new ArrayList<>();
        long uploaded;
        private final Function<String, ExecResult> answers;

        ScriptedExecutor(Function<String, ExecResult> answers) {
            this.answers = answers;
        }

        @Override
        public ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output) {
            ran.add(command.description());
            if (stdin != null) {
                try {
                    uploaded += stdin.readAllBytes().length;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return answers.apply(command.description());
        }
    }

    private static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    @Test
    void fullDeployTakesFiveRoundTripsAndUploadsOneTarStream() {
        ScriptedExecutor ssh = new ScriptedExecutor(d -> d.equals("prepare the deploy")
                ? ok("compose=v1\nrelease=missing\nprevious=old1\n") : ok("healthy web\n"));
        DeployResult result = new Deployer(ssh, ServerLayout.DEFAULT).deploy(BUNDLE, "ann@laptop", OutputConsumer.IGNORE);
        assertThat(ssh.ran).containsExactly("prepare the deploy", "upload release new1", "start release new1",
                "wait for the services to become healthy", "finish the deploy");
        assertThat(ssh.uploaded).isEqualTo(TarStream.of(BUNDLE.files(), Map.of(".env", 0600)).length);
        assertThat(result).isEqualTo(new DeployResult("new1", "old1", true,
                org.openhaven.engine.remote.ComposeCommands.Flavor.V1));
    }

    @Test
    void releaseAlreadyOnTheServerIsNotUploadedAgain() {
        ScriptedExecutor ssh = new ScriptedExecutor(d -> d.equals("prepare the deploy")
                ? ok("compose=v2\nrelease=present\nprevious=new1\n") : ok(""));
        new Deployer(ssh, ServerLayout.DEFAULT).deploy(BUNDLE, "ann@laptop", OutputConsumer.IGNORE);
        assertThat(ssh.ran).doesNotContain("upload release new1");
        assertThat(ssh.uploaded).isZero();
    }

    @Test
    void heldLockIsALockedErrorNamingTheHolderAndIsNotReleased() {
        ScriptedExecutor ssh = new ScriptedExecutor(d -> new ExecResult(75, "holder=bob@desk release=x\n", ""));
        assertThatThrownBy(() -> new Deployer(ssh, ServerLayout.DEFAULT).deploy(BUNDLE, "ann", OutputConsumer.IGNORE))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.LOCKED);
                    assertThat(e.userMessage()).contains("bob@desk");
                    assertThat(e.remedy()).contains("/opt/openhaven/.deploy-lock");
                });
        assertThat(ssh.ran).containsExactly("prepare the deploy");
    }

    @Test
    void unhealthyServiceRollsBackReportsItsLogsAndReleasesTheLock() {
        ScriptedExecutor ssh = new ScriptedExecutor(d -> switch (d) {
            case "prepare the deploy" -> ok("compose=v2\nrelease=missing\nprevious=old1\n");
            case "wait for the services to become healthy" -> new ExecResult(1, "unhealthy web running/unhealthy\n", "");
            case "read the logs of web" -> ok("web_1 | panic: cannot open /data\n");
            default -> ok("");
        });
        assertThatThrownBy(() -> new Deployer(ssh, ServerLayout.DEFAULT).deploy(BUNDLE, "ann", OutputConsumer.IGNORE))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.REMOTE_COMMAND);
                    assertThat(e.userMessage()).contains("'web' did not become healthy within 30 s",
                            "running/unhealthy", "previous release old1 is serving again", "panic: cannot open /data");
                });
        assertThat(ssh.ran).containsSubsequence("read the logs of web", "roll back to release old1",
                "release the deploy lock");
        assertThat(ssh.ran).doesNotContain("finish the deploy");
    }

    @Test
    void missingComposeIsExplainedAndTheLockReleased() {
        ScriptedExecutor ssh = new ScriptedExecutor(d -> d.equals("prepare the deploy")
                ? ok("compose=none\nrelease=missing\nprevious=\n") : ok(""));
        assertThatThrownBy(() -> new Deployer(ssh, ServerLayout.DEFAULT).deploy(BUNDLE, "ann", OutputConsumer.IGNORE))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("Docker Compose is not installed"));
        assertThat(ssh.ran).containsExactly("prepare the deploy", "release the deploy lock");
    }

    @Test
    void pruneKeepsFiveReleasesAndNeverTheLiveOne() {
        assertThat(DeployScripts.prune(ServerLayout.DEFAULT, "new1")).isEqualTo("cd /opt/openhaven/releases && "
                + "ls -1t | tail -n +6 | while read -r old; do [ \"$old\" = new1 ] || rm -rf -- \"$old\"; done");
    }

    @Test
    void bundlePathsMustStayInsideTheRelease() {
        assertThatThrownBy(() -> new ReleaseBundle("x", Map.of("compose.yaml", new byte[0], "../etc/passwd",
                new byte[0]), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseBundle("../x", Map.of("compose.yaml", new byte[0]), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firewallSyncChecksTheNewRulesetBeforeReplacingAndLoadingIt() {
        assertThat(DeployScripts.syncFirewall("table inet openhaven {}\n").argv().get(2)).isEqualTo(String.join("\n",
                "set -e",
                "install -d -m 0755 /etc/openhaven",
                "sh -c 'printf '\\''%s'\\'' '\\''table inet openhaven {}",
                "'\\'' >/etc/openhaven/firewall.nft.new'",
                "nft -c -f /etc/openhaven/firewall.nft.new",
                "mv /etc/openhaven/firewall.nft.new /etc/openhaven/firewall.nft",
                "nft -f /etc/openhaven/firewall.nft"));
    }

    @Test
    void startLoadsTheFirewallInTheSameRoundTripOnlyWhenTheReleaseCarriesOne() {
        ComposeCommands compose = new ComposeCommands(ComposeCommands.Flavor.V2, "/opt/openhaven/current", "openhaven");
        String with = DeployScripts.start(ServerLayout.DEFAULT, compose, "new1", "table inet openhaven {}\n")
                .argv().get(2);
        String without = DeployScripts.start(ServerLayout.DEFAULT, compose, "new1", "").argv().get(2);
        assertThat(with).startsWith("set -e\n" + DeployScripts.syncFirewall("table inet openhaven {}\n").shellLine()
                + "\n").endsWith(without.substring("set -e".length()));
        assertThat(without).doesNotContain("nft");
    }
}
