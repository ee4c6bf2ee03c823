package org.openhaven.engine.render;

import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.remote.ComposeCommands;

/**
 * The remote commands that wire running services together, as data. Each runs a script inside one container
 * through {@code compose exec -T}; scripts check before they act, and read secrets from the container's
 * environment (set from .env), so no secret is part of any command line the host's {@code ps} shows.
 *
 * <p>The manifest records them for Compose v2 in the live release directory; a deployer that finds Compose v1 on
 * the server rebuilds them from the manifest's container, user and script with its own {@link ComposeCommands}.
 */
public final class PostDeployCommands {

    /** Compose v2 in the live release, under the fixed project name: what the manifest records. */
    public static final ComposeCommands DEFAULT_COMPOSE = new ComposeCommands(
            ComposeCommands.Flavor.V2, ServerLayout.DEFAULT.current(), ServerLayout.PROJECT);
    private static final String KCADM = "/opt/keycloak/bin/kcadm.sh";
    private static final String KCADM_CONFIG = "/tmp/openhaven-kcadm.config";

    /** Signs kcadm in as the bootstrap admin, whose credentials the keycloak container has in its env. */
    private static final String KCADM_LOGIN = KCADM + " config credentials --config " + KCADM_CONFIG
            + " --server http://localhost:8080 --realm master --user \"$KC_BOOTSTRAP_ADMIN_USERNAME\""
            + " --password \"$KC_BOOTSTRAP_ADMIN_PASSWORD\"";

    private PostDeployCommands() {
    }

    /** The bundle file (under keycloak/clients/, mounted at /opt/openhaven/clients) holding one client mapper. */
    static String mapperFile(String clientId, String mapper) {
        return clientId + ".mapper-" + mapper + ".json";
    }

    /**
     * The script that adds each named protocol mapper the client lacks, from its file in /opt/openhaven/clients. A
     * realm imported before the client had them (an older haven) keeps its client, so without this step its tokens
     * would carry no groups and admin-only pages would refuse even the owner. Existing mappers are left alone.
     */
    public static String ensureClientMappersScript(String clientId, java.util.Collection<String> mappers) {
        String models = "clients/$cid/protocol-mappers/models --config " + KCADM_CONFIG + " -r " + Hosts.REALM;
        // The trap removes kcadm's token file on every exit without masking a failed step's status.
        return "trap 'rm -f " + KCADM_CONFIG + "' EXIT; " + KCADM_LOGIN + " && cid=$(" + KCADM + " get clients --config "
                + KCADM_CONFIG + " -r " + Hosts.REALM + " -q clientId=" + clientId
                + " --fields id --format csv --noquotes) && for m in " + String.join(" ", mappers) + "; do if " + KCADM
                + " get " + models + " --fields name --format csv --noquotes | grep -qx \"$m\"; then echo \"mapper $m"
                + " exists\"; else " + KCADM + " create " + models + " -f /opt/openhaven/clients/"
                + mapperFile(clientId, "$m") + " || exit 1; fi; done";
    }

    /**
     * The script that creates the service's Keycloak client when the realm lacks it: the realm import at first
     * start only covers services enabled then, so a service added later gets its client here. An existing client
     * is left alone. Runs in the keycloak container, which has the bootstrap admin and client secrets in its env.
     */
    public static String ensureKeycloakClientScript(ServiceDefinition service) {
        String id = service.id();
        return KCADM_LOGIN + " && if " + KCADM + " get clients --config " + KCADM_CONFIG + " -r " + Hosts.REALM
                + " -q clientId=" + id + " --fields clientId | grep -q '\"" + id + "\"'; then echo 'client " + id
                + " exists'; else " + KCADM + " create clients --config " + KCADM_CONFIG + " -r " + Hosts.REALM
                + " -f /opt/openhaven/clients/" + id + ".json -s secret=\"$"
                + ResolvedSecrets.oidcSecretVariable(id) + "\"; fi; rm -f " + KCADM_CONFIG;
    }
}
