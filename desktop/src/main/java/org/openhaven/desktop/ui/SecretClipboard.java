package org.openhaven.desktop.ui;

import java.time.Duration;
import org.openhaven.engine.secrets.Secret;

/**
 * Copies a secret to the clipboard and clears it again after {@link #CLEAR_AFTER}, unless the user has copied
 * something else in the meantime (then their clipboard is theirs).
 */
public final class SecretClipboard {

    public static final Duration CLEAR_AFTER = Duration.ofSeconds(60);

    private final ClipboardPort clipboard;
    private final Scheduler scheduler;

    public SecretClipboard(ClipboardPort clipboard, Scheduler scheduler) {
        this.clipboard = clipboard;
        this.scheduler = scheduler;
    }

    public void copy(Secret secret) {
        String value = secret.reveal();
        clipboard.put(value);
        scheduler.schedule(CLEAR_AFTER, () -> {
            if (value.equals(clipboard.current())) {
                clipboard.clear();
            }
        });
    }
}
