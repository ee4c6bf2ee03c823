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
    /** No sign-in through Keycloak (internal services, Keycloak itself, Traefik). */
    @JsonProperty("none")
    NONE
}
