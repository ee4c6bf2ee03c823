package org.openhaven.desktop.companion;

import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a haven's vault in this process with a passphrase the other process handed over. */
public final class VaultHandOver {

    private static final Logger LOG = LoggerFactory.getLogger(VaultHandOver.class);

    private VaultHandOver() {
    }

    /**
     * Selects the haven and opens its vault; the gateway remembers the passphrase for that haven, so selecting it
     * again later needs none. Leaves that haven selected.
     *
     * @return whether the vault opened; a failure (a vault changed meanwhile, a haven removed) is logged, never
     *         thrown: the user is asked again where the vault is needed
     */
    public static boolean open(EngineGateway engine, CompanionMessage.Unlock unlock) {
        try {
            engine.selectHaven(unlock.havenId());
            engine.openVault(unlock.passphrase());
            LOG.info("The vault of {} is open in this process", unlock.havenId());
            return true;
        } catch (OpenHavenException e) {
            LOG.info("The vault of {} did not open with the passphrase handed over: {}", unlock.havenId(),
                    e.userMessage());
            return false;
        }
    }
}
