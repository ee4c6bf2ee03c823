package org.openhaven.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogEntry;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecValidator;
import org.openhaven.engine.spec.Suggestions;
import org.openhaven.engine.spec.TlsMode;

/**
 * Turns a haven spec and the vault into the stack bundle. Deterministic: the same spec and the same secrets
 * give byte-identical files (sorted maps, stable JSON, no timestamps). Secrets the vault lacks are generated
 * into it first, so a later render or deploy uses the same values.
 *
 * <p>Nothing here assumes one host beyond the compose file itself: routers, the realm, the manifest and the
 * post-deploy wiring name containers and host names only.
 */
public final class StackRenderer {

    public static final String COMPOSE_FILE = "compose.yaml";
    public static final String ENV_FILE = ".env";
    public static final String MANIFEST_FILE = "manifest.json";
    public static final String REALM_FILE = "keycloak/import/openhaven-realm.json";
    /** The mail server's id: present when the spec says {@code mail: true}. */
    static final String MAIL_SERVICE = "mail";
    /** Compose reads it from .env; a fixed project name keeps volume names stable across releases. */
    public static final String PROJECT_NAME = org.openhaven.engine.deploy.ServerLayout.PROJECT;

    private final Catalog catalog;
    private final SecureRandom random;

    public StackRenderer(Catalog catalog) {
        this(catalog, new SecureRandom());
    }

    public StackRenderer(Catalog catalog, SecureRandom random) {
        this.catalog = catalog;
        this.random = random;
    }

    /**
     * Renders the bundle for {@code spec} as for a server of unknown make-up ({@link HostFacts#UNKNOWN}: no GPU
     * unless the spec forces one), generating missing secrets into {@code secrets}.
     */
    public RenderedBundle render(HavenSpec spec, SecretStore secrets) {
        return render(spec, secrets, HostFacts.UNKNOWN);
    }

