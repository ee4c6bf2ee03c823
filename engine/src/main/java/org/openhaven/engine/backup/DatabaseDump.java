package org.openhaven.engine.backup;

import java.util.regex.Pattern;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * A PostgreSQL database dumped before each snapshot, so the snapshot holds a consistent copy rather than
 * half-written table files.
 *
 * @param dbService the compose service running postgres ({@code postgres})
 * @param database  the database name
 * @param user      the role that owns it
 */
public record DatabaseDump(String dbService, String database, String user) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public DatabaseDump {
        for (String part : new String[] {dbService, database, user}) {
            if (part == null || !NAME.matcher(part).matches()) {
                throw new IllegalArgumentException("database dump names must be simple identifiers: " + part);
            }
        }
    }

    /** The dump's file on the server, inside {@link BackupLayout#DUMP_DIR}. */
    public String file() {
        return BackupLayout.DUMP_DIR + "/" + dbService + "-" + database + ".pgdump";
    }

    /** Writes the dump (custom format) to stdout; the script redirects it into {@link #file()}. */
    public RemoteCommand dumpCommand() {
        return RemoteCommand.of("dump database " + database,
                BackupLayout.SCRIPT, "in-service", dbService,
                "pg_dump", "--username=" + user, "--format=custom", "--no-owner", database);
    }

    /** Replaces the database's contents with the dump in {@link #file()}, read on stdin. */
    public RemoteCommand restoreCommand() {
        return RemoteCommand.of("restore database " + database,
                BackupLayout.SCRIPT, "feed", file(), dbService,
                "pg_restore", "--username=" + user, "--dbname=" + database, "--clean", "--if-exists", "--no-owner");
    }
}
