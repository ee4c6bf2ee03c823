package org.openhaven.engine.deploy;

import java.time.Duration;
import java.util.List;
import org.openhaven.engine.host.FirewallRuleset;
import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.FileCommands;
import org.openhaven.engine.remote.FirewallCommands;
import org.openhaven.engine.remote.LockCommands;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.Shell;

/**
 * The few batched commands a deploy consists of, built as data. Each is one SSH round trip; a deploy after
 * bootstrap takes five (prepare, upload, start, wait, finish).
 */
final class DeployScripts {

    private DeployScripts() {
    }

    /** Takes the lock, then reports the Compose flavour, whether the release is already there, and the live one. */
    static RemoteCommand prepare(ServerLayout layout, String hash, String holder) {
        String q = RemoteCommand.quote(layout.release(hash) + "/" + ServerLayout.COMPLETE_MARKER);
        return Shell.raw("prepare the deploy", String.join("\n",
                "set -e",
                "install -d -m 0755 " + RemoteCommand.quote(layout.root()) + " "
                        + RemoteCommand.quote(layout.releases()),
                LockCommands.acquireScript(layout.deployLock(), holder),
                ComposeCommands.detect().argv().get(2).replace("echo v", "echo compose=v"),
                "if [ -f " + q + " ]; then echo release=present; else echo release=missing; fi",
                "live=$(readlink " + RemoteCommand.quote(layout.current()) + " || true)",
                "echo \"previous=${live##*/}\""));
    }

    /** Unpacks the tar on stdin into the release directory and marks it complete; .env stays root-only. */
    static RemoteCommand upload(ServerLayout layout, String hash) {
        String dir = layout.release(hash);
        return Shell.script("upload release " + hash,
                FileCommands.untarInto(dir),
                RemoteCommand.of("", "touch", dir + "/" + ServerLayout.COMPLETE_MARKER));
    }

    /**
     * Points current at the release and brings the stack up; with a {@code firewall} ruleset it first writes and
     * loads it (see {@link #syncFirewall}), in the same round trip.
     */
    static RemoteCommand start(ServerLayout layout, ComposeCommands compose, String hash, String firewall) {
        List<RemoteCommand> steps = new java.util.ArrayList<>();
        if (!firewall.isEmpty()) {
            steps.add(syncFirewall(firewall));
        }
        steps.addAll(List.of(
                RemoteCommand.of("", "touch", layout.release(hash)),
                FileCommands.switchLink(layout.release(hash), layout.current()),
                compose.pullMissing(),
                compose.up()));
        return Shell.script("start release " + hash, steps);
    }

    /**
     * Replaces the host's ruleset: written beside the live one, checked with {@code nft -c}, then moved into place
     * and loaded, so a ruleset nft rejects never replaces a working one. Loading replaces only OpenHaven's table, so
     * a re-run converges to the same rules.
     */
    static RemoteCommand syncFirewall(String ruleset) {
        String path = FirewallRuleset.PATH;
        String next = path + ".new";
        return Shell.script("open the services' ports",
                RemoteCommand.of("", "install", "-d", "-m", "0755", path.substring(0, path.lastIndexOf('/'))),
                Shell.raw("", "printf '%s' " + RemoteCommand.quote(ruleset) + " >" + RemoteCommand.quote(next)),
                FirewallCommands.check(next),
                RemoteCommand.of("", "mv", next, path),
                FirewallCommands.load(path));
    }

    /**
     * Waits for each service in turn, each against its own deadline, printing one {@code healthy <svc>} line per
     * service, or {@code unhealthy <svc> <state>} and exit 1 for the first that misses its deadline.
     */
    static RemoteCommand waitHealthy(List<ReleaseBundle.ServiceCheck> services) {
        StringBuilder script = new StringBuilder(WAIT_FUNCTION);
        for (ReleaseBundle.ServiceCheck check : services) {
            script.append("wait_healthy ").append(check.service()).append(' ')
                    .append(Math.max(1, check.deadline().toSeconds())).append(" || exit 1\n");
        }
        return Shell.raw("wait for the services to become healthy", script.toString());
    }

    /**
     * Links the previous release, starts it, and waits until every container of the project runs and none is
     * starting or unhealthy (the old release's services may differ from the new one's, so it waits for all).
     */
    static RemoteCommand rollback(ServerLayout layout, ComposeCommands compose, String previous, Duration deadline) {
        return Shell.script("roll back to release " + previous,
                FileCommands.switchLink(layout.release(previous), layout.current()),
                compose.up(),
                Shell.raw("wait for the previous release", WAIT_ALL.formatted(ServerLayout.PROJECT,
                        Math.max(1, deadline.toSeconds()))));
    }

    /** Post-deploy commands, pruning old releases, releasing the lock. */
    static RemoteCommand finish(ServerLayout layout, String hash, List<RemoteCommand> postDeploy) {
        StringBuilder script = new StringBuilder("set -e\n");
        postDeploy.forEach(c -> script.append(c.shellLine()).append('\n'));
        script.append(prune(layout, hash)).append('\n');
        script.append(LockCommands.release(layout.deployLock()).shellLine());
        return Shell.raw("finish the deploy", script.toString());
    }

    /** Deletes all but the newest {@link ServerLayout#KEPT_RELEASES} releases, never the live one. */
    static String prune(ServerLayout layout, String live) {
        return "cd " + RemoteCommand.quote(layout.releases()) + " && ls -1t | tail -n +"
                + (ServerLayout.KEPT_RELEASES + 1) + " | while read -r old; do [ \"$old\" = "
                + RemoteCommand.quote(live) + " ] || rm -rf -- \"$old\"; done";
    }

    private static final String WAIT_ALL = """
            waited=0
            while :; do
              states=$(docker ps -aq --filter label=com.docker.compose.project=%1$s | xargs -r docker inspect --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}')
              bad=$(printf '%%s\\n' "$states" | grep -v -e '^running/healthy$' -e '^running/none$' -e '^$' || true)
              if [ -n "$states" ] && [ -z "$bad" ]; then exit 0; fi
              if [ "$waited" -ge %2$d ]; then echo "still not healthy: $bad"; exit 1; fi
              sleep 1; waited=$((waited + 1))
            done
            """;

    private static final String WAIT_FUNCTION = """
            wait_healthy() {
              svc=$1; limit=$2; waited=0
              while :; do
                ids=$(docker ps -aq --filter label=com.docker.compose.project=%s --filter "label=com.docker.compose.service=$svc")
                state=missing
                if [ -n "$ids" ]; then
                  state=$(docker inspect --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $ids | head -n 1)
                fi
                case "$state" in
                  running/healthy|running/none) echo "healthy $svc"; return 0 ;;
                esac
                if [ "$waited" -ge "$limit" ]; then echo "unhealthy $svc $state"; return 1; fi
                sleep 1; waited=$((waited + 1))
              done
            }
            """.formatted(ServerLayout.PROJECT);
}
