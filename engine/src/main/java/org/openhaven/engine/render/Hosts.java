package org.openhaven.engine.render;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openhaven.engine.catalog.ServiceDefinition;

/** The public host name of every resolved service with a subdomain: {@code git.example.com}. */
public final class Hosts {

    /** The Keycloak realm every client lives in. */
    public static final String REALM = "openhaven";

    private final String domain;
    private final SortedMap<String, String> byService = new TreeMap<>();

    Hosts(String domain, List<ServiceDefinition> services) {
        this.domain = domain;
        for (ServiceDefinition service : services) {
            if (service.subdomain() != null) {
                byService.put(service.id(), service.subdomain() + "." + domain);
            }
        }
    }

    public SortedMap<String, String> byService() {
        return Collections.unmodifiableSortedMap(byService);
    }

    public String host(String serviceId) {
        return byService.get(serviceId);
    }

    public String url(String serviceId) {
        return "https://" + host(serviceId);
    }

    /** The OIDC issuer of the haven's realm. */
    public String issuer() {
        return "https://sso." + domain + "/realms/" + REALM;
    }

    public String domain() {
        return domain;
    }
}
