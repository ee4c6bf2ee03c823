package org.openhaven.engine.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;

/**
 * Traefik's dynamic routers: one per service with a web UI, HTTPS only, through the security headers; services
 * without SSO of their own also pass the {@code sso} forward-auth middleware (oauth2-proxy), admin-only ones the
 * {@code sso-admins} chain (the same sign-in, then oauth2-proxy's check for the {@code admins} group).
 */
final class TraefikRoutes {

    private TraefikRoutes() {
    }

    static String render(List<ServiceDefinition> services, Hosts hosts) {
        Map<String, Object> routers = new TreeMap<>();
        Map<String, Object> backends = new TreeMap<>();
        for (ServiceDefinition service : services) {
            if (!service.hasWebUi()) {
                continue;
            }
            Map<String, Object> router = new TreeMap<>();
            router.put("rule", "Host(`" + hosts.host(service.id()) + "`)");
            router.put("entryPoints", List.of("websecure"));
            router.put("service", service.id());
            router.put("tls", Map.of("certResolver", "letsencrypt"));
            router.put("middlewares", middlewares(service.sso()));
            routers.put(service.id(), router);
            backends.put(service.id(), Map.of("loadBalancer", Map.of("servers", List.of(Map.of(
                    "url", "http://" + service.web().container() + ":" + service.web().port())))));
        }
        String mailHost = hosts.host(StackRenderer.MAIL_SERVICE);
        if (mailHost != null) {
            // No web UI, but the mail server needs a certificate for mail.<domain>: this router makes Traefik keep
            // one in acme.json, which docker-mailserver reads. Nothing is served there.
            routers.put("mail-certificate", new TreeMap<>(Map.of("rule", "Host(`" + mailHost + "`)",
                    "entryPoints", List.of("websecure"), "service", "noop@internal",
                    "tls", Map.of("certResolver", "letsencrypt"))));
        }
        return "# Routers, rendered by OpenHaven: one per service with a web UI.\n"
                + CanonicalYaml.dump(Map.of("http", Map.of("routers", routers, "services", backends)));
    }

    private static List<String> middlewares(SsoKind sso) {
        return switch (sso) {
            case FORWARD_AUTH -> List.of("security-headers@file", "sso@file");
            case FORWARD_AUTH_ADMINS -> List.of("security-headers@file", "sso-admins@file");
            case OIDC, NONE -> List.of("security-headers@file");
        };
    }
}
