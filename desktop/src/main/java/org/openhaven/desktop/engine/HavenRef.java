package org.openhaven.desktop.engine;

/**
 * A haven set up on this computer, as the desktop names it to the user.
 *
 * @param id     the haven's name in the engine (its directory, vault and cloud label)
 * @param domain the domain it serves; empty when its spec could not be read
 */
public record HavenRef(String id, String domain) {

    public HavenRef {
        domain = domain == null ? "" : domain;
    }

    /** What the user knows the haven by: its domain ("home.example.org"), else its name. */
    public String label() {
        return domain.isBlank() ? id : domain;
    }

    @Override
    public String toString() {
        return label();
    }
}
