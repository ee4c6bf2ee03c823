package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;
import org.openhaven.engine.spec.Owner;

/**
 * The Keycloak realm the stack imports at first start: the owner as first administrator (member of the
 * {@code admins} group, which admin-only pages admit) with a temporary password (changed at first login), and one
 * confidential OIDC client per OIDC service with its exact redirect URIs; clients that decide by group get a
 * {@code groups} claim. Secrets are Keycloak placeholders ({@code ${OIDC_GITEA_SECRET}}) that Keycloak resolves from its
 * environment at import, so the realm file itself holds no secret.
 */
final class RealmBuilder {

    /** The noreply account's password, as a placeholder in the realm and a variable of Keycloak's environment. */
    static final String SMTP_PASSWORD_VARIABLE = "MAIL_NOREPLY_PASSWORD";

    /** The client fields {@link #managedClientFields} keeps; each must be one {@link #client} renders. */
    private static final Set<String> MANAGED_CLIENT_FIELDS =
            Set.of("rootUrl", "baseUrl", "redirectUris", "webOrigins", "attributes");

    private RealmBuilder() {
    }

    static Map<String, Object> realm(String havenName, Owner owner, List<ServiceDefinition> services, Hosts hosts,
                                     boolean mailEnabled) {
        Map<String, Object> realm = new TreeMap<>();
        realm.put("realm", Hosts.REALM);
        realm.put("displayName", havenName);
        realm.put("enabled", true);
        realm.put("sslRequired", "external");
        realm.put("registrationAllowed", false);
        realm.put("loginWithEmailAllowed", true);
        realm.put("duplicateEmailsAllowed", false);
        realm.put("resetPasswordAllowed", mailEnabled);
        realm.put("verifyEmail", false);
        realm.put("bruteForceProtected", true);
        realm.put("passwordPolicy", "length(12) and notUsername and notEmail");
        realm.put("groups", List.of(Map.of("name", "admins", "path", "/admins")));
        realm.put("users", List.of(owner(owner)));
        if (mailEnabled) {
            realm.put("smtpServer", smtpServer(havenName, hosts.domain()));
        }
        List<Map<String, Object>> clients = new ArrayList<>();
        for (ServiceDefinition service : services) {
            if (service.sso() == SsoKind.OIDC) {
                Map<String, Object> client = client(service, hosts);
                client.put("secret", "${" + ResolvedSecrets.oidcSecretVariable(service.id()) + "}");
                clients.add(client);
            }
        }
        realm.put("clients", clients);
        return realm;
    }

    /**
     * The haven's own mail server, reached as noreply@ through submission with STARTTLS on the private network
     * (mail.&lt;domain&gt; is an alias of the mail container), for password resets and notifications.
     */
    static Map<String, Object> smtpServer(String havenName, String domain) {
        Map<String, Object> smtp = smtpSettings(havenName, domain);
        smtp.put("password", "${" + SMTP_PASSWORD_VARIABLE + "}");
        return smtp;
    }

    /**
     * The SMTP settings without the password: what a post-deploy step compares with the running realm's (which
     * shows its password only masked) and writes, adding the password from Keycloak's environment.
     */
    static Map<String, Object> smtpSettings(String havenName, String domain) {
        Map<String, Object> smtp = new TreeMap<>();
        smtp.put("host", "mail." + domain);
        smtp.put("port", "587");
        smtp.put("from", MailServerFiles.noreplyAddress(domain));
        smtp.put("fromDisplayName", havenName);
        smtp.put("starttls", "true");
        smtp.put("ssl", "false");
        smtp.put("auth", "true");
        smtp.put("user", MailServerFiles.noreplyAddress(domain));
        return smtp;
    }

    /** The owner's user name: the local part of the e-mail address, lower case. */
    static String ownerUsername(Owner owner) {
        String local = owner.email().substring(0, owner.email().indexOf('@'));
        return local.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> owner(Owner owner) {
        Map<String, Object> user = new TreeMap<>();
        String[] names = owner.name().trim().split("\\s+", 2);
        user.put("username", ownerUsername(owner));
        user.put("email", owner.email());
        user.put("emailVerified", true);
        user.put("firstName", names[0]);
        user.put("lastName", names.length > 1 ? names[1] : "");
        user.put("enabled", true);
        user.put("credentials", List.of(Map.of(
                "type", "password", "value", "${OWNER_TEMPORARY_PASSWORD}", "temporary", true)));
        user.put("requiredActions", List.of("UPDATE_PASSWORD"));
        user.put("groups", List.of("/admins"));
        user.put("clientRoles", Map.of("realm-management", List.of("realm-admin")));
        return user;
    }

    /** One confidential client, without its secret (the realm adds a placeholder, kcadm passes the value). */
    static Map<String, Object> client(ServiceDefinition service, Hosts hosts) {
        String base = hosts.url(service.id());
        Map<String, Object> client = new TreeMap<>();
        client.put("clientId", service.id());
        client.put("name", service.name());
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("standardFlowEnabled", true);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.put("rootUrl", base);
        client.put("baseUrl", "/");
        client.put("redirectUris", service.oidc().redirectPaths().stream().map(path -> base + path).toList());
        client.put("webOrigins", List.of(base));
        client.put("attributes", Map.of("post.logout.redirect.uris", base + "/*"));
        if (service.oidc().groups()) {
            client.put("protocolMappers", List.copyOf(groupMappers(service.id()).values()));
        }
        return client;
    }

    /**
     * The client fields OpenHaven keeps in step on every apply, because they follow from the domain: root and base
     * URL, redirect URIs, web origins and the rendered attributes. The rest of a client (enabled, flows, consent,
     * scopes, attributes an administrator added) is set once at creation and then left to the administrator.
     */
    static Map<String, Object> managedClientFields(ServiceDefinition service, Hosts hosts) {
        Map<String, Object> managed = new TreeMap<>(client(service, hosts));
        managed.keySet().retainAll(MANAGED_CLIENT_FIELDS);
        return managed;
    }

    /**
     * The protocol mappers of a client that decides by group, by name: the {@code groups} claim and the audience.
     * Part of the client in a new realm; a post-deploy step adds any that an older realm's client lacks.
     */
    static Map<String, Map<String, Object>> groupMappers(String clientId) {
        Map<String, Map<String, Object>> mappers = new TreeMap<>();
        mappers.put("groups", groupsMapper());
        mappers.put("audience", audienceMapper(clientId));
        return mappers;
    }

    /**
     * The user's groups as a {@code groups} claim of plain names ({@code admins}, not {@code /admins}: oauth2-proxy
     * compares {@code allowed_groups} with the claim's values as they are).
     */
    private static Map<String, Object> groupsMapper() {
        return Map.of("name", "groups", "protocol", "openid-connect",
                "protocolMapper", "oidc-group-membership-mapper",
                "config", new TreeMap<>(Map.of("claim.name", "groups", "full.path", "false",
                        "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true")));
    }

    /** The client's own id in the access token's audience, which oauth2-proxy's keycloak-oidc provider checks. */
    private static Map<String, Object> audienceMapper(String clientId) {
        return Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", new TreeMap<>(Map.of("included.client.audience", clientId,
                        "id.token.claim", "false", "access.token.claim", "true")));
    }
}
