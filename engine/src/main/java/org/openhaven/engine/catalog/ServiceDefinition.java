package org.openhaven.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One catalog service as described by its {@code templates/services/<id>/service.yaml}. Immutable and already
 * validated by {@link ServiceDefinitionParser}: required fields are present, unknown fields were refused.
 *
 * @param id           the folder name; also the compose service name of the main container
 * @param name         the product name shown to people ("Nextcloud")
 * @param description  one line for the wizard and {@code openhaven render}
 * @param category     a grouping for the wizard: core, productivity, security, development, network, ai, internal
 * @param selectable   whether a user may choose it; internal services (databases, caches) are pulled in only
 * @param always       whether every haven runs it (traefik)
 * @param images       container name → image reference pinned to an exact tag
 * @param dependencies ids this service needs; resolved transitively
 * @param subdomain    the host name below the haven's domain, or null when the service has no web UI
 * @param web          which container and port Traefik routes the subdomain to; null when the subdomain is a
 *                     DNS name only (the VPN endpoint) or there is none
 * @param sso          how people sign in
 * @param oidc         the OIDC client wiring when {@code sso} is {@link SsoKind#OIDC}; null otherwise
 * @param memoryMb     the minimum memory the service's containers need together, in MiB
 * @param ports        ports the server's firewall must open for this service (besides 80/443 of Traefik)
 * @param health       one health check per container of the service
 * @param backup       volumes to back up and database dumps to take first
 * @param secrets      the secrets the service reads from {@code .env}
 * @param postDeploy   idempotent wiring that needs the running service
 * @param kind         {@code container} (the default: a compose service) or {@code host} (runs on the server itself,
 *                     such as the restic backup timer; its own engine package renders its files)
 * @param files        for host services: files the owning package installs on the server
 * @param hostPackages for host services: Debian packages the server needs
 */
public record ServiceDefinition(
        String id,
        String name,
        String description,
        String category,
        boolean selectable,
        boolean always,
        Map<String, String> images,
        List<String> dependencies,
        String subdomain,
        Web web,
        SsoKind sso,
        Oidc oidc,
        int memoryMb,
        List<Port> ports,
        List<HealthCheck> health,
        Backup backup,
        List<SecretSpec> secrets,
        List<PostDeployStep> postDeploy,
        String kind,
        List<HostFile> files,
        @JsonProperty("host-packages") List<String> hostPackages) {

    public static final String CONTAINER = "container";
    public static final String HOST = "host";

    public ServiceDefinition {
        kind = kind == null ? CONTAINER : kind;
        sso = sso == null ? SsoKind.NONE : sso;
        files = files == null ? List.of() : List.copyOf(files);
        hostPackages = hostPackages == null ? List.of() : List.copyOf(hostPackages);
        images = images == null ? Map.of() : Map.copyOf(images);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        ports = ports == null ? List.of() : List.copyOf(ports);
        health = health == null ? List.of() : List.copyOf(health);
        backup = backup == null ? Backup.NONE : backup;
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        postDeploy = postDeploy == null ? List.of() : List.copyOf(postDeploy);
    }

    /** Whether the service runs on the server itself rather than as containers of the stack. */
    public boolean runsOnHost() {
        return HOST.equals(kind);
    }

    /** A file a host service installs: {@code source} in its catalog folder, {@code target} on the server. */
    public record HostFile(String source, String target, String mode) {
    }

    /** Whether Traefik routes a subdomain to this service (it has a web UI or API). */
    public boolean hasWebUi() {
        return web != null;
    }

    /** Where Traefik sends requests for the subdomain. */
    public record Web(String container, int port) {
    }

    /**
     * The OIDC client Keycloak gets for this service.
     *
     * @param redirectPaths paths on the service's own host that Keycloak may redirect back to, exactly
     * @param groups        whether the client's ID token, access token and userinfo carry the user's Keycloak
     *                      groups as a {@code groups} claim of plain names (e.g. {@code admins}), for services
     *                      that decide who may enter by group
     */
    public record Oidc(List<String> redirectPaths, boolean groups) {
        public Oidc {
            redirectPaths = redirectPaths == null ? List.of() : List.copyOf(redirectPaths);
        }
    }

    /** A port the firewall opens. {@code protocol} is tcp or udp. */
    public record Port(int port, String protocol, String purpose) {
    }

    /**
     * A Docker health check for one container.
     *
     * @param test               the compose {@code healthcheck.test} array, e.g. {@code [CMD-SHELL, "wget -q ..."]}
     * @param startPeriodSeconds how long the container may take to come up before failures count
     */
    public record HealthCheck(String container, List<String> test, int startPeriodSeconds) {
        public HealthCheck {
            test = test == null ? List.of() : List.copyOf(test);
        }
    }

    /** What the backup takes: named volumes (or paths) and database dumps run before the snapshot. */
    public record Backup(List<String> volumes, List<DatabaseDump> dumps) {
        public static final Backup NONE = new Backup(List.of(), List.of());

        public Backup {
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
            dumps = dumps == null ? List.of() : List.copyOf(dumps);
        }
    }

    /**
     * A database dump: run {@code command} (a shell script) in {@code container}; its standard output is the dump.
     * The command reads credentials from the container's environment, never from its own text.
     */
    public record DatabaseDump(String container, String command, String file) {
    }

    /**
     * A secret the service reads from {@code .env} as {@code env}, kept in the vault under {@code <service id>/<env>}.
     *
     * @param kind how to generate it when the vault has none: {@code password}, {@code hex16}, {@code hex32}, {@code hex64}
     *             (random bytes, hex encoded),
     *             {@code argon2id-hash} (the env var
     *             gets the PHC hash of a generated password kept in the vault without the {@code _HASH} suffix), or
     *             {@code external} (a credential the user supplies, never generated)
     */
    public record SecretSpec(String env, String kind) {
    }

    /**
     * Wiring run once the stack is up: {@code script} runs under {@code sh -c} in {@code container}. It must be
     * idempotent (check, then act) and read secrets from the container's environment, so no secret appears on a
     * command line.
     *
     * @param user the user to run as inside the container; null for the image's default
     */
    public record PostDeployStep(String description, String container, String user, String script) {
    }
}
