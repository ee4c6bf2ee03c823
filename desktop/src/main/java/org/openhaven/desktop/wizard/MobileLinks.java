package org.openhaven.desktop.wizard;

/** What the QR codes on the Done page encode, so a phone app can set itself up by scanning. */
public final class MobileLinks {

    private MobileLinks() {
    }

    /**
     * The Nextcloud mobile apps' login link ({@code nc://login/server:<url>}), which opens the app's login
     * flow for that server.
     */
    public static String nextcloud(String serverUrl) {
        return "nc://login/server:" + serverUrl;
    }

    /** The Bitwarden apps take the self-hosted server URL under "Self-hosted environment". */
    public static String bitwarden(String serverUrl) {
        return serverUrl;
    }
}
