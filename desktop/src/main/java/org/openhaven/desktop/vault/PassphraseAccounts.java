package org.openhaven.desktop.vault;

/**
 * The names of the keychain entries, all under the service {@value #SERVICE}: one account per haven, named by the
 * haven's id (which never changes, unlike its domain), and the single account versions before several havens kept.
 */
public final class PassphraseAccounts {

    public static final String SERVICE = "OpenHaven";
    /** The one entry older versions kept for whichever haven opened at start; moved to its haven's account. */
    public static final String LEGACY = "vault-passphrase";

    private PassphraseAccounts() {
    }

    /** {@code vault-passphrase:<havenId>}. */
    public static String of(String havenId) {
        return LEGACY + ":" + havenId;
    }
}
