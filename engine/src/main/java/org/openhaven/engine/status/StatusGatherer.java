package org.openhaven.engine.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.DockerCommands;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.remote.SectionedOutput;
import org.openhaven.engine.remote.Shell;

/**
 * Gathers a {@link StatusReport} with one batched command (one SSH round trip): service states and health,
 * disk and memory, the live release, the TLS certificate's expiry and the last backup's status file. The CLI's
 * {@code status} command and the desktop's dashboard call {@link #gather(String)}.
 */
public final class StatusGatherer {

    private static final DateTimeFormatter OPENSSL_DATE =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy zzz", Locale.ROOT);

    private final RemoteExecutor executor;
    private final ServerLayout layout;

    public StatusGatherer(RemoteExecutor executor, ServerLayout layout) {
        this.executor = executor;
        this.layout = layout;
    }

    /** @param domain the haven's domain, sent as SNI so Traefik serves that certificate */
    public StatusReport gather(String domain) {
        ExecResult result = executor.run(command(layout, domain), OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "Could not read the server's status (exit code " + result.exitCode() + "):\n"
                                    + result.tail(10))
                    .remedy("Check that Docker runs on the server (systemctl status docker) and try again.")
                    .retryable(true)
                    .build();
        }
        return parse(result.stdout());
    }

    /** The one batched command; each section starts with a {@code @@name} line (file contents may lack a final newline, hence the extra echo). */
    static RemoteCommand command(ServerLayout layout, String domain) {
        String services = DockerCommands.serviceStates(ServerLayout.PROJECT).argv().get(2);
        String script = String.join("\n",
                "echo @@services", "{ " + services + "; } 2>/dev/null || true",
                "echo @@disk", "df -P -B1 " + RemoteCommand.quote(layout.root()) + " | tail -n 1",
                "echo @@memory", "grep -E '^(MemTotal|MemAvailable):' /proc/meminfo",
                "echo @@release", "readlink " + RemoteCommand.quote(layout.current()) + " || true",
                "echo @@backup", "cat " + RemoteCommand.quote(layout.backupStatus()) + " 2>/dev/null || true",
                "echo; echo @@tls",
                "if command -v openssl >/dev/null 2>&1; then echo | timeout 5 openssl s_client -connect 127.0.0.1:443"
                        + " -servername " + RemoteCommand.quote(domain) + " 2>/dev/null"
                        + " | openssl x509 -noout -enddate 2>/dev/null || true; fi");
        return Shell.raw("read the server's status", script);
    }

    static StatusReport parse(String stdout) {
        Map<String, List<String>> sections = SectionedOutput.parse(stdout);
        List<StatusReport.ServiceStatus> services = new ArrayList<>();
        for (String line : sections.getOrDefault("services", List.of())) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3) {
                services.add(new StatusReport.ServiceStatus(parts[0], parts[1], parts[2]));
            }
        }
        services.sort(java.util.Comparator.comparing(StatusReport.ServiceStatus::service));
        long diskTotal = 0;
        long diskFree = 0;
        List<String> disk = sections.getOrDefault("disk", List.of());
        if (!disk.isEmpty()) {
            String[] f = disk.get(0).strip().split("\\s+");
            if (f.length >= 4) {
                diskTotal = parseLong(f[1]);
                diskFree = parseLong(f[3]);
            }
        }
        long memTotal = 0;
        long memAvailable = 0;
        for (String line : sections.getOrDefault("memory", List.of())) {
            String[] f = line.strip().split("\\s+");
            long bytes = f.length >= 2 ? parseLong(f[1]) * 1024 : 0;
            if (f[0].startsWith("MemTotal")) {
                memTotal = bytes;
            } else if (f[0].startsWith("MemAvailable")) {
                memAvailable = bytes;
            }
        }
        String release = sections.getOrDefault("release", List.of()).stream().findFirst()
                .map(l -> l.substring(l.lastIndexOf('/') + 1).strip()).orElse("");
        String backup = String.join("\n", sections.getOrDefault("backup", List.of())).strip();
        Optional<Instant> expiry = sections.getOrDefault("tls", List.of()).stream()
                .filter(l -> l.startsWith("notAfter=")).findFirst().flatMap(StatusGatherer::parseNotAfter);
        return new StatusReport(services, diskTotal, diskFree, memTotal, memAvailable, release, expiry,
                backup.isEmpty() ? Optional.empty() : Optional.of(backup));
    }

    /** {@code notAfter=Feb  2 12:00:00 2027 GMT} as openssl prints it. */
    static Optional<Instant> parseNotAfter(String line) {
        String value = line.substring("notAfter=".length()).strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(java.time.ZonedDateTime.parse(value, OPENSSL_DATE).withZoneSameInstant(ZoneOffset.UTC)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
