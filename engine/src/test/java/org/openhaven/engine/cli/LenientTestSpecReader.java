package org.openhaven.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.SpecReader;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;

/**
 * TEST-SCOPE lenient reader of {@code haven.yaml}: the strict loader accepts only the real providers, and these
 * tests run against the test-scope provider {@code testcloud}.
 */
final class LenientTestSpecReader implements SpecReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public HavenSpec read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw OpenHavenException.config("There is no spec file " + file + ".",
                    "Pass the path of your haven.yaml with --spec, or run 'openhaven init' to write one.");
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, file + " is not valid YAML.")
                    .remedy("Fix the syntax error near the position the YAML parser names: " + firstLine(e))
                    .build();
        }
        if (root == null || !root.isObject()) {
            throw OpenHavenException.config(file + " is empty or not a mapping.", "Start from examples/haven.yaml.");
        }
        JsonNode server = root.path("server");
        JsonNode dns = root.path("dns");
        List<ServiceSelection> services = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            if (s.isTextual()) {
                services.add(ServiceSelection.of(s.asText()));
            } else {
                s.fields().forEachRemaining(e -> {
                    Map<String, String> options = new TreeMap<>();
                    e.getValue().fields().forEachRemaining(o -> options.put(o.getKey(), o.getValue().asText()));
                    services.add(new ServiceSelection(e.getKey(), options));
                });
            }
        }
        List<VpnSpec.Peer> peers = new ArrayList<>();
        root.path("vpn").path("peers").forEach(p -> peers.add(new VpnSpec.Peer(p.isTextual() ? p.asText() : p.path("name").asText())));
        JsonNode backup = root.path("backup");
        return new HavenSpec(required(root, "name", file), required(root, "domain", file).toLowerCase(java.util.Locale.ROOT),
                new Owner(root.path("owner").path("name").asText(null), root.path("owner").path("email").asText(null)),
                new ServerSpec(required(server, "provider", file), text(server, "region"), text(server, "size"),
                        text(server, "host"), server.has("port") ? server.get("port").asInt() : null,
                        text(server, "user"), text(server, "endpoint")),
                new DnsSpec(dns.path("provider").asText("manual"), text(dns, "endpoint")),
                "dns-01".equals(root.path("tls").asText()) ? TlsMode.DNS_01 : TlsMode.HTTP_01,
                services,
                backup.isObject() ? new BackupSpec(text(backup, "endpoint"), text(backup, "region"),
                        text(backup, "bucket"), text(backup, "prefix"), text(backup, "schedule"),
                        BackupSpec.Retention.DEFAULT) : null,
                new VpnSpec(peers),
                new MailSpec(root.path("mail").path("enabled").asBoolean(root.path("mail").asBoolean(false))));
    }

    private static String required(JsonNode node, String field, Path file) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw OpenHavenException.config(file + ": '" + field + "' is missing.", "Add '" + field + ":' to the spec.");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
