package org.openhaven.engine.render;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.remote.ComposeCommands;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * The remote commands that wire running services together, as data. Each runs a script inside one container
 * through {@code compose exec -T}; scripts check before they act, and read secrets from the container's
 * environment (set from .env). A secret reaches a program only through a pipe (the shell's built-in
 * {@code printf} writes it), never as an argument, so neither the host's {@code ps} nor the manifest shows one.
 *
 * <p>The manifest records them for Compose v2 in the live release directory; a deployer that finds Compose v1 on
 * the server rebuilds them from the manifest's container, user and script with its own {@link ComposeCommands}.
 */
public final class PostDeployCommands {

    /** Compose v2 in the live release, under the fixed project name: what the manifest records. */
    public static final ComposeCommands DEFAULT_COMPOSE = new ComposeCommands(
            ComposeCommands.Flavor.V2, ServerLayout.DEFAULT.current(), ServerLayout.PROJECT);
    /** Where the keycloak container sees the bundle's keycloak/clients/ folder. */
    static final String CLIENTS_DIR = "/opt/openhaven/clients/";
    /** Where the keycloak container sees the bundle's keycloak/realm/ folder (present when mail is on). */
    static final String REALM_DIR = "/opt/openhaven/realm/";
    /** The realm's SMTP settings without the password, in the bundle and in the keycloak container. */
    static final String SMTP_FILE = "smtp.json";
    private static final String KCADM = "/opt/keycloak/bin/kcadm.sh";
    private static final String KCADM_CONFIG = "/tmp/openhaven-kcadm.config";
    private static final String IN_REALM = " --config " + KCADM_CONFIG + " -r " + Hosts.REALM;

    /** Signs kcadm in as the bootstrap admin, whose credentials the keycloak container has in its env. */
    private static final String KCADM_LOGIN = KCADM + " config credentials --config " + KCADM_CONFIG
            + " --server http://localhost:8080 --realm master --user \"$KC_BOOTSTRAP_ADMIN_USERNAME\""
            + " --password \"$KC_BOOTSTRAP_ADMIN_PASSWORD\"";
    /** The trap removes kcadm's token file on every exit without masking a failed step's status. */
    private static final String SIGN_IN = "trap 'rm -f " + KCADM_CONFIG + "' EXIT; " + KCADM_LOGIN + " || exit 1; ";

    /**
     * A shell function turning JSON as kcadm and the renderer both print it (Jackson's pretty printer: one
     * {@code "key" : value} a line, arrays on one line) into sorted {@code key value} lines, one per array element.
     * Keycloak returns redirect URIs and web origins in no fixed order, so comparing these lines compares sets;
     * object openers drop out, so nested settings compare by their own keys. The image has GNU sed (its kc.sh needs
     * it) and coreutils (sort, tail, sha256sum) but no jq or awk; the split uses GNU sed's {@code \n} in a
     * replacement.
     */
    static final String CANON = "canon() { sed -e '/^ *\"[^\"]*\" : [^{]/!d' -e 's/^ *\"\\([^\"]*\\)\" : \\(.*\\)$/\\1 \\2/'"
            + " -e 's/,$//' -e ':a' -e 's/^\\([^ ]*\\) \\[ \\(\"[^\"]*\"\\), \\(.*\\)$/\\1 [ \\3\\n\\1 \\2/' -e 'ta'"
            + " -e 's/^\\([^ ]*\\) \\[ \\(\"[^\"]*\"\\) \\]/\\1 \\2/' | LC_ALL=C sort; }; ";

    private PostDeployCommands() {
    }

    /** The bundle file (under keycloak/clients/, mounted at /opt/openhaven/clients) holding one client mapper. */
    static String mapperFile(String clientId, String mapper) {
        return clientId + ".mapper-" + mapper + ".json";
    }

    /** The bundle file (under keycloak/clients/) holding the client fields every apply keeps in step. */
    static String managedFieldsFile(String clientId) {
        return clientId + ".managed.json";
    }

    /**
     * The script that adds each named protocol mapper the client lacks, from its file in /opt/openhaven/clients. A
     * realm imported before the client had them (an older haven) keeps its client, so without this step its tokens
     * would carry no groups and admin-only pages would refuse even the owner. Existing mappers are left alone.
     */
    public static String ensureClientMappersScript(String clientId, Collection<String> mappers) {
        String models = "clients/$cid/protocol-mappers/models" + IN_REALM;
        return SIGN_IN + "cid=$(" + KCADM + " get clients" + IN_REALM + " -q clientId=" + clientId
                + " --fields id --format csv --noquotes) && for m in " + String.join(" ", mappers) + "; do if " + KCADM
                + " get " + models + " --fields name --format csv --noquotes | grep -qx \"$m\"; then echo \"mapper $m"
                + " exists\"; else " + KCADM + " create " + models + " -f " + CLIENTS_DIR
                + mapperFile(clientId, "$m") + " || exit 1; fi; done";
    }