    /**
     * Renders the bundle for {@code spec} on a server with {@code host}'s facts (a GPU makes Ollama reserve it),
     * generating missing secrets into {@code secrets}. The same spec, secrets and facts give the same bytes.
     */
    public RenderedBundle render(HavenSpec spec, SecretStore secrets, HostFacts host) {
        List<ServiceDefinition> services = resolve(spec);
        Hosts hosts = new Hosts(spec.domain(), services);
        TemplateModel model = new TemplateModel(spec, services, hosts, host);
        ResolvedSecrets resolved = new ResolvedSecrets(secrets, random);
        resolved.resolve(spec, services, model.usesS3());
        boolean vpn = services.stream().anyMatch(s -> s.id().equals("wireguard"));
        WireGuardConfigs wireGuard = vpn ? new WireGuardConfigs(spec.vpn(), secrets, resolved.generators()) : null;
        boolean mail = services.stream().anyMatch(s -> s.id().equals(MAIL_SERVICE));
        MailServerFiles mailServer = mail ? new MailServerFiles(spec, secrets, resolved.generators(), random) : null;

        SortedMap<String, String> files = new TreeMap<>();
        ComposeAssembler compose = new ComposeAssembler();
        List<Manifest.Command> postDeploy = new ArrayList<>();
        for (ServiceDefinition service : services) {
            if (service.runsOnHost()) {
                continue; // installed on the host by its own engine package (backup), not part of the stack
            }
            CatalogEntry entry = catalog.entry(service.id());
            Map<String, Object> serviceModel = new java.util.HashMap<>(model.forService(service));
            if (wireGuard != null) {
                serviceModel.put("vpn", wireGuard.templateModel());
            }
            compose.add(entry, Templates.render(entry.composeTemplate(), serviceModel, entry.source() + "/compose.yaml"));
            if (mailServer != null) {
                // Extra files (the mail server's) see the hashes and the DKIM key; compose templates never do.
                serviceModel.put("mailserver", mailServer.templateModel());
            }
            entry.extraFiles().forEach((path, template) ->
                    files.put(service.id() + "/" + path, Templates.render(template, serviceModel, entry.source() + "/" + path)));
            if (service.sso() == SsoKind.OIDC) {
                Map<String, Object> managed = RealmBuilder.managedClientFields(service, hosts);
                postDeploy.add(command(service.id(), "make sure Keycloak's " + service.name()
                        + " client matches this haven", "keycloak", null, PostDeployCommands.convergeClientScript(
                                service.id(), managed, ResolvedSecrets.oidcSecretVariable(service.id()))));
                files.put("keycloak/clients/" + service.id() + ".json",
                        CanonicalJson.write(RealmBuilder.client(service, hosts)));
                files.put("keycloak/clients/" + PostDeployCommands.managedFieldsFile(service.id()),
                        CanonicalJson.write(managed));
                if (service.oidc().groups()) {
                    Map<String, Map<String, Object>> mappers = RealmBuilder.groupMappers(service.id());
                    mappers.forEach((name, mapper) -> files.put(
                            "keycloak/clients/" + PostDeployCommands.mapperFile(service.id(), name),
                            CanonicalJson.write(mapper)));
                    postDeploy.add(command(service.id(), "make sure the " + service.name()
                            + " client's tokens carry the user's groups", "keycloak", null,
                            PostDeployCommands.ensureClientMappersScript(service.id(), mappers.keySet())));
                }
            }
            for (ServiceDefinition.PostDeployStep step : service.postDeploy()) {
                String script = Templates.render(step.script(), serviceModel, entry.source() + "/service.yaml postDeploy");
                postDeploy.add(command(service.id(), step.description(), step.container(), step.user(), script));
            }
        }
        // The realm is imported once; its mail settings follow the spec on every apply (mail on or off, domain).
        // Only where Keycloak has clients, i.e. someone signs in through it: a catalog whose services all skip
        // SSO (the end-to-end test's stand-ins) may also stand in for Keycloak, without kcadm.
        boolean signInThroughKeycloak = services.stream().anyMatch(s -> s.sso() == SsoKind.OIDC);
        Map<String, Object> smtp = RealmBuilder.smtpSettings(spec.name(), spec.domain());
        if (mail) {
            files.put("keycloak/realm/" + PostDeployCommands.SMTP_FILE, CanonicalJson.write(smtp));
        }
        if (mail && signInThroughKeycloak) {
            postDeploy.add(command(MAIL_SERVICE, "point Keycloak's e-mail (password resets) at the mail server",
                    "keycloak", null, PostDeployCommands.realmMailScript(smtp.keySet())));
        } else if (signInThroughKeycloak) {
            postDeploy.add(command("keycloak", "make sure Keycloak offers no password resets through a removed mail server",
                    "keycloak", null, PostDeployCommands.realmWithoutMailScript()));
        }
        Map<String, String> keycloakSecrets = new TreeMap<>();
        services.stream().filter(s -> s.sso() == SsoKind.OIDC).forEach(s -> {
            String variable = ResolvedSecrets.oidcSecretVariable(s.id());
            keycloakSecrets.put(variable, "${" + variable + "}");
        });
        if (mail) {
            // The realm's smtpServer password is a placeholder Keycloak resolves from its environment at import.
            keycloakSecrets.put(RealmBuilder.SMTP_PASSWORD_VARIABLE, "${" + RealmBuilder.SMTP_PASSWORD_VARIABLE + "}");
        }
        compose.addEnvironment("keycloak", keycloakSecrets);
        compose.aliasHostsToProxy("traefik", hosts.byService().entrySet().stream()
                .filter(e -> catalog.definition(e.getKey()).hasWebUi()).map(Map.Entry::getValue).toList());
        if (wireGuard != null) {
            files.put(WireGuardConfigs.STATE_FILE, wireGuard.wgEasyState());
        }
        files.put("traefik/dynamic/routers.yml", TraefikRoutes.render(services, hosts));
        files.put(REALM_FILE, CanonicalJson.write(RealmBuilder.realm(spec.name(), spec.owner(), services, hosts, mail)));
        TreeMap<String, String> env = new TreeMap<>(resolved.env());
        env.put("COMPOSE_PROJECT_NAME", PROJECT_NAME);
        files.put(ENV_FILE, DotEnv.format(env));
        // Last, over every other file: a container whose mounted files changed gets a new label, so compose
        // recreates it instead of leaving it on the previous release's files.
        compose.labelConfigHashes(utf8(files));
        files.put(COMPOSE_FILE, compose.toYaml());

        SortedMap<String, String> clientFiles = wireGuard == null
                ? new TreeMap<>() : wireGuard.clientConfigs(hosts.host("wireguard"));
        List<String> secretValues = new ArrayList<>();
        resolved.env().values().stream().filter(v -> !v.isEmpty()).forEach(secretValues::add);
        if (wireGuard != null) {
            secretValues.addAll(wireGuard.secretValues());
        }
        if (mailServer != null) {
            secretValues.addAll(mailServer.secretValues());
        }
        TreeSet<String> sensitive = new TreeSet<>();
        files.forEach((path, text) -> {
            if (path.equals(ENV_FILE) || secretValues.stream().anyMatch(text::contains)) {
                sensitive.add(path);
            }
        });

        Manifest manifest = ManifestBuilder.build(spec, services, hosts, postDeploy, files.keySet(),
                clientFiles.keySet(), resolved.warnings(),
                mailServer == null ? null : mailServer.dkimRecord());
        SortedMap<String, byte[]> bytes = utf8(files);
        String hash = hash(bytes, CanonicalJson.write(manifest));
        Manifest hashed = manifest.withHash(hash);
        bytes.put(MANIFEST_FILE, CanonicalJson.write(hashed).getBytes(StandardCharsets.UTF_8));
        return new RenderedBundle(bytes, sensitive, utf8(clientFiles), hashed);
    }

