package org.openhaven.engine.remote;

/**
 * The server-side deploy lock: a directory, because {@code mkdir} is atomic: of two deploys racing, exactly one
 * creates it. The directory holds a {@code holder} file saying who, when and which release, for the message
 * the loser shows.
 */
public final class LockCommands {

    /** Exit code of {@link #acquire} when someone else holds the lock. */
    public static final int HELD = 75;

    private LockCommands() {
    }

    /** Takes the lock or exits {@link #HELD} printing the current holder on stdout. */
    public static RemoteCommand acquire(String lockDir, String holder) {
        return Shell.raw("take the deploy lock", acquireScript(lockDir, holder));
    }

    /** The shell text of {@link #acquire}, for embedding in a larger script. */
    public static String acquireScript(String lockDir, String holder) {
        String dir = RemoteCommand.quote(lockDir);
        return "if mkdir " + dir + " 2>/dev/null; then printf '%s\\n' " + RemoteCommand.quote(holder) + " > "
                + dir + "/holder; else cat " + dir + "/holder 2>/dev/null; exit " + HELD + "; fi";
    }

    public static RemoteCommand release(String lockDir) {
        return RemoteCommand.of("release the deploy lock", "rm", "-rf", lockDir);
    }
}
