package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExistingServerCommandsTest {

    private final ExistingServerCommands commands = new ExistingServerCommands(ServerLayout.DEFAULT);

    @Test
    void preflightIsOneReadOnlyScriptThatAlsoReadsTheOwnerMark() {
        assertThat(commands.preflight().argv()).containsExactly("sh", "-c", String.join("\n",
                "if [ -r /etc/os-release ]; then . /etc/os-release; fi",
                "echo \"os=${ID:-unknown}:${VERSION_ID:-}\"",
                "echo \"pretty=${PRETTY_NAME:-unknown}\"",
                "if [ \"$(id -u)\" = 0 ] || sudo -n true 2>/dev/null; then echo sudo=yes; else echo sudo=no; fi",
                "echo \"disk_free_kib=$(df -Pk / | awk 'NR==2 {print $4}')\"",
                "echo \"mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
                "echo \"ports=$(ss -Hltnp '( sport = :80 or sport = :443 )' 2>/dev/null | grep -v -e docker-proxy "
                        + "-e dockerd | awk '{print $4}' | tr '\\n' ' ')\"",
                "echo \"owner=$(cat /opt/openhaven/haven-id 2>/dev/null)\""));
    }

    @Test
    void markWritesTheHavenIdIntoTheOwnerFile() {
        assertThat(commands.mark("family").argv().get(2)).isEqualTo("set -e\ninstall -d -m 0755 /opt/openhaven\n"
                + "printf '%s\\n' family > /opt/openhaven/haven-id");
    }

    @Test
    void removeHavenRefusesAForeignOwnerThenStopsTheStackAndOurTimersAndRemovesOnlyOurDirectory() {
        assertThat(commands.removeHaven("family").argv().get(2)).isEqualTo("set -e\n"
                + "if [ -r /opt/openhaven/haven-id ] && [ \"$(cat /opt/openhaven/haven-id)\" != family ]; then\n"
                + "  echo \"ERROR: the server belongs to the haven '$(cat /opt/openhaven/haven-id)'\" >&2; exit 3\n"
                + "fi\n"
                + "if [ -e /opt/openhaven/current/compose.yaml ]; then\n"
                + "  if docker compose version >/dev/null 2>&1; then docker compose --project-directory "
                + "/opt/openhaven/current -p openhaven -f /opt/openhaven/current/compose.yaml down --remove-orphans; "
                + "else docker-compose --project-directory /opt/openhaven/current -p openhaven -f "
                + "/opt/openhaven/current/compose.yaml down --remove-orphans; fi\nfi\n"
                + "for unit in /etc/systemd/system/openhaven-*.timer /etc/systemd/system/openhaven-*.service; do\n"
                + "  [ -e \"$unit\" ] || continue\n"
                + "  systemctl disable --now \"$(basename \"$unit\")\" >/dev/null 2>&1 || true\n"
                + "  rm -f \"$unit\"\n"
                + "done\n"
                + "if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi\n"
                + "rm -rf /opt/openhaven");
    }
}
