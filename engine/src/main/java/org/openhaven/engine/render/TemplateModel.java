package org.openhaven.engine.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;

/**
 * The values templates see, as maps for jmustache (docs/catalog.md lists them): {@code domain}, {@code haven},
 * {@code owner.*}, {@code issuer}, {@code host.<id>}, {@code url.<id>}, {@code enabled.<id>}, {@code tls.*},
 * {@code mail.*}, {@code forwardAuth}, {@code forwardAuthAdmins}, {@code portal.services}, and per service
 * {@code self.*} (its options, {@code self.s3}, {@code self.gpu}). No secret is part of it: compose files reference secrets as {@code ${VAR}}.
 * {@code self.gpu} follows the option {@code gpu} when set, else the {@link HostFacts} of the target server.
 */
final class TemplateModel {

    private final Map<String, Object> base = new HashMap<>();
    private final Map<String, ServiceSelection> selections = new HashMap<>();
    private final HavenSpec spec;
    private final HostFacts host;

    TemplateModel(HavenSpec spec, List<ServiceDefinition> services, Hosts hosts, HostFacts host) {
        this.spec = spec;
        this.host = host;
        spec.services().forEach(s -> selections.put(s.id(), s));
        base.put("domain", spec.domain());
        base.put("haven", spec.name());
        base.put("owner", Map.of("name", spec.owner().name(), "email", spec.owner().email()));
        base.put("issuer", hosts.issuer());
        base.put("host", new TreeMap<>(hosts.byService()));
        Map<String, String> urls = new TreeMap<>();
        hosts.byService().keySet().forEach(id -> urls.put(id, hosts.url(id)));
        base.put("url", urls);
        Map<String, Boolean> enabled = new TreeMap<>();
        services.forEach(s -> enabled.put(s.id(), true));
        base.put("enabled", enabled);
        boolean dns01 = spec.tls() == TlsMode.DNS_01;
        String dnsProvider = spec.dns() == null ? "manual" : spec.dns().provider();
        if (dns01 && !"cloudflare".equals(dnsProvider) && !"route53".equals(dnsProvider)) {
            throw OpenHavenException.config(
                    "TLS mode dns-01 needs a DNS provider with an API, but dns.provider is '" + dnsProvider + "'.",
                    "Use tls: http-01, or manage DNS with cloudflare or route53.");
        }
        base.put("tls", Map.of(
                "http01", !dns01,
                "dns01", dns01,
                "dnsProvider", dnsProvider,
                "cloudflare", dns01 && "cloudflare".equals(dnsProvider),
                "route53", dns01 && "route53".equals(dnsProvider)));
        // Exactly when the mail server is part of the haven (mail: true adds it), so apps never point at none.
        boolean mail = services.stream().anyMatch(s -> s.id().equals(StackRenderer.MAIL_SERVICE));
        base.put("mail", Map.of("enabled", mail, "host", "mail." + spec.domain(),
                "noreply", MailServerFiles.noreplyAddress(spec.domain())));
        base.put("forwardAuth", services.stream().anyMatch(s -> s.sso().forwardAuth()));
        base.put("forwardAuthAdmins", services.stream().anyMatch(s -> s.sso() == SsoKind.FORWARD_AUTH_ADMINS));
        List<Map<String, String>> portal = new ArrayList<>();
        for (ServiceDefinition service : services) {
            if (service.hasWebUi() && service.selectable()) {
                portal.add(Map.of(
                        "name", service.name(),
                        "description", service.description(),
                        "url", hosts.url(service.id()),
                        "internalUrl", "http://" + service.web().container() + ":" + service.web().port()));
            }
        }
        base.put("portal", Map.of("services", portal));
    }

    /** The model for one service's templates: the base plus {@code self}. */
    Map<String, Object> forService(ServiceDefinition service) {
        Map<String, Object> model = new HashMap<>(base);
        model.put("self", self(service));
        return model;
    }

    /** Whether any selected service keeps its data in S3-compatible storage. */
    boolean usesS3() {
        return selections.values().stream().anyMatch(s -> "s3".equals(s.options().get("storage")));
    }

    private Map<String, Object> self(ServiceDefinition service) {
        ServiceSelection selection = selections.getOrDefault(service.id(), ServiceSelection.of(service.id()));
        Map<String, Object> self = new LinkedHashMap<>(selection.options());
        self.put("gpu", gpu(service, selection.options().get("gpu")));
        self.put("s3", "s3".equals(selection.options().get("storage")) ? s3(service, selection) : false);
        return self;
    }

    /** {@code gpu: true} forces a GPU, {@code gpu: false} refuses one; without the option the server decides. */
    private boolean gpu(ServiceDefinition service, String option) {
        if (option == null) {
            return host.gpuForContainers();
        }
        return switch (option) {
            case "true" -> true;
            case "false" -> false;
            default -> throw OpenHavenException.config("services: " + service.id() + " has gpu: '" + option
                    + "', which is neither true nor false.", "Write gpu: true to always reserve the GPU, gpu: false "
                    + "to never use one, or leave the option out to use a GPU when the server has one.");
        };
    }

    private Map<String, String> s3(ServiceDefinition service, ServiceSelection selection) {
        BackupSpec backup = spec.backup();
        if (backup == null) {
            throw OpenHavenException.config(
                    "The service '" + service.id() + "' asks for storage: s3, but the spec has no backup: target to "
                            + "take the S3 endpoint and region from.",
                    "Add a backup: section with endpoint and region, or remove storage: s3.");
        }
        String region = backup.region() == null ? "us-east-1" : backup.region();
        URI endpoint = URI.create(backup.endpoint() == null
                ? "https://s3." + region + ".amazonaws.com" : backup.endpoint());
        boolean ssl = !"http".equals(endpoint.getScheme());
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : ssl ? 443 : 80;
        String bucket = selection.options().getOrDefault("bucket", spec.name() + "-" + service.id());
        return Map.of(
                "host", endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : ""),
                "port", String.valueOf(port),
                "ssl", String.valueOf(ssl),
                "bucket", bucket,
                "region", region);
    }
}
