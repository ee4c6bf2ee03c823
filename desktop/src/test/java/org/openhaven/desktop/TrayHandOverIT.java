package org.openhaven.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.state.AtomicFiles;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * The tray in its own process (docs/decisions/0012), end to end with real JVMs on a private X display with a real
 * system tray (Xvfb + trayer): the window process started by the user starts the tray process, the passphrase typed
 * into the window's real dialog reaches the tray over their pipe, closing the window at rest ends the window's JVM
 * and leaves the tray with the vault open, a second launch hands over to the tray, which starts a window that opens
 * unlocked, and Quit in the tray's menu ends both.
 */
class TrayHandOverIT {

    private static final String PASSPHRASE = "home passphrase, long enough";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void theTrayOutlivesTheWindowWithTheVaultOpenHandsItToTheNextWindowAndQuitsBoth() throws Exception {
        Path havens = work.resolve("havens-home");
        Path config = work.resolve("config");
        havenWithVault(havens);
        Path logs = config.resolve("openhaven");
        Map<String, String> env = Map.of("OPENHAVEN_HOME", havens.toString(), "XDG_CONFIG_HOME", config.toString(),
                "PREFS", work.resolve("prefs").toString());

        try (TrayDesktop desktop = TrayDesktop.start()) {
            Process window = desktop.java(env, work.resolve("window-1.log"), ScriptedWindowMain.class.getName());
            PrintWriter toWindow = new PrintWriter(window.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader fromWindow = new BufferedReader(new InputStreamReader(window.getInputStream(),
                    StandardCharsets.UTF_8));

            toWindow.println("unlock " + PASSPHRASE);
            assertThat(fromWindow.readLine()).isEqualTo("done unlock");
            Path trayLog = logs.resolve("tray.log");
            awaitLine(trayLog, "The vault of home is open in this process");
            awaitLine(trayLog, "The tray shows home.example.org");
            toWindow.println("tray-pid");
            String trayPidLine = fromWindow.readLine();
            assertThat(trayPidLine).startsWith("tray-pid ");
            ProcessHandle tray = ProcessHandle.of(Long.parseLong(trayPidLine.substring("tray-pid ".length())))
                    .orElseThrow();
            desktop.track(tray);

            toWindow.println("close");
            assertThat(window.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the window's JVM ended").isTrue();
            assertThat(window.exitValue()).isZero();
            assertThat(tray.isAlive()).as("the tray process stays").isTrue();
            assertThat(Files.readString(trayLog)).doesNotContain(PASSPHRASE);

            Process secondLaunch = desktop.java(env, work.resolve("window-2.log"), Launcher.class.getName());
            assertThat(secondLaunch.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(secondLaunch.exitValue()).isZero();
            assertThat(Files.readString(work.resolve("window-2.log")))
                    .contains("The OpenHaven tray runs; asked it to open the window")
                    .doesNotContain("Unlocking the vault at start");
            ProcessHandle trayWindow = await("the tray's window").atMost(PATIENCE)
                    .until(() -> tray.children().filter(ProcessHandle::isAlive).findFirst().orElse(null),
                            child -> child != null);
            desktop.track(trayWindow);
            Path trayWindowLog = logs.resolve("window.log");
            awaitLine(trayWindowLog, "The vault of home is open in this process");
            assertThat(Files.readString(trayWindowLog)).doesNotContain("Unlocking the vault at start")
                    .doesNotContain(PASSPHRASE);

            desktop.chooseLastTrayMenuEntry();
            await("the tray and its window to quit").atMost(PATIENCE)
                    .until(() -> !tray.isAlive() && !trayWindow.isAlive());
            assertThat(Files.readString(trayLog)).contains("Quit chosen in the tray; the window quits too");
            assertThat(Files.readString(trayWindowLog)).contains("Quit chosen in the tray");
        }
    }

    private static void awaitLine(Path log, String text) {
        await(text + " in " + log.getFileName()).atMost(PATIENCE)
                .until(() -> Files.exists(log) && Files.readString(log).contains(text));
    }

    /** A haven called home with a saved spec and a vault, as the wizard leaves them, in a haven home of its own. */
    private void havenWithVault(Path havens) {
        FileBackedTestProvider provider = new FileBackedTestProvider(work.resolve("provider.json"));
        HavenEngine engine = TestHavens.engine(havens, provider, new FileBackedTestHost(work.resolve("host.log")));
        HavenSpec spec = TestHavens.cloudSpec("home");
        HavenSpec hetzner = new HavenSpec(spec.name(), spec.domain(), spec.owner(),
                new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, null), new DnsSpec("cloudflare", null),
                spec.tls(), spec.services(), null, spec.vpn(), spec.mail());
        AtomicFiles.write(engine.store().create("home").specFile(),
                new HavenSpecWriter().write(hetzner).getBytes(StandardCharsets.UTF_8));
        Vault.openOrCreate(engine.directory("home").vaultFile(), Secret.of(PASSPHRASE)).put("note", Secret.of("x"));
    }
}
