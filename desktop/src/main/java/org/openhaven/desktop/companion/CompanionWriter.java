package org.openhaven.desktop.companion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link CompanionMessage}s, one line each, to the other process's end of the pipe. The passphrase of an
 * unlock travels base64-encoded (so any character fits on one line) and is never logged. Thread-safe.
 */
public final class CompanionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CompanionWriter.class);

    private final Writer out;
    private boolean broken;

    public CompanionWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** The line for a message, without its line break. */
    public static String format(CompanionMessage message) {
        if (message instanceof CompanionMessage.Unlock unlock) {
            return "unlock " + unlock.havenId() + " "
                    + Base64.getEncoder().encodeToString(unlock.passphrase().revealBytes());
        }
        if (message instanceof CompanionMessage.DeployFinished finished) {
            return "deploy-finished " + finished.outcome().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + finished.stepsChanged();
        }
        if (message instanceof CompanionMessage.Focus) {
            return "focus";
        }
        if (message instanceof CompanionMessage.Quit) {
            return "quit";
        }
        if (message instanceof CompanionMessage.TrayReady) {
            return "tray-ready";
        }
        return "no-tray";
    }

    /**
     * Sends one message. A closed pipe means the other process is gone: that is logged once and later messages are
     * dropped, since there is nobody to tell.
     *
     * @return whether the message was written
     */
    public synchronized boolean send(CompanionMessage message) {
        if (broken) {
            return false;
        }
        try {
            out.write(format(message));
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            broken = true;
            LOG.info("The other OpenHaven process is gone ({}); not telling it anything more", e.getMessage());
            return false;
        }
    }
}
