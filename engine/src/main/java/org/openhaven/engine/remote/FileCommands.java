package org.openhaven.engine.remote;

/** Builders for file-system commands on the server. Pure functions: same input, same command. */
public final class FileCommands {

    private FileCommands() {
    }

    public static RemoteCommand mkdirs(String path, String mode) {
        return RemoteCommand.of("create " + path, "install", "-d", "-m", mode, path);
    }

    /** Writes the command's stdin to {@code path} with {@code mode}, root-owned, replacing it atomically. */
    public static RemoteCommand writeFromStdin(String path, String mode) {
        String temp = path + ".openhaven-new";
        return Shell.script("write " + path,
                RemoteCommand.of("", "install", "-m", mode, "-o", "root", "-g", "root", "/dev/stdin", temp),
                RemoteCommand.of("", "mv", "-f", temp, path));
    }

    /**
     * Points {@code link} at {@code target} atomically: a new link under a temporary name, then a rename over the
     * old one ({@code mv -T}), so a reader sees either the old release or the new one, never none.
     */
    public static RemoteCommand switchLink(String target, String link) {
        String temp = link + ".openhaven-new";
        return Shell.script("switch " + link + " to " + target,
                RemoteCommand.of("", "ln", "-sfn", target, temp),
                RemoteCommand.of("", "mv", "-T", temp, link));
    }

    /** Unpacks a tar stream from stdin into {@code dir}, via a temporary directory renamed into place when complete. */
    public static RemoteCommand untarInto(String dir) {
        String temp = dir + ".partial";
        return Shell.script("unpack the bundle into " + dir,
                RemoteCommand.of("", "rm", "-rf", temp),
                RemoteCommand.of("", "install", "-d", "-m", "0700", temp),
                RemoteCommand.of("", "tar", "-x", "-f", "-", "-C", temp, "--no-same-owner"),
                RemoteCommand.of("", "rm", "-rf", dir),
                RemoteCommand.of("", "mv", "-T", temp, dir));
    }

    public static RemoteCommand remove(String path) {
        return RemoteCommand.of("remove " + path, "rm", "-rf", path);
    }

    public static RemoteCommand chmod(String mode, String path) {
        return RemoteCommand.of("restrict " + path, "chmod", mode, path);
    }
}
