package org.openhaven.engine.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code haven.yaml} into a validated {@link HavenSpec}. Every problem in the file, structural (unknown
 * keys, wrong shapes) or semantic (see {@link SpecValidator}), is reported together in one CONFIG
 * {@link OpenHavenException} whose lines read {@code haven.yaml:14: services[2]: unknown service ...}.
 *
 * <p>Accepted forms beyond the plain one: a service as a bare id or {@code {id: gitea, options: {...}}};
 * {@code dns: cloudflare} for {@code dns: {provider: cloudflare}}; {@code mail: true} for
 * {@code mail: {enabled: true}}. Absent sections take defaults: {@code tls: http-01}, {@code dns: manual}, no VPN
 * peers, no mail, no backup; an existing server is reached as {@code root} on port 22; backups run at 03:30 and
 * keep 7 daily, 4 weekly and 6 monthly snapshots.
 */
public final class HavenSpecLoader {

    static final Set<String> TOP_KEYS =
            Set.of("name", "domain", "owner", "server", "dns", "tls", "services", "backup", "vpn", "mail");
    static final Set<String> OWNER_KEYS = Set.of("name", "email");
    static final Set<String> SERVER_KEYS = Set.of("provider", "region", "size", "host", "port", "user", "endpoint");
    static final Set<String> DNS_KEYS = Set.of("provider", "endpoint");
    static final Set<String> SERVICE_KEYS = Set.of("id", "options");
    static final Set<String> BACKUP_KEYS = Set.of("endpoint", "region", "bucket", "prefix", "schedule", "retention");
    static final Set<String> RETENTION_KEYS = Set.of("daily", "weekly", "monthly");
    static final Set<String> VPN_KEYS = Set.of("peers");
    static final Set<String> MAIL_KEYS = Set.of("enabled");

    static final String DEFAULT_SCHEDULE = "03:30";
    static final int DEFAULT_SSH_PORT = 22;
    static final String DEFAULT_SSH_USER = "root";

    private final SpecValidator validator;

    public HavenSpecLoader(SpecValidator validator) {
        this.validator = validator;
    }

