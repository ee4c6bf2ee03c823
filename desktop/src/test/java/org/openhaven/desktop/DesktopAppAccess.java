package org.openhaven.desktop;

import javafx.application.Application;

/** Lets the benchmark in another package launch the real app class and see its tray process. */
public final class DesktopAppAccess {

    private DesktopAppAccess() {
    }

    public static Class<? extends Application> appClass() {
        return DesktopApp.class;
    }

    /** The tray process the running window started, if any. */
    public static java.util.OptionalLong trayPid() {
        return DesktopApp.trayPid();
    }

    /** Whether the tray process is up and connected. */
    public static boolean trayRuns() {
        return DesktopApp.trayRuns();
    }
}
