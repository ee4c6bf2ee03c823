package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.testsupport.Requirements;

class PostDeployCommandsTest {

    private static final String SIGN_IN = "trap 'rm -f /tmp/openhaven-kcadm.config' EXIT; /opt/keycloak/bin/kcadm.sh "
            + "config credentials --config /tmp/openhaven-kcadm.config --server http://localhost:8080 --realm master "
            + "--user \"$KC_BOOTSTRAP_ADMIN_USERNAME\" --password \"$KC_BOOTSTRAP_ADMIN_PASSWORD\" || exit 1; ";
    private static final String CANON = "canon() { sed -e '/^ *\"[^\"]*\" : [^{]/!d' "
            + "-e 's/^ *\"\\([^\"]*\\)\" : \\(.*\\)$/\\1 \\2/' -e 's/,$//' -e ':a' "
            + "-e 's/^\\([^ ]*\\) \\[ \\(\"[^\"]*\"\\), \\(.*\\)$/\\1 [ \\3\\n\\1 \\2/' -e 'ta' "
            + "-e 's/^\\([^ ]*\\) \\[ \\(\"[^\"]*\"\\) \\]/\\1 \\2/' | LC_ALL=C sort; }; ";

    @Test
    void clientScriptCreatesAMissingClientAndUpdatesOnlyManagedFieldsThatDiffer() {
        Map<String, Object> managed = new TreeMap<>(Map.of(
                "attributes", Map.of("post.logout.redirect.uris", "https://git.example.org/*"),
                "redirectUris", List.of("https://git.example.org/callback"),
                "rootUrl", "https://git.example.org"));

        String script = PostDeployCommands.convergeClientScript("gitea", managed, "OIDC_GITEA_SECRET");

        assertThat(script).isEqualTo("[ -n \"$OIDC_GITEA_SECRET\" ] || { echo 'OIDC_GITEA_SECRET is not set in the "
                + "keycloak container' >&2; exit 1; }; " + CANON + SIGN_IN
                + "cid=$(/opt/keycloak/bin/kcadm.sh get clients --config /tmp/openhaven-kcadm.config -r openhaven "
                + "-q clientId=gitea --fields id --format csv --noquotes) || exit 1; result=updated; "
                + "if [ -z \"$cid\" ]; then cid=$(/opt/keycloak/bin/kcadm.sh create clients --config "
                + "/tmp/openhaven-kcadm.config -r openhaven -f /opt/openhaven/clients/gitea.json -i) || exit 1; "
                + "result=created; fi; "
                + "json=$(/opt/keycloak/bin/kcadm.sh get clients/$cid --config /tmp/openhaven-kcadm.config -r openhaven "
                + "--fields 'attributes(post.logout.redirect.uris),redirectUris,rootUrl,secret') || exit 1; "
                + "have=$(printf '%s\\n' \"$json\" | canon); "
                + "want=$({ cat /opt/openhaven/clients/gitea.managed.json; printf '\"secret\" : \"%s\"\\n' "
                + "\"$OIDC_GITEA_SECRET\"; } | canon); "
                + "if [ \"$have\" = \"$want\" ]; then echo 'client gitea unchanged'; "
                + "else { printf '{ \"secret\" : \"%s\",' \"$OIDC_GITEA_SECRET\"; tail -c +2 "
                + "/opt/openhaven/clients/gitea.managed.json; } | /opt/keycloak/bin/kcadm.sh update clients/$cid "
                + "--config /tmp/openhaven-kcadm.config -r openhaven -f - && echo \"client gitea $result\"; fi");
    }

