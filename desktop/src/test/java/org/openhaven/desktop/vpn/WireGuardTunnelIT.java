package org.openhaven.desktop.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.Requirements;

/**
 * A real WireGuard tunnel between two network namespaces joined by a veth pair, with wireguard-go in user
 * space. The responder ("the haven") comes up first with plain wg-quick; this computer's side is switched by the
 * real {@link VpnController} on its wg-quick path, with configs rendered by {@link WireGuardConfig}. A ping
 * crosses the tunnel, the controller reads the state back from {@code wg show interfaces}, then takes it down.
 */
@Tag("system")
class WireGuardTunnelIT {

    @TempDir
    Path dir;

    @Test
    void controllerBringsARealTunnelUpCarriesAPingAndTakesItDown() throws Exception {
        Requirements.linux();
        Requirements.root();
        Requirements.command("wireguard-go");
        Requirements.command("wg-quick");
        Requirements.command("ip");
        Requirements.command("ping");

        int id = ThreadLocalRandom.current().nextInt(1000, 9999);
        String haven = "ohh" + id;
        String laptop = "ohl" + id;
        String havenNs = "oh-haven-" + id;
        String laptopNs = "oh-laptop-" + id;
        int net = 16 + id % 200;
        List<String> namespaces = new ArrayList<>();
        try {
            sh("ip", "netns", "add", havenNs);
            namespaces.add(havenNs);
            sh("ip", "netns", "add", laptopNs);
            namespaces.add(laptopNs);
            sh("ip", "link", "add", "vh" + id, "type", "veth", "peer", "name", "vl" + id);
            sh("ip", "link", "set", "vh" + id, "netns", havenNs);
            sh("ip", "link", "set", "vl" + id, "netns", laptopNs);
            in(havenNs, "ip", "addr", "add", "192.168." + net + ".1/24", "dev", "vh" + id);
            in(laptopNs, "ip", "addr", "add", "192.168." + net + ".2/24", "dev", "vl" + id);
            for (String ns : namespaces) {
                in(ns, "ip", "link", "set", "lo", "up");
            }
            in(havenNs, "ip", "link", "set", "vh" + id, "up");
            in(laptopNs, "ip", "link", "set", "vl" + id, "up");

            SecretGenerators generators = new SecretGenerators();
            SecretGenerators.WireGuardKeyPair havenKeys = generators.wireGuard();
            SecretGenerators.WireGuardKeyPair laptopKeys = generators.wireGuard();
            String tunnelNet = "10.77." + net;
            WireGuardConfig havenSide = new WireGuardConfig(havenKeys.privateKey(), tunnelNet + ".1/24", 51820, null,
                    List.of(new WireGuardConfig.Peer(laptopKeys.publicKey(), null, tunnelNet + ".2/32", null)));
            WireGuardConfig laptopSide = new WireGuardConfig(laptopKeys.privateKey(), tunnelNet + ".2/32", null, null,
                    List.of(new WireGuardConfig.Peer(havenKeys.publicKey(), "192.168." + net + ".1:51820",
                            tunnelNet + ".0/24", 25)));

            Path havenConf = dir.resolve(haven + ".conf");
            Files.writeString(havenConf, havenSide.render(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(havenConf, PosixFilePermissions.fromString("rw-------"));
            in(havenNs, "wg-quick", "up", havenConf.toString());

            VpnController controller = new VpnController(new NamespaceRunner(laptopNs), "Linux", dir.resolve("laptop"),
                    laptop);
            assertThat(controller.backend()).contains(VpnBackend.WG_QUICK);
            assertThat(controller.state()).isEqualTo(VpnState.NOT_IMPORTED);

            controller.connect(laptopSide.renderSecret());

            assertThat(controller.state()).isEqualTo(VpnState.CONNECTED);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(controller.configFile())))
                    .isEqualTo("rw-------");
            assertThat(run(List.of("ip", "netns", "exec", laptopNs, "ping", "-c", "3", "-W", "5",
                    tunnelNet + ".1")).exitCode()).as("ping across the tunnel").isZero();

            controller.disconnect();

            assertThat(controller.state()).isEqualTo(VpnState.DISCONNECTED);
            assertThat(run(List.of("ip", "netns", "exec", laptopNs, "ping", "-c", "1", "-W", "1",
                    tunnelNet + ".1")).exitCode()).as("no route once down").isNotZero();
        } finally {
            // Down first, so each wireguard-go exits with its interface; then the namespaces go.
            run(List.of("ip", "netns", "exec", havenNs, "wg-quick", "down", dir.resolve(haven + ".conf").toString()));
            run(List.of("ip", "netns", "exec", laptopNs, "wg-quick", "down",
                    dir.resolve("laptop").resolve(laptop + ".conf").toString()));
            for (String ns : namespaces) {
                run(List.of("ip", "netns", "delete", ns));
            }
        }
    }

    /**
     * Runs the controller's commands inside the laptop namespace. The test already runs as root, which is all
     * pkexec would add, so pkexec is dropped (it is not installed on CI runners); everything else runs as built.
     */
    private static final class NamespaceRunner implements CommandRunner {
        private final String namespace;
        private final ProcessCommandRunner real = new ProcessCommandRunner();

        NamespaceRunner(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public Result run(List<String> argv) {
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
            command.addAll(argv.get(0).equals("pkexec") ? argv.subList(1, argv.size()) : argv);
            return WireGuardTunnelIT.run(command);
        }

        @Override
        public boolean exists(String command) {
            return command.equals("pkexec") || (!command.equals("nmcli") && real.exists(command));
        }
    }

    private static void in(String namespace, String... argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        command.addAll(List.of(argv));
        sh(command.toArray(String[]::new));
    }

    private static void sh(String... argv) throws IOException {
        CommandRunner.Result result = run(List.of(argv));
        if (!result.ok()) {
            throw new IOException(String.join(" ", argv) + " failed (" + result.exitCode() + "): " + result.stderr());
        }
    }

    static CommandRunner.Result run(List<String> argv) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().put("WG_QUICK_USERSPACE_IMPLEMENTATION", "wireguard-go");
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new CommandRunner.Result(124, "", "timed out");
            }
            return new CommandRunner.Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandRunner.Result(127, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandRunner.Result(130, "", "interrupted");
        }
    }
}
