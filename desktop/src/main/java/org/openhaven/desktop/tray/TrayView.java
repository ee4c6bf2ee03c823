package org.openhaven.desktop.tray;

/** Where the tray's state is drawn: the AWT system tray in the app, a recording in tests. */
public interface TrayView {

    void show(TrayMenu menu);

    void notify(Notification notification);
}
