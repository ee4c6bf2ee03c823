package org.openhaven.desktop.tray;

/** What the tray menu can make the app do; the app implements it, tests record calls. */
public interface TrayActions {

    void openDashboard();

    void openUrl(String url);

    /** Turns this computer's VPN connection on or off. */
    void setVpn(boolean on);

    void quit();
}
