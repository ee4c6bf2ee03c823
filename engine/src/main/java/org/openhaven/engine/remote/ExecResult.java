package org.openhaven.engine.remote;

/**
 * How a remote command ended.
 *
 * @param exitCode the command's exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last {@code n} non-blank lines of stderr (or of stdout when stderr is empty), for error messages. */
    public String tail(int n) {
        String source = stderr.isBlank() ? stdout : stderr;
        java.util.List<String> lines = source.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
