package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandBuildersTest {

    private final ComposeCommands v2 = new ComposeCommands(ComposeCommands.Flavor.V2, "/opt/openhaven/current", "haven");
    private final ComposeCommands v1 = new ComposeCommands(ComposeCommands.Flavor.V1, "/opt/openhaven/current", "haven");

    @Test
    void composeUpUsesThePluginForV2AndTheStandaloneToolForV1() {
        assertThat(v2.up().shellLine()).isEqualTo("docker compose --project-directory /opt/openhaven/current"
                + " -p haven -f /opt/openhaven/current/compose.yaml up -d --remove-orphans");
        assertThat(v1.up().shellLine()).isEqualTo("docker-compose --project-directory /opt/openhaven/current"
                + " -p haven -f /opt/openhaven/current/compose.yaml up -d --remove-orphans");
    }

    @Test
    void composeLogsTailsOneService() {
        assertThat(v1.logs("web", 20).shellLine()).isEqualTo("docker-compose --project-directory "
                + "/opt/openhaven/current -p haven -f /opt/openhaven/current/compose.yaml logs --no-color --tail 20 web");
    }

    @Test
    void pullFetchesOnlyImagesMissingOnTheServer() {
        assertThat(v1.pullMissing().argv()).containsExactly("sh", "-c", "set -e\nimages=$(docker-compose "
                + "--project-directory /opt/openhaven/current -p haven -f /opt/openhaven/current/compose.yaml config"
                + " | sed -n 's/^ *image: *//p' | sort -u)\nfor image in $images; do docker image inspect \"$image\""
                + " >/dev/null 2>&1 || docker pull \"$image\"; done");
    }

    @Test
    void detectedComposeFlavourIsParsed() {
        assertThat(ComposeCommands.parseDetected("v2\n")).contains(ComposeCommands.Flavor.V2);
        assertThat(ComposeCommands.parseDetected("v1")).contains(ComposeCommands.Flavor.V1);
        assertThat(ComposeCommands.parseDetected("")).isEmpty();
    }

    @Test
    void linkSwitchIsAtomicRenameOfATemporaryLink() {
        assertThat(FileCommands.switchLink("/opt/openhaven/releases/abc", "/opt/openhaven/current").argv())
                .containsExactly("sh", "-c", "set -e\nln -sfn /opt/openhaven/releases/abc "
                        + "/opt/openhaven/current.openhaven-new\nmv -T /opt/openhaven/current.openhaven-new "
                        + "/opt/openhaven/current");
    }

    @Test
    void untarUnpacksBesideTheTargetAndRenamesWhenComplete() {
        assertThat(FileCommands.untarInto("/r/x").argv().get(2)).isEqualTo("set -e\nrm -rf /r/x.partial\n"
                + "install -d -m 0700 /r/x.partial\ntar -x -f - -C /r/x.partial --no-same-owner\nrm -rf /r/x\n"
                + "mv -T /r/x.partial /r/x");
    }

    @Test
    void lockIsAnAtomicMkdirThatReportsTheHolder() {
        assertThat(LockCommands.acquire("/opt/openhaven/.deploy-lock", "who=ann release=abc").argv().get(2))
                .isEqualTo("if mkdir /opt/openhaven/.deploy-lock 2>/dev/null; then printf '%s\\n' "
                        + "'who=ann release=abc' > /opt/openhaven/.deploy-lock/holder; else cat "
                        + "/opt/openhaven/.deploy-lock/holder 2>/dev/null; exit 75; fi");
        assertThat(LockCommands.release("/opt/openhaven/.deploy-lock").shellLine())
                .isEqualTo("rm -rf /opt/openhaven/.deploy-lock");
    }

    @Test
    void firewallAndSystemdCommandsAreExact() {
        assertThat(FirewallCommands.load("/etc/openhaven/firewall.nft").shellLine())
                .isEqualTo("nft -f /etc/openhaven/firewall.nft");
        assertThat(FirewallCommands.check("/etc/openhaven/firewall.nft").shellLine())
                .isEqualTo("nft -c -f /etc/openhaven/firewall.nft");
        assertThat(SystemdCommands.enableNow("nftables").shellLine()).isEqualTo("systemctl enable --now nftables");
        assertThat(SystemdCommands.reload("ssh").shellLine()).isEqualTo("systemctl reload-or-restart ssh");
    }

    @Test
    void nonRootLoginsRunEveryCommandThroughNonInteractiveSudo() {
        RemoteCommand c = RemoteCommand.of("x", "echo", "it's");
        assertThat(SshExecutor.wireLine(c, true)).isEqualTo("echo 'it'\\''s'");
        assertThat(SshExecutor.wireLine(c, false)).isEqualTo("sudo -n sh -c 'echo '\\''it'\\''\\'\\'''\\''s'\\'''");
    }

    @Test
    void scriptsStopAtTheFirstFailingCommand() {
        assertThat(Shell.script("two", RemoteCommand.of("", "true"), RemoteCommand.of("", "echo", "a b")).argv())
                .containsExactly("sh", "-c", "set -e\ntrue\necho 'a b'");
    }
}
