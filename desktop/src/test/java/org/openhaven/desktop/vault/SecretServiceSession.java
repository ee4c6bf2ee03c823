package org.openhaven.desktop.vault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.openhaven.engine.testsupport.Requirements;

/**
 * A real freedesktop Secret Service of its own: a private D-Bus session bus (a config without service activation,
 * so nothing else is started behind the test's back) and gnome-keyring-daemon on it with an unlocked login
 * keyring, its files in {@code dir}. Both are stopped by their own PIDs in {@link #close()}. {@code secret-tool},
 * an independent client, reads and writes entries as any other program on the desktop would.
 */
final class SecretServiceSession implements AutoCloseable {

    private final Path dir;
    private final Process bus;
    private final String address;
    private Process keyring;

    private SecretServiceSession(Path dir, Process bus, String address) {
        this.dir = dir;
        this.bus = bus;
        this.address = address;
    }

    static SecretServiceSession start(Path dir) throws IOException {
        Path dbusDaemon = Requirements.command("dbus-daemon");
        Requirements.command("gnome-keyring-daemon");
        Requirements.command("secret-tool");
        Requirements.command("dbus-send");
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus")));
        Process bus = new ProcessBuilder(dbusDaemon.toString(), "--config-file=" + config, "--nofork",
                "--print-address=1").redirectError(dir.resolve("dbus.log").toFile()).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        SecretServiceSession session = new SecretServiceSession(dir, bus, address);
        try {
            if (address == null || !address.startsWith("unix:")) {
                throw new IllegalStateException("dbus-daemon printed no address; see " + dir.resolve("dbus.log"));
            }
            session.startKeyring();
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** The keyring daemon in the foreground (so its PID is the one started), unlocked with a password on stdin. */
    private void startKeyring() throws IOException {
        Path home = Files.createDirectories(dir.resolve("keyring-home"));
        Path runtime = Files.createDirectories(dir.resolve("keyring-runtime"));
        ProcessBuilder builder = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true).redirectOutput(dir.resolve("keyring.log").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", keyringData().toString());
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        keyring = builder.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("keyring password of the test".getBytes(StandardCharsets.UTF_8));
        }
        Awaitility.await("the Secret Service on the test's bus").atMost(20, TimeUnit.SECONDS)
                .pollInterval(100, TimeUnit.MILLISECONDS).until(this::secretServiceOwnsItsName);
    }

    private boolean secretServiceOwnsItsName() throws IOException, InterruptedException {
        return run("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets").out().contains("boolean true");
    }

    /** Where the keyring daemon keeps its (encrypted) keyring files. */
    Path keyringData() {
        return dir.resolve("keyring-data");
    }

    String address() {
        return address;
    }

    /** The entry as any Secret Service client sees it: service "OpenHaven", the given account. */
    Optional<String> lookup(String account) throws IOException, InterruptedException {
        Result found = run("secret-tool", "lookup", "service", PassphraseAccounts.SERVICE, "account", account);
        return found.exitCode() == 0 ? Optional.of(found.out()) : Optional.empty();
    }

    /** Stores an entry the way java-keyring lays it out (attributes service and account). */
    void store(String account, String passphrase) throws IOException, InterruptedException {
        Process process = command("secret-tool", "store", "--label=" + PassphraseAccounts.SERVICE + "|" + account,
                "service", PassphraseAccounts.SERVICE, "account", account).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(passphrase.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("secret-tool store failed: " + new String(
                    process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record Result(int exitCode, String out) {
    }

    private Result run(String... argv) throws IOException, InterruptedException {
        Process process = command(argv).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", argv) + " did not finish");
        }
        return new Result(process.exitValue(), out);
    }

    private ProcessBuilder command(String... argv) {
        ProcessBuilder builder = new ProcessBuilder(List.of(argv)).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        return builder;
    }

    @Override
    public void close() {
        for (Process process : new Process[] {keyring, bus}) {
            if (process != null) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
