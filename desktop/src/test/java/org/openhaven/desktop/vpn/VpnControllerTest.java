package org.openhaven.desktop.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

class VpnControllerTest {

    @TempDir
    Path dir;

    /** Answers commands from a table and records what ran; what the fake OS "has" is the set of commands. */
    private static final class FakeRunner implements CommandRunner {
        final List<String> ran = new ArrayList<>();
        final Map<String, Result> answers = new HashMap<>();
        final Set<String> installed;
        String importedConfig;

        FakeRunner(Set<String> installed) {
            this.installed = installed;
        }

        @Override
        public Result run(List<String> argv) {
            String line = String.join(" ", argv);
            ran.add(line);
            if (argv.get(0).equals("nmcli") && argv.contains("import")) {
                try {
                    importedConfig = Files.readString(Path.of(argv.get(argv.size() - 1)));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return answers.getOrDefault(line, new Result(0, "", ""));
        }

        @Override
        public boolean exists(String command) {
            return installed.contains(command);
        }
    }

    @Test
    void networkManagerImportsOnFirstConnectThenBringsTheTunnelUpAndDeletesItsCopy() {
        FakeRunner os = new FakeRunner(Set.of("nmcli"));
        os.answers.put("nmcli -t -f RUNNING general", new CommandRunner.Result(0, "running\n", ""));
        VpnController vpn = new VpnController(os, "Linux", dir);

        vpn.connect(Secret.of("[Interface]\nPrivateKey = k\n"));

        assertThat(os.ran).contains("nmcli connection import type wireguard file " + dir.resolve("openhaven.conf"),
                "nmcli connection up id openhaven");
        assertThat(os.importedConfig).startsWith("[Interface]");
        assertThat(dir.resolve("openhaven.conf")).doesNotExist();
    }

    @Test
    void stateComesFromNetworkManagerNotFromAFlag() {
        FakeRunner os = new FakeRunner(Set.of("nmcli"));
        os.answers.put("nmcli -t -f RUNNING general", new CommandRunner.Result(0, "running\n", ""));
        os.answers.put("nmcli -t -f NAME,TYPE,STATE connection show --active",
                new CommandRunner.Result(0, "openhaven:wireguard:activated\n", ""));
        assertThat(new VpnController(os, "Linux", dir).state()).isEqualTo(VpnState.CONNECTED);
    }

    @Test
    void withoutNetworkManagerItFallsBackToWgQuickThroughPkexecWithAnOwnerOnlyConfig() throws Exception {
        FakeRunner os = new FakeRunner(Set.of("wg-quick", "pkexec"));
        VpnController vpn = new VpnController(os, "Linux", dir);

        vpn.connect(Secret.of("[Interface]\n"));
        vpn.disconnect();

        Path conf = dir.resolve("openhaven.conf");
        assertThat(os.ran).containsExactly("pkexec wg-quick up " + conf, "pkexec wg-quick down " + conf);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-------");
    }

    @Test
    void missingWireGuardSaysHowToInstallIt() {
        VpnController vpn = new VpnController(new FakeRunner(Set.of()), "Linux", dir);
        assertThat(vpn.state()).isEqualTo(VpnState.NOT_INSTALLED);
        assertThatThrownBy(() -> vpn.connect(Secret.of("x"))).isInstanceOf(OpenHavenException.class)
                .hasMessage("WireGuard is not installed on this computer.")
                .extracting(e -> ((OpenHavenException) e).remedy()).asString().contains("apt install wireguard-tools");
    }

    @Test
    void aFailingCommandBecomesAMessageWithoutTheConfig() {
        FakeRunner os = new FakeRunner(Set.of("wg-quick", "pkexec"));
        os.answers.put("pkexec wg-quick up " + dir.resolve("openhaven.conf"),
                new CommandRunner.Result(126, "", "Request dismissed\n"));
        assertThatThrownBy(() -> new VpnController(os, "Linux", dir).connect(Secret.of("PrivateKey = secret-key")))
                .hasMessage("Switching the VPN failed: pkexec said 'Request dismissed'.")
                .hasMessageNotContaining("secret-key");
    }
}
