package org.openhaven.engine.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a spec as {@code haven.yaml} text that {@link HavenSpecLoader} reads back to an equal spec. Keys come in
 * a fixed order (the order of the example file) and sections left at their defaults are omitted, so the same
 * spec always gives the same bytes and a written file stays short.
 */
public final class HavenSpecWriter {

    static final String HEADER = "# The desired state of this haven. 'openhaven validate' checks it, 'openhaven plan' shows\n"
            + "# what applying it would change. Every field is explained in examples/haven.yaml.\n"
            + "# Credentials never go here: they live in the vault ('openhaven secrets set').\n";

    /** The YAML text of the spec, with a short header comment. */
    public String write(HavenSpec spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        return HEADER + new Yaml(options).dump(tree(spec));
    }

    private static Map<String, Object> tree(HavenSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", spec.name());
        root.put("domain", spec.domain());
        Map<String, Object> owner = new LinkedHashMap<>();
        putIfSet(owner, "name", spec.owner().name());
        putIfSet(owner, "email", spec.owner().email());
        root.put("owner", owner);
        root.put("server", server(spec.server()));
        Map<String, Object> dns = new LinkedHashMap<>();
        dns.put("provider", spec.dns().provider());
        putIfSet(dns, "endpoint", spec.dns().endpoint());
        root.put("dns", dns);
        root.put("tls", spec.tls().yamlName());
        root.put("services", spec.services().stream().map(HavenSpecWriter::service).toList());
        spec.backupTarget().ifPresent(backup -> root.put("backup", backup(backup)));
        if (!spec.vpn().peers().isEmpty()) {
            root.put("vpn", Map.of("peers", spec.vpn().peers().stream().map(VpnSpec.Peer::name).toList()));
        }
        if (spec.mail().enabled()) {
            root.put("mail", Map.of("enabled", true));
        }
        return root;
    }

    private static Map<String, Object> server(ServerSpec server) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("provider", server.provider());
        putIfSet(map, "region", server.region());
        putIfSet(map, "size", server.size());
        putIfSet(map, "host", server.host());
        putIfSet(map, "port", server.port());
        putIfSet(map, "user", server.user());
        putIfSet(map, "endpoint", server.endpoint());
        return map;
    }

    private static Object service(ServiceSelection service) {
        if (service.options().isEmpty()) {
            return service.id();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", service.id());
        map.put("options", new LinkedHashMap<>(service.options()));
        return map;
    }

    private static Map<String, Object> backup(BackupSpec backup) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "endpoint", backup.endpoint());
        putIfSet(map, "region", backup.region());
        map.put("bucket", backup.bucket());
        putIfSet(map, "prefix", backup.prefix());
        map.put("schedule", backup.schedule());
        BackupSpec.Retention retention = backup.retention();
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put("daily", retention.daily());
        keep.put("weekly", retention.weekly());
        keep.put("monthly", retention.monthly());
        map.put("retention", keep);
        return map;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
