package org.openhaven.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How people sign in to a service. */
public enum SsoKind {
    /** The service speaks OpenID Connect: it gets its own Keycloak client. */
    @JsonProperty("oidc")
    OIDC,
    /** The service has no SSO of its own: Traefik asks oauth2-proxy (a Keycloak client) before every request. */
    @JsonProperty("forward-auth")
    FORWARD_AUTH,
    /**
     * Like {@link #FORWARD_AUTH}, but only members of the realm's {@code admins} group get through; everyone else
     * who signs in is refused (403). For pages that show secrets, such as the VPN's device configurations.
     */
    @JsonProperty("forward-auth-admins")
    FORWARD_AUTH_ADMINS,
    /** No sign-in through Keycloak (internal services, Keycloak itself, Traefik). */
    @JsonProperty("none")
    NONE;

    /** Whether Traefik puts oauth2-proxy in front of the service (for everyone signed in, or for admins only). */
    public boolean forwardAuth() {
        return this == FORWARD_AUTH || this == FORWARD_AUTH_ADMINS;
    }
}
