package org.openhaven.engine.haven;

import org.openhaven.engine.host.PreflightReport;

/**
 * What a look at a server the user already has found, before anything on it changes.
 *
 * @param login        who logged in where, {@code root@203.0.113.7:22}
 * @param hostKey      the server's host key fingerprint ({@code SHA256:…}), now pinned
 * @param firstContact true when no pin existed for the server, so this key was trusted now
 * @param report       the preflight's facts
 */
public record ServerInspection(String login, String hostKey, boolean firstContact, PreflightReport report) {

    /** One line for people: {@code root@203.0.113.7:22 · Debian GNU/Linux 12 (bookworm) · host key SHA256:…}. */
    public String describe() {
        return login + " · " + report.prettyName() + " · host key " + hostKey;
    }

    /** The server's memory in MiB, for comparing against what the chosen services need. */
    public int memoryMb() {
        return (int) (report.memoryKib() / 1024);
    }
}
