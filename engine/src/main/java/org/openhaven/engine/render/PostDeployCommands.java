package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * The remote commands that wire running services together, as data. Each runs a script inside one container
 * through {@code docker compose exec -T}; scripts check before they act, and read secrets from the container's
 * environment (set from .env), so no secret is part of any command line the host's {@code ps} shows.
 */
public final class PostDeployCommands {

    /** Where the live bundle is on the server; compose reads .env (and COMPOSE_PROJECT_NAME) from there. */
    public static final String PROJECT_DIRECTORY = "/opt/openhaven/current";
    private static final String KCADM = "/opt/keycloak/bin/kcadm.sh";
    private static final String KCADM_CONFIG = "/tmp/openhaven-kcadm.config";

    private PostDeployCommands() {
    }

    /** {@code docker compose --project-directory DIR exec -T [-u USER] CONTAINER sh -c SCRIPT}. */
    public static RemoteCommand inContainer(String description, String container, String user, String script) {
        List<String> argv = new ArrayList<>(List.of(
                "docker", "compose", "--project-directory", PROJECT_DIRECTORY, "exec", "-T"));
        if (user != null) {
            argv.add("-u");
            argv.add(user);
        }
        argv.addAll(List.of(container, "sh", "-c", script));
        return new RemoteCommand(argv, description);
    }

    /**
     * Creates the service's Keycloak client when the realm lacks it: the realm import at first start only covers
     * services enabled then, so a service added later gets its client here. An existing client is left alone.
     */
    public static RemoteCommand ensureKeycloakClient(ServiceDefinition service) {
        String id = service.id();
        String script = KCADM + " config credentials --config " + KCADM_CONFIG
                + " --server http://localhost:8080 --realm master --user \"$KC_BOOTSTRAP_ADMIN_USERNAME\""
                + " --password \"$KC_BOOTSTRAP_ADMIN_PASSWORD\""
                + " && if " + KCADM + " get clients --config " + KCADM_CONFIG + " -r " + Hosts.REALM
                + " -q clientId=" + id + " --fields clientId | grep -q '\"" + id + "\"'; then echo 'client " + id
                + " exists'; else " + KCADM + " create clients --config " + KCADM_CONFIG + " -r " + Hosts.REALM
                + " -f /opt/openhaven/clients/" + id + ".json -s secret=\"$"
                + ResolvedSecrets.oidcSecretVariable(id) + "\"; fi; rm -f " + KCADM_CONFIG;
        return inContainer("make sure Keycloak has the " + service.name() + " client", "keycloak", null, script);
    }
}
