package org.openhaven.desktop.vpn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

/**
 * Imports this computer's peer into the OS's WireGuard and switches it on and off. The state shown is always
 * read back from the OS ({@link #state()}), never remembered, so a tunnel switched elsewhere shows correctly.
 */
public final class VpnController {

    private static final Path WINDOWS_APP = Path.of("C:\\Program Files\\WireGuard\\wireguard.exe");

    private final CommandRunner runner;
    private final String osName;
    private final Path configDir;
    private final String tunnel;

    public VpnController(CommandRunner runner, String osName, Path configDir) {
        this(runner, osName, configDir, WireGuardCommands.TUNNEL);
    }

    /** With another tunnel (and interface) name; tests use distinct names so they never meet a real tunnel. */
    public VpnController(CommandRunner runner, String osName, Path configDir, String tunnel) {
        this.runner = runner;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.configDir = configDir;
        this.tunnel = tunnel;
    }

    /** The front end this computer has, or empty when WireGuard is not installed. */
    public Optional<VpnBackend> backend() {
        if (osName.startsWith("windows")) {
            return runner.exists(WINDOWS_APP.toString()) ? Optional.of(VpnBackend.WINDOWS_APP) : Optional.empty();
        }
        if (osName.startsWith("mac")) {
            return runner.exists("wg-quick") ? Optional.of(VpnBackend.MACOS_WG_QUICK) : Optional.empty();
        }
        if (runner.exists("nmcli") && runner.run(List.of("nmcli", "-t", "-f", "RUNNING", "general")).stdout()
                .trim().equals("running")) {
            return Optional.of(VpnBackend.NETWORK_MANAGER);
        }
        return runner.exists("wg-quick") && runner.exists("pkexec") ? Optional.of(VpnBackend.WG_QUICK)
                : Optional.empty();
    }

    public VpnState state() {
        Optional<VpnBackend> backend = backend();
        if (backend.isEmpty()) {
            return VpnState.NOT_INSTALLED;
        }
        return switch (backend.get()) {
            case NETWORK_MANAGER -> VpnStateParser.fromNmcli(runner.run(WireGuardCommands.nmcliActive()).stdout(),
                    runner.run(WireGuardCommands.nmcliKnown()).stdout(), tunnel);
            case WINDOWS_APP -> {
                CommandRunner.Result result = runner.run(WireGuardCommands.windowsQuery(tunnel));
                yield VpnStateParser.fromWindowsService(result.exitCode(), result.stdout());
            }
            case WG_QUICK, MACOS_WG_QUICK -> Files.exists(configFile())
                    ? VpnStateParser.fromWgInterfaces(runner.run(WireGuardCommands.wgShowInterfaces()).stdout(), tunnel)
                    : VpnState.NOT_IMPORTED;
        };
    }

    /** Connects, importing the peer config first when the OS does not know the tunnel yet. */
    public void connect(Secret peerConfig) {
        VpnBackend backend = backend().orElseThrow(this::notInstalled);
        VpnState now = state();
        switch (backend) {
            case NETWORK_MANAGER -> {
                if (now == VpnState.NOT_IMPORTED) {
                    Path file = writeConfig(peerConfig);
                    try {
                        check(WireGuardCommands.nmcliImport(file));
                    } finally {
                        // NetworkManager keeps its own copy; ours would only be a second place for the key.
                        deleteQuietly(file);
                    }
                }
                check(WireGuardCommands.nmcliUp(tunnel));
            }
            case WG_QUICK -> check(WireGuardCommands.wgQuickUp(writeConfig(peerConfig)));
            case MACOS_WG_QUICK -> check(WireGuardCommands.macWgQuick("up", writeConfig(peerConfig)));
            case WINDOWS_APP -> check(WireGuardCommands.windowsInstall(WINDOWS_APP, writeConfig(peerConfig)));
        }
    }

    public void disconnect() {
        VpnBackend backend = backend().orElseThrow(this::notInstalled);
        switch (backend) {
            case NETWORK_MANAGER -> check(WireGuardCommands.nmcliDown(tunnel));
            case WG_QUICK -> check(WireGuardCommands.wgQuickDown(configFile()));
            case MACOS_WG_QUICK -> check(WireGuardCommands.macWgQuick("down", configFile()));
            case WINDOWS_APP -> check(WireGuardCommands.windowsUninstall(WINDOWS_APP, tunnel));
        }
    }

    Path configFile() {
        return configDir.resolve(tunnel + ".conf");
    }

    /** Writes the peer config readable by its owner only (it holds the private key). */
    Path writeConfig(Secret peerConfig) {
        Path file = configFile();
        try {
            Files.createDirectories(configDir);
            if (!osName.startsWith("windows")) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, peerConfig.reveal(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The VPN configuration could not be written to "
                    + configDir + ".").remedy("Check that this folder is writable.").cause(e).build();
        }
    }

    private void check(List<String> argv) {
        CommandRunner.Result result = runner.run(argv);
        if (!result.ok()) {
            String detail = result.stderr().isBlank() ? result.stdout().trim() : result.stderr().trim();
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Switching the VPN failed: " + argv.get(0) + " said '"
                            + firstLine(detail) + "'.")
                    .remedy("Try again, or switch the '" + tunnel + "' connection in your system's network settings.")
                    .build();
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private OpenHavenException notInstalled() {
        return OpenHavenException.of(ErrorCategory.CONFIG, "WireGuard is not installed on this computer.")
                .remedy(WireGuardCommands.installHint(osName)).build();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the file is owner-only and is overwritten on the next import.
        }
    }
}