    private static SortedMap<String, byte[]> utf8(SortedMap<String, String> files) {
        SortedMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** The selection's services plus dependencies and always-on services, dependencies first. */
    List<ServiceDefinition> resolve(HavenSpec spec) {
        for (String id : spec.serviceIds()) {
            if (!catalog.allIds().contains(id)) {
                throw OpenHavenException.config("services: unknown service '" + id + "'"
                                + Suggestions.didYouMean(id, catalog.selectableIds()) + ".",
                        "Choose from: " + String.join(", ", catalog.selectableIds()) + ".");
            }
            if (!catalog.definition(id).selectable()) {
                throw OpenHavenException.config("services: '" + id + "' is added automatically where needed and "
                                + "cannot be chosen on its own.",
                        "Remove it from services:; choose from: " + String.join(", ", catalog.selectableIds()) + ".");
            }
        }
        if (spec.tls() == TlsMode.DNS_01 && spec.dns() == null) {
            throw OpenHavenException.config("tls: dns-01 needs a dns: section naming cloudflare or route53.",
                    "Add dns: {provider: cloudflare} or use tls: http-01.");
        }
        // The same set the spec validator sized the server for: VPN peers imply wireguard, backups imply backup.
        return catalog.resolve(SpecValidator.requestedServices(spec, catalog)).stream().map(catalog::definition).toList();
    }

    private static Manifest.Command command(String service, String description, String container, String user,
                                            String script) {
        RemoteCommand command = PostDeployCommands.DEFAULT_COMPOSE.exec(description, container, user, script);
        return new Manifest.Command(service, description, container, user, script, command.argv(), command.shellLine());
    }

    private static String hash(SortedMap<String, byte[]> files, String manifestWithoutHash) {
        MessageDigest digest = BundleDigest.over(files);
        digest.update(manifestWithoutHash.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}
