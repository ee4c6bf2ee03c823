package org.openhaven.desktop.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.openhaven.desktop.DesktopAppAccess;

/**
 * Benchmark, not a test: starts the real desktop app (the window process, which starts the tray process as its
 * child), measures JVM start → first wizard window shown, waits for the tray to be up, records the resident memory of
 * both processes while the window is open, then closes every window the way a click on the close box does
 * (WINDOW_CLOSE_REQUEST). The window process then ends by itself (it is at rest); this JVM reports whether it did and
 * the tray's PID, and exits, leaving the tray. scripts/bench-desktop.sh reads the tray's memory after the idle time and
 * ends it. Run by that script under Xvfb + trayer.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> Application.launch(DesktopAppAccess.appClass()), "bench-app");
        app.setDaemon(true);
        app.start();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Stage main = null;
        while (main == null) {
            Thread.sleep(5);
            main = firstShownMainStage();
        }
        long firstWindowMs = System.currentTimeMillis() - jvmStart;
        // CPU time used until then (all threads): unlike the wall clock, hardly moved by other load on the machine
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        Thread.sleep(1000);
        for (int i = 0; i < 600 && !DesktopAppAccess.trayRuns(); i++) {
            Thread.sleep(100);
        }
        OptionalLong tray = DesktopAppAccess.trayPid();
        if (!DesktopAppAccess.trayRuns() || tray.isEmpty()) {
            System.out.println("tray-ready=false");
            System.exit(1);
        }
        String trayPid = Long.toString(tray.getAsLong());
        double bothNow = ProcessMemory.rssMib() + ProcessMemory.rssMib(tray.getAsLong());
        double bothPeak = ProcessMemory.peakMib("self") + ProcessMemory.peakMib(trayPid);
        FutureTask<Void> close = new FutureTask<>(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
                if (window instanceof Stage stage && stage.getOwner() != null) {
                    window.hide();
                }
            }
            return null;
        });
        Platform.runLater(close);
        close.get();
        // the window process ends JavaFX by itself when it is at rest; the Launcher would then end the JVM
        app.join(60_000);
        System.out.printf("first-window-ms=%d%ncpu-ms-to-first-window=%d%nwindow-process-exited=%s%n"
                        + "window-open-rss-both-mib=%.1f%npeak-rss-both-mib=%.1f%ntray-pid=%s%n",
                firstWindowMs, cpuMs, !app.isAlive(), bothNow, bothPeak, trayPid);
        System.exit(0);
    }

    private static Stage firstShownMainStage() throws Exception {
        FutureTask<Stage> find = new FutureTask<>(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "OpenHaven".equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null));
        try {
            Platform.runLater(find);
        } catch (IllegalStateException toolkitNotYetUp) {
            return null;
        }
        return find.get();
    }
}
