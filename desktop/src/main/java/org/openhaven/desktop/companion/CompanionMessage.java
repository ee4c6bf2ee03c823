package org.openhaven.desktop.companion;

import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;

/**
 * What the window process and the tray process tell each other over the pipe between parent and child (the
 * child's stdin and stdout). Only that pipe carries {@link Unlock}: no other process can open it, unlike the
 * loopback single-instance port (docs/decisions/0012-tray-in-its-own-process.md).
 */
public sealed interface CompanionMessage {

    /** Window → tray, and tray → a window it starts: this haven's vault opens with this passphrase. */
    record Unlock(String havenId, Secret passphrase) implements CompanionMessage {
    }

    /** Tray → window: come to the front (the tray's "Open dashboard", or a second launch). */
    record Focus() implements CompanionMessage {
    }

    /** Tray → window: the user chose Quit in the tray; exit without asking. */
    record Quit() implements CompanionMessage {
    }

    /** Window → tray: a deploy ended while the window was hidden; the tray tells the user. */
    record DeployFinished(ProgressEvent.Outcome outcome, int stepsChanged) implements CompanionMessage {
    }

    /** Tray → window: the tray icon is up, so closing the window may leave the app in the tray. */
    record TrayReady() implements CompanionMessage {
    }

    /** Tray → window: this desktop has no system tray; the tray process exits and the window stays the app. */
    record NoTray() implements CompanionMessage {
    }
}
