package org.openhaven.desktop.companion;

/**
 * What closing the main window does, once the tray lives in a process of its own. The window process exits (its
 * JVM and JavaFX with it, which is what keeps the tray light) only when nothing in it would be lost; otherwise it
 * hides as before and exits later, once it is at rest and still hidden. Without a tray process closing quits, as
 * on a desktop without a tray. Pure.
 */
public final class ClosePolicy {

    /** The outcome of a close request, or of a check while the window is hidden. */
    public enum Decision {
        /** End the window process: the tray process (if any) stays, and without one this quits the app. */
        EXIT,
        /** Keep the process and hide the window to the tray: something in it is not done yet. */
        HIDE
    }

    /**
     * What the window shows and runs when the user closes it.
     *
     * @param trayRuns       a tray process is connected and has its icon up
     * @param dashboardShown the dashboard, not the wizard, fills the window
     * @param wizardUntouched the wizard is on its first page and never left it (nothing typed)
     * @param workRunning    a deploy, apply or other engine call is under way
     * @param dialogOpen     another window of the app (a dialog) is showing
     */
    public record WindowState(boolean trayRuns, boolean dashboardShown, boolean wizardUntouched, boolean workRunning,
                              boolean dialogOpen) {
    }

    private ClosePolicy() {
    }

    public static Decision onClose(WindowState state) {
        // without a tray there is nowhere to hide to: closing quits, as it always did on such desktops
        return !state.trayRuns() || atRest(state) ? Decision.EXIT : Decision.HIDE;
    }

    /** While hidden: exit as soon as the window came to rest; otherwise keep waiting (never quit from hiding). */
    public static boolean exitWhileHidden(WindowState state) {
        return state.trayRuns() && atRest(state);
    }

    private static boolean atRest(WindowState state) {
        return (state.dashboardShown() || state.wizardUntouched()) && !state.workRunning() && !state.dialogOpen();
    }
}