    @Test
    void realmMailScriptComparesTheSettingsAndThePasswordsDigestAndWritesThePasswordFromTheEnvironment() {
        String script = PostDeployCommands.realmMailScript(List.of("auth", "from", "host"));

        assertThat(script).isEqualTo("[ -n \"$MAIL_NOREPLY_PASSWORD\" ] || { echo 'MAIL_NOREPLY_PASSWORD is not set "
                + "in the keycloak container' >&2; exit 1; }; " + CANON + SIGN_IN
                + "digest=$(printf '%s' \"$MAIL_NOREPLY_PASSWORD\" | sha256sum) && digest=${digest%% *}; "
                + "json=$(/opt/keycloak/bin/kcadm.sh get realms/openhaven --config /tmp/openhaven-kcadm.config "
                + "--fields 'resetPasswordAllowed,attributes(openhaven.smtp.password.sha256),smtpServer(auth,from,host)') "
                + "|| exit 1; have=$(printf '%s\\n' \"$json\" | canon); "
                + "want=$({ echo '\"resetPasswordAllowed\" : true'; printf '\"openhaven.smtp.password.sha256\" : "
                + "\"%s\"\\n' \"$digest\"; cat /opt/openhaven/realm/smtp.json; } | canon); "
                + "if [ \"$have\" = \"$want\" ]; then echo 'realm mail settings unchanged'; "
                + "else { printf '{ \"resetPasswordAllowed\" : true, \"attributes\" : { "
                + "\"openhaven.smtp.password.sha256\" : \"%s\" }, \"smtpServer\" : { \"password\" : \"%s\",' "
                + "\"$digest\" \"$MAIL_NOREPLY_PASSWORD\"; tail -c +2 /opt/openhaven/realm/smtp.json; echo '}'; } | "
                + "/opt/keycloak/bin/kcadm.sh update realms/openhaven --config /tmp/openhaven-kcadm.config -f - "
                + "&& echo 'realm mail settings updated'; fi");
    }

    @Test
    void realmWithoutMailScriptRemovesOnlyTheHavensOwnMailSettings() {
        assertThat(PostDeployCommands.realmWithoutMailScript()).isEqualTo(CANON + SIGN_IN
                + "json=$(/opt/keycloak/bin/kcadm.sh get realms/openhaven --config /tmp/openhaven-kcadm.config "
                + "--fields 'smtpServer(host,user)') || exit 1; case \"$(printf '%s\\n' \"$json\" | canon)\" in "
                + "*'host \"mail.'*'user \"noreply@'*) printf '{ \"resetPasswordAllowed\" : false, \"smtpServer\" : { } }' "
                + "| /opt/keycloak/bin/kcadm.sh update realms/openhaven --config /tmp/openhaven-kcadm.config -f - "
                + "&& echo 'realm mail settings removed';; *) echo 'realm has no mail settings of the haven';; esac");
    }

    @Test
    void kcadmFieldsNameTheRenderedAttributesOnly() {
        Map<String, Object> managed = new LinkedHashMap<>();
        managed.put("attributes", new TreeMap<>(Map.of("b.setting", "x", "a.setting", "y")));
        managed.put("webOrigins", List.of("https://a.example"));

        assertThat(PostDeployCommands.kcadmFields(managed)).isEqualTo("attributes(a.setting,b.setting),webOrigins");
    }

    /** Keycloak prints a set in any order and adds fields of its own; the rendered file is sorted. */
    @Test
    void canonTreatsArraysAsSetsAndComparesNestedSettingsByKey() throws Exception {
        Requirements.command("sed");
        String rendered = CanonicalJson.write(Map.of(
                "attributes", Map.of("post.logout.redirect.uris", "https://git.example.org/*"),
                "redirectUris", List.of("https://git.example.org/a", "https://git.example.org/b"),
                "rootUrl", "https://git.example.org", "webOrigins", List.of("https://git.example.org")));
        String fromKeycloak = """
                {
                  "rootUrl" : "https://git.example.org",
                  "redirectUris" : [ "https://git.example.org/b", "https://git.example.org/a" ],
                  "webOrigins" : [ "https://git.example.org" ],
                  "attributes" : {
                    "post.logout.redirect.uris" : "https://git.example.org/*"
                  }
                }""";
        String moved = fromKeycloak.replace("[ \"https://git.example.org/b\", ", "[ ")
                .replace("[ \"https://git.example.org\" ]", "[ \"https://git.example.org\", \"https://git.example.org/b\" ]");

        assertThat(canon(fromKeycloak)).isEqualTo(canon(rendered)).isEqualTo("""
                post.logout.redirect.uris "https://git.example.org/*"
                redirectUris "https://git.example.org/a"
                redirectUris "https://git.example.org/b"
                rootUrl "https://git.example.org"
                webOrigins "https://git.example.org"
                """);
        assertThat(canon(moved)).isNotEqualTo(canon(rendered));
        assertThat(canon("{\n  \"webOrigins\" : [ ],\n  \"smtpServer\" : { }\n}")).isEqualTo("webOrigins [ ]\n");
    }

    private static String canon(String json) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", PostDeployCommands.CANON + "canon").start();
        process.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return out;
    }
}
