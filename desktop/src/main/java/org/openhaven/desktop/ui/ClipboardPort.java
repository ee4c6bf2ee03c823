package org.openhaven.desktop.ui;

/** The system clipboard, behind an interface so the clearing rule is testable without a window. */
public interface ClipboardPort {

    void put(String text);

    /** The clipboard's current text, or empty when it holds none. */
    String current();

    void clear();
}
