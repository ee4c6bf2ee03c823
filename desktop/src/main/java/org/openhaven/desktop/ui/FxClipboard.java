package org.openhaven.desktop.ui;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard through JavaFX; call on the FX thread. */
public final class FxClipboard implements ClipboardPort {

    @Override
    public void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public String current() {
        String text = Clipboard.getSystemClipboard().getString();
        return text == null ? "" : text;
    }

    @Override
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }
}