    /**
     * The script that brings the service's Keycloak client in step with this render. The realm is imported only
     * at Keycloak's first start, so a client the realm lacks (a service added later) is created here from its
     * file, and an existing one whose managed fields ({@code managed}: URLs, redirect URIs, web origins, rendered
     * attributes) or secret differ from the render (a changed domain) gets them through a partial update, which
     * Keycloak applies to the fields given and nothing else: whatever an administrator changed beyond them stays.
     * When all match, nothing is written and the script says {@code unchanged}.
     *
     * @param clientSecretVariable the keycloak container's variable holding the client's vault secret; secrets are
     *                             letters and digits, so the script can write them into JSON as they are
     */
    public static String convergeClientScript(String clientId, Map<String, Object> managed, String clientSecretVariable) {
        String managedFile = CLIENTS_DIR + managedFieldsFile(clientId);
        String secret = "\"$" + clientSecretVariable + "\"";
        return requireVariable(clientSecretVariable) + CANON + SIGN_IN
                + "cid=$(" + KCADM + " get clients" + IN_REALM + " -q clientId=" + clientId
                + " --fields id --format csv --noquotes) || exit 1; result=updated; if [ -z \"$cid\" ]; then cid=$("
                + KCADM + " create clients" + IN_REALM + " -f " + CLIENTS_DIR + clientId + ".json -i) || exit 1;"
                + " result=created; fi; json=$(" + KCADM + " get clients/$cid" + IN_REALM + " --fields "
                + RemoteCommand.quote(kcadmFields(managed) + ",secret") + ") || exit 1;"
                + " have=$(printf '%s\\n' \"$json\" | canon); want=$({ cat " + managedFile
                + "; printf '\"secret\" : \"%s\"\\n' " + secret + "; } | canon); if [ \"$have\" = \"$want\" ]; then echo"
                + " 'client " + clientId + " unchanged'; else { printf '{ \"secret\" : \"%s\",' " + secret + "; tail -c +2 "
                + managedFile + "; } | " + KCADM + " update clients/$cid" + IN_REALM + " -f - && echo \"client "
                + clientId + " $result\"; fi";
    }

    /**
     * The realm attribute holding the SHA-256 of the SMTP password the last post-deploy step wrote. Keycloak shows
     * the stored password only masked; the digest lets the step see a password changed in the vault. It reveals
     * nothing usable: the password is 24 random letters and digits.
     */
    static final String SMTP_PASSWORD_DIGEST = "openhaven.smtp.password.sha256";

    /**
     * The script that gives the realm the haven's mail server for password resets when the realm lacks it or
     * holds other settings (mail turned on after the first start, a changed domain, a new noreply password): SMTP
     * settings from {@code smtp.json} with the noreply password from the container's environment, and resets
     * allowed. When all match, nothing is written.
     */
    public static String realmMailScript(Collection<String> smtpSettings) {
        String smtpFile = REALM_DIR + SMTP_FILE;
        String password = "\"$" + RealmBuilder.SMTP_PASSWORD_VARIABLE + "\"";
        String fields = "resetPasswordAllowed,attributes(" + SMTP_PASSWORD_DIGEST + "),smtpServer("
                + String.join(",", smtpSettings) + ")";
        return requireVariable(RealmBuilder.SMTP_PASSWORD_VARIABLE) + CANON + SIGN_IN
                + "digest=$(printf '%s' " + password + " | sha256sum) && digest=${digest%% *}; json=$(" + KCADM
                + " get realms/" + Hosts.REALM + " --config " + KCADM_CONFIG + " --fields " + RemoteCommand.quote(fields)
                + ") || exit 1; have=$(printf '%s\\n' \"$json\" | canon); want=$({ echo"
                + " '\"resetPasswordAllowed\" : true'; printf '\"" + SMTP_PASSWORD_DIGEST + "\" : \"%s\"\\n' \"$digest\"; cat "
                + smtpFile + "; } | canon); if [ \"$have\" = \"$want\" ]; then echo 'realm mail settings unchanged'; else"
                + " { printf '{ \"resetPasswordAllowed\" : true, \"attributes\" : { \"" + SMTP_PASSWORD_DIGEST
                + "\" : \"%s\" }, \"smtpServer\" : { \"password\" : \"%s\",' \"$digest\" " + password + "; tail -c +2 "
                + smtpFile + "; echo '}'; } | " + KCADM + " update realms/" + Hosts.REALM + " --config " + KCADM_CONFIG
                + " -f - && echo 'realm mail settings updated'; fi";
    }

    /**
     * The script for a haven without mail: a realm still pointing at the haven's own mail server (mail turned off
     * since) would offer password resets that fail, so its SMTP settings are removed and resets turned off. SMTP
     * settings of the administrator's own (another host or account) are theirs and stay.
     */
    public static String realmWithoutMailScript() {
        return CANON + SIGN_IN + "json=$(" + KCADM + " get realms/" + Hosts.REALM + " --config " + KCADM_CONFIG
                + " --fields 'smtpServer(host,user)') || exit 1; case \"$(printf '%s\\n' \"$json\" | canon)\" in"
                + " *'host \"mail.'*'user \"noreply@'*) printf '{ \"resetPasswordAllowed\" : false, \"smtpServer\" : { } }'"
                + " | " + KCADM + " update realms/" + Hosts.REALM + " --config " + KCADM_CONFIG
                + " -f - && echo 'realm mail settings removed';; *) echo 'realm has no mail settings of the haven';; esac";
    }

    /**
     * kcadm's {@code --fields} for these managed fields: a nested map names its keys, {@code attributes(a,b)},
     * so the comparison sees the rendered attributes and none an administrator added.
     */
    static String kcadmFields(Map<String, Object> managed) {
        return managed.entrySet().stream().map(e -> e.getValue() instanceof Map<?, ?> nested
                ? e.getKey() + "(" + nested.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"
                : e.getKey()).collect(Collectors.joining(","));
    }

    /** Stops before signing in when compose did not pass the container a secret the script would write. */
    private static String requireVariable(String variable) {
        return "[ -n \"$" + variable + "\" ] || { echo '" + variable + " is not set in the keycloak container' >&2;"
                + " exit 1; }; ";
    }
}
