package org.openhaven.desktop.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.openhaven.desktop.DesktopAppAccess;

/**
 * Benchmark, not a test: starts the real desktop app, measures JVM start → first wizard window shown, then
 * closes every window the way a click on the close box does (WINDOW_CLOSE_REQUEST), so the app goes to the
 * tray, waits, and reports the process's resident memory. Run by scripts/bench-desktop.sh under Xvfb + trayer.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        long idleSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
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
        FutureTask<Void> close = new FutureTask<>(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
                if (window != Window.getWindows().stream().filter(w -> w instanceof Stage s
                        && "OpenHaven".equals(s.getTitle())).findFirst().orElse(null)) {
                    window.hide();
                }
            }
            return null;
        });
        Platform.runLater(close);
        close.get();
        boolean hidden = !main.isShowing();
        // No System.gc() here: giving memory back after the window hides is the app's job, measured as shipped.
        Thread.sleep(idleSeconds * 1000);
        System.out.printf("first-window-ms=%d%ncpu-ms-to-first-window=%d%nwindow-hidden=%s%nrss-after-%ds-mib=%.1f%n",
                firstWindowMs, cpuMs, hidden, idleSeconds, ProcessMemory.rssMib());
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
