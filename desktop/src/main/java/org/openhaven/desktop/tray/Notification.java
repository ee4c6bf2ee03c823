package org.openhaven.desktop.tray;

/** A desktop notification to show once; {@code key} identifies it so the same news is not repeated. */
public record Notification(String key, Level level, String title, String text) {

    /** How urgent the news is; maps to the tray's message type. */
    public enum Level { INFO, WARNING, ERROR }
}
