package org.openhaven.engine.backup;

/** What a command printed and how it ended. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
