package org.openhaven.engine.deploy;

import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.Shell;

/**
 * The commands that make "a server I already have" safe to use: a read-only preflight before anything changes,
 * the owner mark that claims the server for one haven (the equivalent of a cloud label), and the removal that
 * {@code destroy} runs, since the machine itself is the user's and is never deleted.
 */
public final class ExistingServerCommands {

    /** Exit code of {@link #removeHaven} when the server belongs to another haven; nothing was changed. */
    static final int OTHER_OWNER = 3;

    /** Where OpenHaven installs its systemd units. */
    private static final String UNITS = "/etc/systemd/system";

    private final ServerLayout layout;

    public ExistingServerCommands(ServerLayout layout) {
        this.layout = layout;
    }

    /** The file that names the haven the server belongs to. */
    public String ownerFile() {
        return layout.root() + "/haven-id";
    }

    /**
     * Prints the server's facts as {@code key=value} lines for {@link org.openhaven.engine.host.PreflightReport}:
     * OS and version, whether the login is root or has passwordless sudo, free disk, memory, who listens on
     * 80/443 apart from Docker, and the owner mark. Read-only; runs as the login user itself, not through sudo,
     * since whether sudo works is one of the questions.
     */
    public RemoteCommand preflight() {
        return Shell.raw("check the server", String.join("\n",
                "if [ -r /etc/os-release ]; then . /etc/os-release; fi",
                "echo \"os=${ID:-unknown}:${VERSION_ID:-}\"",
                "echo \"pretty=${PRETTY_NAME:-unknown}\"",
                "if [ \"$(id -u)\" = 0 ] || sudo -n true 2>/dev/null; then echo sudo=yes; else echo sudo=no; fi",
                "echo \"disk_free_kib=$(df -Pk / | awk 'NR==2 {print $4}')\"",
                "echo \"mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
                "echo \"ports=$(ss -Hltnp '( sport = :80 or sport = :443 )' 2>/dev/null"
                        + " | grep -v -e docker-proxy -e dockerd | awk '{print $4}' | tr '\\n' ' ')\"",
                "echo \"owner=$(cat " + RemoteCommand.quote(ownerFile()) + " 2>/dev/null)\""));
    }

    /** Claims the server for {@code havenId}; run (as root) only after the preflight found no other owner. */
    public RemoteCommand mark(String havenId) {
        return Shell.raw("mark the server as haven " + havenId + "'s", String.join("\n",
                "set -e",
                "install -d -m 0755 " + RemoteCommand.quote(layout.root()),
                "printf '%s\\n' " + RemoteCommand.quote(havenId) + " > " + RemoteCommand.quote(ownerFile())));
    }

    /**
     * Stops whichever release is live with whichever Compose is there, disables and removes OpenHaven's systemd
     * units (all named {@code openhaven-*}: the backup's timers), then removes OpenHaven's directory (releases, the
     * backup's script and credentials, the owner mark). Refuses, changing nothing, when the owner mark names another
     * haven. Docker, the data volumes, the admin user, sshd's hardening and the firewall stay: undoing them would
     * lose data, or weaken or break the server.
     */
    public RemoteCommand removeHaven(String havenId) {
        String current = layout.current();
        String v2 = new ComposeCommands(ComposeCommands.Flavor.V2, current, ServerLayout.PROJECT).down().shellLine();
        String v1 = new ComposeCommands(ComposeCommands.Flavor.V1, current, ServerLayout.PROJECT).down().shellLine();
        String owner = RemoteCommand.quote(ownerFile());
        return Shell.raw("remove haven " + havenId + " from the server", String.join("\n",
                "set -e",
                "if [ -r " + owner + " ] && [ \"$(cat " + owner + ")\" != " + RemoteCommand.quote(havenId) + " ]; then",
                "  echo \"ERROR: the server belongs to the haven '$(cat " + owner + ")'\" >&2; exit " + OTHER_OWNER,
                "fi",
                "if [ -e " + RemoteCommand.quote(current + "/compose.yaml") + " ]; then",
                "  if docker compose version >/dev/null 2>&1; then " + v2 + "; else " + v1 + "; fi",
                "fi",
                "for unit in " + UNITS + "/openhaven-*.timer " + UNITS + "/openhaven-*.service; do",
                "  [ -e \"$unit\" ] || continue",
                "  systemctl disable --now \"$(basename \"$unit\")\" >/dev/null 2>&1 || true",
                "  rm -f \"$unit\"",
                "done",
                "if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi",
                "rm -rf " + RemoteCommand.quote(layout.root())));
    }
}
