package org.openhaven.engine.remote;

/** One line a remote command wrote, without its line ending. */
public record OutputLine(Stream stream, String text) {

    /** Which of the command's output streams the line came from. */
    public enum Stream { STDOUT, STDERR }
}
