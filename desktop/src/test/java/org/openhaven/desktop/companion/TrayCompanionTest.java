package org.openhaven.desktop.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.tray.Notification;
import org.openhaven.desktop.tray.NotificationPolicy;
import org.openhaven.desktop.tray.TrayController;
import org.openhaven.desktop.tray.TrayMenu;
import org.openhaven.desktop.tray.TrayView;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.vpn.CommandRunner;
import org.openhaven.desktop.vpn.VpnController;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;

/** The tray process's handling of windows and their messages, with a recording tray and a scripted engine. */
class TrayCompanionTest {

    private static final HavenRef HOME = new HavenRef("home", "home.example.org");
    private static final HavenRef FAMILY = new HavenRef("family", "family.example.org");

    @TempDir
    Path config;

    private final RecordingTray tray = new RecordingTray();
    private final ScriptedTestEngine engine = new ScriptedTestEngine().withHavens(havens());
    private final List<ByteArrayOutputStream> startedWindows = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final List<String> exits = new ArrayList<>();
    private final TrayCompanion companion = new TrayCompanion(tray, engine, Async.direct(), this::startWindow,
            opened::add, () -> exits.add("exit"));

    private static Map<HavenRef, String> havens() {
        Map<HavenRef, String> havens = new LinkedHashMap<>();
        havens.put(HOME, "home-pass");
        havens.put(FAMILY, "family-pass");
        return havens;
    }

    /** A window that reads what the tray writes and never writes back (its pipe stays open). */
    private Optional<CompanionLink> startWindow(Consumer<CompanionMessage> onMessage, Runnable onClosed) {
        ByteArrayOutputStream toWindow = new ByteArrayOutputStream();
        startedWindows.add(toWindow);
        return Optional.of(CompanionLink.open("window", silentPipe(), toWindow, onMessage, onClosed));
    }

    private static PipedInputStream silentPipe() {
        try {
            return new PipedInputStream(new PipedOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHandedOverPassphraseOpensThatHavensVaultInTheTraysOwnGateway() {
        companion.onMessage(new CompanionMessage.Unlock("family", Secret.of("family-pass")));

        assertThat(engine.openedHavens()).containsExactly("family");
    }

    @Test
    void aWrongHandedOverPassphraseOpensNothingAndDoesNotFail() {
        companion.onMessage(new CompanionMessage.Unlock("home", Secret.of("not-it")));

        assertThat(engine.openedHavens()).isEmpty();
    }

    @Test
    void aDeployThatFinishedWhileTheWindowWasHiddenIsNews() {
        companion.onMessage(new CompanionMessage.DeployFinished(ProgressEvent.Outcome.SUCCEEDED, 4));

        Notification expected = NotificationPolicy.onRunFinished(
                new ProgressEvent.RunFinished(Instant.EPOCH, ProgressEvent.Outcome.SUCCEEDED, 0, 4));
        assertThat(tray.notifications).containsExactly(expected);
    }

    @Test
    void openDashboardAsksTheConnectedWindowToComeToTheFront() {
        ByteArrayOutputStream toParent = new ByteArrayOutputStream();
        companion.connectParent(CompanionLink.open("window", silentPipe(), toParent, m -> { }, () -> { }));

        companion.openDashboard();

        assertThat(text(toParent)).isEqualTo("focus\n");
        assertThat(startedWindows).isEmpty();
    }

    @Test
    void withoutAWindowOpenDashboardStartsOneAndHandsItEveryVaultBeforeSayingTheTrayIsReady() {
        companion.onMessage(new CompanionMessage.Unlock("home", Secret.of("home-pass")));
        companion.onMessage(new CompanionMessage.Unlock("family", Secret.of("family-pass")));

        companion.openDashboard();
        companion.openDashboard();

        assertThat(startedWindows).hasSize(1);
        assertThat(text(startedWindows.get(0))).isEqualTo("unlock home aG9tZS1wYXNz\nunlock family ZmFtaWx5LXBhc3M=\n"
                + "tray-ready\nfocus\n");
    }

    @Test
    void afterItsWindowExitedTheTrayStartsANewOne() {
        CompanionLink parent = CompanionLink.open("window", silentPipe(), new ByteArrayOutputStream(), m -> { },
                () -> { });
        companion.connectParent(parent);

        companion.windowClosed(parent);
        companion.openDashboard();

        assertThat(startedWindows).hasSize(1);
        assertThat(companion.hasWindow()).isTrue();
    }

    @Test
    void quitTellsTheWindowToQuitAndEndsTheTray() {
        ByteArrayOutputStream toParent = new ByteArrayOutputStream();
        companion.connectParent(CompanionLink.open("window", silentPipe(), toParent, m -> { }, () -> { }));

        companion.quit();

        assertThat(text(toParent)).isEqualTo("quit\n");
        assertThat(exits).containsExactly("exit");
    }

    @Test
    void theTrayMenuFollowsTheWindowsHavenAndItsEntriesReachTheTray() {
        TrayController controller = new TrayController(tray, engine, new VpnController(new NoWireGuard(), "Linux",
                config.resolve("wireguard")), Async.direct(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), companion);
        companion.attach(controller);
        controller.follow(() -> Optional.of("family"));
        companion.onMessage(new CompanionMessage.Unlock("family", Secret.of("family-pass")));

        TrayMenu menu = tray.menus.get(tray.menus.size() - 1);
        assertThat(menu.item("status").label()).contains("family.example.org");
        menu.item("open:nextcloud").action().run();
        menu.item("quit").action().run();
        assertThat(opened).containsExactly("https://nextcloud.family.example.org");
        assertThat(exits).containsExactly("exit");
    }

    private static final class RecordingTray implements TrayView {
        final List<TrayMenu> menus = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();

        @Override
        public void show(TrayMenu menu) {
            menus.add(menu);
        }

        @Override
        public void notify(Notification notification) {
            notifications.add(notification);
        }
    }

    /** A computer without WireGuard: the VPN entry is disabled, nothing runs. */
    private static final class NoWireGuard implements CommandRunner {
        @Override
        public Result run(List<String> argv) {
            return new Result(127, "", "not found");
        }

        @Override
        public boolean exists(String command) {
            return false;
        }
    }
}
