package org.openhaven.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenStatus;
import org.openhaven.engine.haven.ResourceStatus;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the haven's resources, checked against the providers, and how the last run went.")
final class StatusCommand extends HavenCommand {

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    /** Judges how old the last backup is. */
    java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public Integer call() {
        HavenSpec spec = havenOptions.resolve(context());
        Vault vault = vault(spec.havenId());
        HavenStatus status = engine().status(spec, vault);
        ServerView server = server(spec, vault);
        if (json) {
            printJson(status, engine().state(spec.havenId()).server(), server,
                    backupHealth(spec, vault, new PrintWriter(java.io.Writer.nullWriter())));
        } else {
            printText(status);
            hostKeyLine(engine().state(spec.havenId())).ifPresent(out()::println);
            printServer(server);
            backupHealth(spec, vault, out());
        }
        out().flush();
        return OpenHavenCli.OK;
    }

    /**
     * Reads the server's backup status over SSH and prints its health; null when the haven has no backup or is not
     * deployed. A server that cannot be asked is reported, not fatal: the rest of the status still stands.
     */
    private String backupHealth(HavenSpec spec, Vault vault, PrintWriter text) {
        if (spec.backupTarget().isEmpty() || !engine().isDeployed(spec.havenId())) {
            return null;
        }
        try {
            HavenBackup backup = new DeployedHavenBackups(context()).open(spec, vault);
            return BackupCommand.printHealth(backup.operations().status(), clock.instant(), text, "  ").name();
        } catch (OpenHavenException e) {
            text.println("  Could not read the backup status: " + e.describe());
            return "UNKNOWN";
        }
    }

    private void printText(HavenStatus status) {
        out().println("Haven '" + status.haven() + "' (state revision " + status.revision() + ")");
        status.lockHolder().ifPresent(h -> out().println("  Locked by " + h.describe()));
        if (status.resources().isEmpty()) {
            out().println("  Nothing created yet. Run 'openhaven apply' to build it.");
        }
        for (ResourceStatus r : status.resources()) {
            out().printf("  %-8s %-11s %-32s %s%n", r.presence().name().toLowerCase(java.util.Locale.ROOT),
                    r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), r.name(),
                    r.providerId() == null ? "" : "id " + r.providerId());
        }
        status.journal().stream().filter(j -> j.status() != JournalEntry.Status.DONE).forEach(j ->
                out().println("  Step " + j.stepId() + " " + j.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (j.summary().isEmpty() ? "" : ": " + j.summary())));
        status.problems().forEach(p -> out().println("  Could not check with the provider: " + p));
    }

    /** The pinned host key from the state's {@code server} section, one line; nothing before the first contact. */
    static java.util.Optional<String> hostKeyLine(org.openhaven.engine.state.HavenState state) {
        return java.util.Optional.ofNullable(state.server()).map(k -> "  Host key " + k.fingerprint() + " for "
                + k.host() + ":" + k.port() + (k.pinnedAt() == null ? "" : " (trusted "
                + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(k.pinnedAt().atZone(java.time.ZoneOffset.UTC))
                + ")"));
    }

    /** The server's own view over SSH, or why it could not be had (a problem to show, not a failed status). */
    record ServerView(java.util.List<String> lines, String problem) {
    }

    private ServerView server(HavenSpec spec, Vault vault) {
        try {
            return new ServerView(engine().serverStatus(spec, vault), null);
        } catch (OpenHavenException e) {
            return new ServerView(java.util.List.of(), e.userMessage()
                    + (e.remedy() == null || e.remedy().isEmpty() ? "" : " " + e.remedy()));
        }
    }

    private void printServer(ServerView server) {
        if (server.problem() != null) {
            out().println("  Could not check the server: " + server.problem());
        } else if (!server.lines().isEmpty()) {
            out().println("Server");
            server.lines().forEach(l -> out().println("  " + l));
        }
    }

    /** The status with the lock holder as a nullable field, for JSON. */
    record JsonView(String haven, long revision, java.util.List<ResourceStatus> resources,
                    java.util.List<JournalEntry> journal, org.openhaven.engine.state.HavenLock.Holder lockHolder,
                    java.util.List<String> problems, org.openhaven.engine.state.ServerHostKey hostKey,
                    java.util.List<String> server, String serverProblem, String backupHealth) {
    }

    private void printJson(HavenStatus status, org.openhaven.engine.state.ServerHostKey hostKey, ServerView server,
                           String backupHealth) {
        try {
            out().println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new JsonView(status.haven(), status.revision(),
                            status.resources(), status.journal(), status.lockHolder().orElse(null), status.problems(),
                            hostKey, server.lines(), server.problem(), backupHealth)));
        } catch (IOException e) {
            throw OpenHavenException.internal("Could not encode the status.", e);
        }
    }
}
