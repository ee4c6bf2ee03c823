package org.openhaven.engine.backup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * A database dumped before each snapshot, so the snapshot holds a consistent copy rather than half-written table
 * files. Mirrors the catalog's {@code backup.dumps} entry.
 *
 * @param container the compose service running the database ({@code nextcloud-db})
 * @param command   the shell command, run in that container, whose standard output is the dump; it reads
 *                  credentials from the container's environment
 * @param fileName  the dump's file name inside {@link BackupLayout#DUMP_DIR}
 * @param restore   the shell command, run in that container, that loads the dump from standard input; null to
 *                  derive it from a {@code pg_dump} command
 */
public record DatabaseDump(String container, String command, String fileName, String restore) {

    private static final Pattern SIMPLE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    /** {@code pg_dump --username=USER [options] DATABASE}, the form the catalog's postgres dumps take. */
    private static final Pattern PG_DUMP = Pattern.compile("pg_dump\\s.*--username=([a-z0-9_]+)\\s.*?([a-z0-9_]+)\\s*");

    public DatabaseDump {
        if (container == null || !SIMPLE.matcher(container).matches() || fileName == null
                || !SIMPLE.matcher(fileName).matches()) {
            throw new IllegalArgumentException("dump container and file must be simple names: " + container + ", "
                    + fileName);
        }
    }

    /** A dump whose load command is derived from its {@code pg_dump} command. */
    public DatabaseDump(String container, String command, String fileName) {
        this(container, command, fileName, null);
    }

    /** The dump's file on the server. */
    public String file() {
        return BackupLayout.DUMP_DIR + "/" + fileName;
    }

    /** Writes the dump to stdout; the backup script redirects it into {@link #file()}. */
    public RemoteCommand dumpCommand() {
        return RemoteCommand.of("dump the database in " + container,
                BackupLayout.SCRIPT, "in-service", container, "sh", "-c", command);
    }

    /**
     * Loads {@link #file()} back into the database. For a plain {@code pg_dump … --clean --if-exists} dump that is
     * {@code psql} as the same user on the same database, stopping at the first error.
     */
    public RemoteCommand restoreCommand() {
        return RemoteCommand.of("load the database dump into " + container,
                BackupLayout.SCRIPT, "feed", file(), container, "sh", "-c", loadCommand());
    }

    private String loadCommand() {
        if (restore != null) {
            return restore;
        }
        Matcher pg = PG_DUMP.matcher(command);
        if (!pg.matches()) {
            throw OpenHavenException.internal("OpenHaven does not know how to load the dump made by '" + command
                    + "' in " + container + ".", null);
        }
        return "psql --set=ON_ERROR_STOP=1 --quiet --username=" + pg.group(1) + " --dbname=" + pg.group(2);
    }
}