    /** Reads and validates a spec file; the exception names the file, and the line of each problem. */
    public HavenSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "There is no haven spec at " + file + ".")
                    .remedy("Run 'openhaven init' to create one, or point to yours with --spec FILE.")
                    .cause(missing)
                    .build();
        } catch (IOException unreadable) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The haven spec " + file + " could not be read.")
                    .remedy("Check that the file exists, is readable and is UTF-8 text.")
                    .cause(unreadable)
                    .build();
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads and validates spec text; {@code sourceName} prefixes each problem line (e.g. {@code haven.yaml}). */
    public HavenSpec parse(String yaml, String sourceName) {
        Map<String, Integer> lines = new HashMap<>();
        SpecProblems problems = new SpecProblems(lines);
        HavenSpec draft = readDraft(yaml, problems, lines);
        return validator.validate(draft, problems, sourceName);
    }

    /** Every problem of spec text, in file order, without throwing; empty when the spec is valid. */
    public List<SpecProblem> check(String yaml) {
        try {
            parse(yaml, "");
            return List.of();
        } catch (InvalidSpecException invalid) {
            return invalid.problems();
        }
    }

    /**
     * The spec as written, with defaults for absent sections and null where a value is missing or unreadable;
     * structural problems go to {@code problems}. Null only when the text is not a YAML mapping at all.
     */
    static HavenSpec readDraft(String yaml, SpecProblems problems, Map<String, Integer> lines) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException syntax) {
            int line = syntax.getProblemMark() == null ? 0 : syntax.getProblemMark().getLine() + 1;
            problems.addAt("", line, "this is not valid YAML: " + syntax.getProblem());
            return null;
        } catch (YAMLException syntax) {
            problems.add("", "this is not valid YAML: " + syntax.getMessage());
            return null;
        }
        if (SpecYaml.isNull(root)) {
            problems.add("", "the file is empty; 'openhaven init' writes a starting point");
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problems.addAt("", root.getStartMark().getLine() + 1,
                    "the file must be a mapping of keys (name, domain, owner, server, ...), not "
                            + SpecYaml.shapeOf(root));
            return null;
        }
        return new DraftReader(new SpecYaml(problems, lines)).read(root);
    }

    /** Maps checked nodes onto the spec records. */
    private record DraftReader(SpecYaml yaml) {

        HavenSpec read(Node root) {
            Map<String, Node> top = yaml.fields(root, "", TOP_KEYS);
            return new HavenSpec(
                    yaml.text(top.get("name"), "name"),
                    yaml.text(top.get("domain"), "domain"),
                    owner(top.get("owner")),
                    server(top.get("server")),
                    dns(top.get("dns")),
                    tls(top.get("tls")),
                    services(top.get("services")),
                    backup(top.get("backup")),
                    vpn(top.get("vpn")),
                    mail(top.get("mail")));
        }

        private Owner owner(Node node) {
            if (SpecYaml.isNull(node)) {
                return null;
            }
            Map<String, Node> fields = yaml.fields(node, "owner", OWNER_KEYS);
            return new Owner(yaml.text(fields.get("name"), "owner.name"), yaml.text(fields.get("email"), "owner.email"));
        }

        private ServerSpec server(Node node) {
            if (SpecYaml.isNull(node)) {
                return null;
            }
            Map<String, Node> fields = yaml.fields(node, "server", SERVER_KEYS);
            String provider = yaml.text(fields.get("provider"), "server.provider");
            Integer port = yaml.integer(fields.get("port"), "server.port");
            String user = yaml.text(fields.get("user"), "server.user");
            boolean existing = "ssh".equals(provider);
            return new ServerSpec(
                    provider,
                    yaml.text(fields.get("region"), "server.region"),
                    yaml.text(fields.get("size"), "server.size"),
                    yaml.text(fields.get("host"), "server.host"),
                    port == null && existing && !fields.containsKey("port") ? Integer.valueOf(DEFAULT_SSH_PORT) : port,
                    user == null && existing && !fields.containsKey("user") ? DEFAULT_SSH_USER : user,
                    yaml.text(fields.get("endpoint"), "server.endpoint"));
        }

        private DnsSpec dns(Node node) {
            if (SpecYaml.isNull(node)) {
                return new DnsSpec("manual", null);
            }
            if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
                return new DnsSpec(yaml.text(node, "dns"), null);
            }
            Map<String, Node> fields = yaml.fields(node, "dns", DNS_KEYS);
            return new DnsSpec(yaml.text(fields.get("provider"), "dns.provider"),
                    yaml.text(fields.get("endpoint"), "dns.endpoint"));
        }

        private TlsMode tls(Node node) {
            String text = yaml.text(node, "tls");
            if (text == null) {
                return SpecYaml.isNull(node) ? TlsMode.HTTP_01 : null;
            }
            for (TlsMode mode : TlsMode.values()) {
                if (mode.yamlName().equalsIgnoreCase(text.trim())) {
                    return mode;
                }
            }
            List<String> names = java.util.Arrays.stream(TlsMode.values()).map(TlsMode::yamlName).toList();
            String hint = Suggestions.didYouMean(text, names);
            yaml.problem("tls", "'" + text + "' is not a TLS mode; use "
                    + String.join(" or ", names) + (hint.isEmpty() ? "" : hint));
            return null;
        }

        private List<ServiceSelection> services(Node node) {
            List<ServiceSelection> selections = new ArrayList<>();
            List<Node> items = yaml.items(node, "services");
            for (int i = 0; i < items.size(); i++) {
                String path = SpecYaml.item("services", i);
                Node item = items.get(i);
                if (item instanceof MappingNode) {
                    Map<String, Node> fields = yaml.fields(item, path, SERVICE_KEYS);
                    selections.add(new ServiceSelection(yaml.text(fields.get("id"), path + ".id"),
                            yaml.options(fields.get("options"), path + ".options")));
                } else {
                    selections.add(new ServiceSelection(yaml.text(item, path), Map.of()));
                }
            }
            return selections;
        }

        private BackupSpec backup(Node node) {
            if (SpecYaml.isNull(node)) {
                return null;
            }
            Map<String, Node> fields = yaml.fields(node, "backup", BACKUP_KEYS);
            String schedule = yaml.text(fields.get("schedule"), "backup.schedule");
            return new BackupSpec(
                    yaml.text(fields.get("endpoint"), "backup.endpoint"),
                    yaml.text(fields.get("region"), "backup.region"),
                    yaml.text(fields.get("bucket"), "backup.bucket"),
                    yaml.text(fields.get("prefix"), "backup.prefix"),
                    schedule == null && !fields.containsKey("schedule") ? DEFAULT_SCHEDULE : schedule,
                    retention(fields.get("retention")));
        }

        private BackupSpec.Retention retention(Node node) {
            BackupSpec.Retention defaults = BackupSpec.Retention.DEFAULT;
            if (SpecYaml.isNull(node)) {
                return defaults;
            }
            Map<String, Node> fields = yaml.fields(node, "backup.retention", RETENTION_KEYS);
            return new BackupSpec.Retention(
                    orDefault(yaml.integer(fields.get("daily"), "backup.retention.daily"), defaults.daily()),
                    orDefault(yaml.integer(fields.get("weekly"), "backup.retention.weekly"), defaults.weekly()),
                    orDefault(yaml.integer(fields.get("monthly"), "backup.retention.monthly"), defaults.monthly()));
        }

        private VpnSpec vpn(Node node) {
            if (SpecYaml.isNull(node)) {
                return VpnSpec.NONE;
            }
            Map<String, Node> fields = yaml.fields(node, "vpn", VPN_KEYS);
            List<VpnSpec.Peer> peers = new ArrayList<>();
            List<Node> items = yaml.items(fields.get("peers"), "vpn.peers");
            for (int i = 0; i < items.size(); i++) {
                peers.add(new VpnSpec.Peer(yaml.text(items.get(i), SpecYaml.item("vpn.peers", i))));
            }
            return new VpnSpec(peers);
        }

        private MailSpec mail(Node node) {
            if (SpecYaml.isNull(node)) {
                return MailSpec.OFF;
            }
            Boolean enabled = node instanceof MappingNode
                    ? yaml.bool(yaml.fields(node, "mail", MAIL_KEYS).get("enabled"), "mail.enabled")
                    : yaml.bool(node, "mail");
            return new MailSpec(Boolean.TRUE.equals(enabled));
        }

        private static int orDefault(Integer value, int fallback) {
            return value == null ? fallback : value;
        }
    }
}
