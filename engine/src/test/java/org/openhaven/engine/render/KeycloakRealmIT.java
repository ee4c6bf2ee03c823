package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The rendered realm imported into a real Keycloak (the dist zip from Maven Central, the version the keycloak
 * image pins), started once for the class with {@code kc.sh start-dev --import-realm} and the same environment
 * the keycloak container gets from .env. Proves the import works, every client's vault secret is accepted,
 * redirect URIs are exact, the owner's temporary password works but must be changed first, and the oauth2-proxy
 * client's tokens name the {@code admins} group for the owner and for no one else. Then the manifest's post-deploy
 * scripts run against it with this dist's kcadm.sh, as the next apply would run them in the container: a changed
 * domain, a missing client, missing mappers and mail turned off and on reach the running realm, and a second run
 * changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakRealmIT {

    /**
     * Test-only additions to a copy of the realm: service accounts on every client (so each can ask for a token
     * with its secret alone) and one public client allowing the password grant, to try the owner's login.
     * The rendered realm enables neither.
     */
    private static final String TEST_CLIENT = "openhaven-it";
    private static final String ADMIN = "it-admin";
    private static final String ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process keycloak;
    private String base;
    private SortedMap<String, String> env;
    private JsonNode realm;
    private RenderedBundle bundle;
    private InMemorySecretStore vault;
    private Path home;

    @BeforeAll
    void startKeycloakWithTheRenderedRealm() throws Exception {
        Path javaHome = Requirements.java21();
        home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-unknown"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            Requirements.unmet("the Keycloak dist is not unpacked at " + home + " (run through ./mvnw verify)");
        }
        // With the mail server, so the realm carries its smtpServer (noreply@ with a password placeholder).
        vault = new InMemorySecretStore();
        bundle = new StackRenderer(Catalog.builtIn()).render(TestSpecs.withMail(TestSpecs.full()), vault);
        env = DotEnv.parse(bundle.text(StackRenderer.ENV_FILE));
        realm = JSON.readTree(bundle.text(StackRenderer.REALM_FILE));

        deleteRecursively(home.resolve("data"));
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(importDir.resolve("openhaven-realm.json"), JSON.writeValueAsString(withTestAdditions(realm)));

        int port = freePort();
        base = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak-realm-it.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        // The add-opens quiets a shutdown error of Keycloak 26.5 on Java 24+.
        builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m --add-opens java.base/java.lang=ALL-UNNAMED");
        // What compose passes the keycloak container: the owner's password and one secret per client.
        builder.environment().put("OWNER_TEMPORARY_PASSWORD", env.get("KEYCLOAK_OWNER_TEMPORARY_PASSWORD"));
        // A temporary administrator, only so the test can use the admin API (read the realm, add users, run kcadm).
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.forEach((name, value) -> {
            if (name.startsWith("OIDC_") || name.equals(RealmBuilder.SMTP_PASSWORD_VARIABLE)) {
                builder.environment().put(name, value);
            }
        });
        keycloak = builder.start();
        waitUntilRealmServed(Duration.ofSeconds(240));
    }

    @AfterAll
    void stopKeycloak() throws InterruptedException {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            if (!keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                keycloak.destroyForcibly();
            }
        }
    }

    @Test
    void everyClientObtainsATokenWithItsSecretFromTheVault() throws Exception {
        assertThat(realm.get("clients")).hasSize(5);
        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asText();
            String secret = env.get(ResolvedSecrets.oidcSecretVariable(id));

            HttpResponse<String> response = token(Map.of(
                    "grant_type", "client_credentials", "client_id", id, "client_secret", secret));

            assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("access_token").asText()).isNotBlank();
        }
    }

    @Test
    void aWrongClientSecretIsRejected() throws Exception {
        HttpResponse<String> response = token(Map.of(
                "grant_type", "client_credentials", "client_id", "gitea", "client_secret", "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("unauthorized_client");
    }

    @Test
    void eachClientAcceptsExactlyItsRedirectUri() throws Exception {
        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asText();
            String redirect = client.get("redirectUris").get(0).asText();

            assertThat(authorize(id, redirect).statusCode()).as(id + " with " + redirect).isEqualTo(200);
            assertThat(authorize(id, redirect + "x").statusCode()).as(id + " with a longer URI").isEqualTo(400);
            assertThat(authorize(id, "https://evil.example.net/callback").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void ownerLogsInWithTheTemporaryPasswordAndMustChangeIt() throws Exception {
        String password = env.get("KEYCLOAK_OWNER_TEMPORARY_PASSWORD");

        HttpResponse<String> right = token(Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "username", "alice", "password", password, "scope", "openid"));
        HttpResponse<String> wrong = token(Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "username", "alice", "password", password + "x", "scope", "openid"));

        // The password matched; the pending UPDATE_PASSWORD action is what stops a direct login.
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(right.body()).contains("Account is not fully set up");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid user credentials");
    }

    @Test
    void ownersTokensNameTheAdminsGroupAndAFamilyMembersDoNot() throws Exception {
        String admin = adminToken();
        String ownerId = userId(admin, "alice");
        String familyPassword = "family-" + java.util.UUID.randomUUID();
        createUser(admin, "bob", "bob@example.org", familyPassword);
        // As after the owner's first sign-in, where Keycloak makes them choose a password of their own.
        String ownerPassword = "owner-" + java.util.UUID.randomUUID();
        setPassword(admin, ownerId, ownerPassword, false);
        try {
            JsonNode owner = JSON.readTree(oauth2ProxyPasswordGrant("alice", ownerPassword).body());
            JsonNode family = JSON.readTree(oauth2ProxyPasswordGrant("bob", familyPassword).body());

            assertThat(claims(owner.get("id_token").asText()).get("groups").toString()).isEqualTo("[\"admins\"]");
            assertThat(claims(owner.get("access_token").asText()).get("aud").toString()).contains("\"oauth2-proxy\"");
            assertThat(userinfo(owner.get("access_token").asText()).get("groups").toString())
                    .isEqualTo("[\"admins\"]");
            assertThat(claims(family.get("id_token").asText()).path("groups").toString()).doesNotContain("admins");
            assertThat(userinfo(family.get("access_token").asText()).path("groups").toString())
                    .doesNotContain("admins");
        } finally {
            // Back to the imported state, for the test of the temporary password.
            setPassword(admin, ownerId, env.get("KEYCLOAK_OWNER_TEMPORARY_PASSWORD"), true);
        }
    }

    @Test
    void postDeployStepGivesAnOlderRealmsOauth2ProxyClientItsMappersOnce() throws Exception {
        String admin = adminToken();
        String clientPath = "/clients/" + JSON.readTree(adminApi(admin, "GET", "/clients?clientId=oauth2-proxy", null)
                .body()).get(0).get("id").asText() + "/protocol-mappers/models";
        // A realm imported before the mappers existed: the client is there, its mappers are not.
        for (JsonNode mapper : JSON.readTree(adminApi(admin, "GET", clientPath, null).body())) {
            adminApi(admin, "DELETE", clientPath + "/" + mapper.get("id").asText(), null);
        }
        String script = bundle.manifest().postDeploy().stream()
                .filter(c -> c.description().equals("make sure the oauth2-proxy client's tokens carry the user's groups"))
                .findFirst().orElseThrow().script();

        ProcessResult first = runKcadmScript(bundle, script);
        ProcessResult second = runKcadmScript(bundle, script);
        admin = adminToken(); // a fresh one: the scripts may outlast an admin token's minute

        assertThat(first.exitCode()).as(first.output()).isZero();
        JsonNode mappers = JSON.readTree(adminApi(admin, "GET", clientPath, null).body());
        assertThat(mappers).extracting(m -> m.get("name").asText()).containsExactlyInAnyOrder("groups", "audience");
        for (JsonNode mapper : mappers) {
            JsonNode rendered = JSON.readTree(bundle.text(
                    "keycloak/clients/oauth2-proxy.mapper-" + mapper.get("name").asText() + ".json"));
            assertThat(mapper.get("protocolMapper")).isEqualTo(rendered.get("protocolMapper"));
            // Keycloak adds defaults of its own (introspection.token.claim); every rendered setting must hold.
            rendered.get("config").properties().forEach(setting -> assertThat(
                    mapper.get("config").get(setting.getKey())).as(setting.getKey()).isEqualTo(setting.getValue()));
        }
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("mapper audience exists", "mapper groups exists");
        assertThat(JSON.readTree(adminApi(admin, "GET", clientPath, null).body())).hasSize(2);
    }

    @Test
    void postDeployStepCreatesAClientAnOlderRealmLacksOnceWithItsVaultSecret() throws Exception {
        String admin = adminToken();
        // A haven whose realm was imported before gitea was enabled: the import will not run again.
        adminApi(admin, "DELETE", "/clients/" + clientUuid(admin, "gitea"), null);
        String script = clientScript(bundle, "gitea");

        ProcessResult first = runKcadmScript(bundle, script);
        ProcessResult second = runKcadmScript(bundle, script);
        admin = adminToken(); // a fresh one: the scripts may outlast an admin token's minute

        String created = clientUuid(admin, "gitea");
        JsonNode client = JSON.readTree(adminApi(admin, "GET", "/clients/" + created, null).body());
        try {
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("client gitea created");
            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(second.output()).contains("client gitea unchanged");
            JsonNode rendered = JSON.readTree(bundle.text("keycloak/clients/gitea.json"));
            assertThat(client.get("redirectUris")).isEqualTo(rendered.get("redirectUris"));
            assertThat(JSON.readTree(adminApi(admin, "GET", "/clients/" + created + "/client-secret", null).body())
                    .get("value").asText()).isEqualTo(env.get(ResolvedSecrets.oidcSecretVariable("gitea")));
            assertThat(authorize("gitea", rendered.get("redirectUris").get(0).asText()).statusCode()).isEqualTo(200);
        } finally {
            // Back to the test realm's state (service accounts on every client) for the client-credentials test.
            ((com.fasterxml.jackson.databind.node.ObjectNode) client).put("serviceAccountsEnabled", true);
            adminApi(admin, "PUT", "/clients/" + created, JSON.writeValueAsString(client));
        }
    }

    /**
     * The haven moves to another domain (and gitea's secret is replaced in the vault): the next apply's
     * post-deploy steps give every client the new addresses and gitea its new secret, leave what an administrator
     * changed alone, and a second apply writes nothing. The realm ends as it began: the steps of the original
     * render bring it back.
     */
    @Test
    void aChangedDomainReachesEveryClientOnTheNextApplyWhileTheAdministratorsOwnChangesStay() throws Exception {
        String admin = adminToken();
        RenderedBundle moved = new StackRenderer(Catalog.builtIn())
                .render(TestSpecs.withMail(TestSpecs.onDomain(TestSpecs.full(), "b.example.net")), vault);
        java.util.Map<String, String> movedEnv = new java.util.TreeMap<>(env);
        String newGiteaSecret = "rotated" + java.util.UUID.randomUUID().toString().replace("-", "");
        movedEnv.put(ResolvedSecrets.oidcSecretVariable("gitea"), newGiteaSecret);
        // What the administrator did in the console: a client of their own, an admin, a setting on gitea's client.
        ObjectNode own = JSON.createObjectNode().put("clientId", "my-app").put("publicClient", true);
        own.putArray("redirectUris").add("https://app.example.org/callback");
        adminApi(admin, "POST", "/clients", JSON.writeValueAsString(own));
        createUser(admin, "carol", "carol@example.org", "carol-" + java.util.UUID.randomUUID());
        String carol = userId(admin, "carol");
        String admins = JSON.readTree(adminApi(admin, "GET", "/groups?search=admins&exact=true", null).body())
                .get(0).get("id").asText();
        adminApi(admin, "PUT", "/users/" + carol + "/groups/" + admins, null);
        String gitea = clientUuid(admin, "gitea");
        ObjectNode tweak = JSON.createObjectNode().put("description", "set by the administrator");
        tweak.putObject("attributes").put("consent.screen.text", "Sign in to the family git");
        adminApi(admin, "PUT", "/clients/" + gitea, JSON.writeValueAsString(tweak));
        String ownBefore = adminApi(admin, "GET", "/clients/" + clientUuid(admin, "my-app"), null).body();
        Map<String, JsonNode> before = new java.util.TreeMap<>();
        for (JsonNode client : realm.get("clients")) {
            String uuid = clientUuid(admin, client.get("clientId").asText());
            before.put(uuid, JSON.readTree(adminApi(admin, "GET", "/clients/" + uuid, null).body()));
        }
        try {
            java.util.List<ProcessResult> first = runClientScripts(moved, movedEnv);
            java.util.List<ProcessResult> second = runClientScripts(moved, movedEnv);
            admin = adminToken(); // the scripts take longer than an admin token lives

            for (JsonNode client : realm.get("clients")) {
                String id = client.get("clientId").asText();
                JsonNode now = JSON.readTree(moved.text("keycloak/clients/" + id + ".json"));
                String newRedirect = now.get("redirectUris").get(0).asText();
                String oldRedirect = client.get("redirectUris").get(0).asText();
                JsonNode stored = JSON.readTree(adminApi(admin, "GET", "/clients/" + clientUuid(admin, id), null).body());
                assertThat(newRedirect).contains("b.example.net");
                assertThat(stored.get("redirectUris")).as(id).isEqualTo(now.get("redirectUris"));
                assertThat(stored.get("webOrigins")).as(id).isEqualTo(now.get("webOrigins"));
                assertThat(stored.get("rootUrl")).as(id).isEqualTo(now.get("rootUrl"));
                assertThat(stored.get("attributes").get("post.logout.redirect.uris")).as(id)
                        .isEqualTo(now.get("attributes").get("post.logout.redirect.uris"));
                assertThat(authorize(id, newRedirect).statusCode()).as(id + " with " + newRedirect).isEqualTo(200);
                assertThat(authorize(id, oldRedirect).statusCode()).as(id + " with " + oldRedirect).isEqualTo(400);
            }
            assertThat(first).allSatisfy(r -> assertThat(r.exitCode()).as(r.output()).isZero())
                    .extracting(ProcessResult::output).allSatisfy(o -> assertThat(o).containsPattern("client \\S+ updated"));
            assertThat(second).allSatisfy(r -> assertThat(r.exitCode()).as(r.output()).isZero())
                    .extracting(ProcessResult::output).allSatisfy(o -> assertThat(o).containsPattern("client \\S+ unchanged"));
            HttpResponse<String> withNewSecret = token(Map.of("grant_type", "client_credentials", "client_id", "gitea",
                    "client_secret", newGiteaSecret));
            assertThat(withNewSecret.statusCode()).as(withNewSecret.body()).isEqualTo(200);
            assertThat(token(Map.of("grant_type", "client_credentials", "client_id", "gitea", "client_secret",
                    env.get(ResolvedSecrets.oidcSecretVariable("gitea")))).statusCode()).isEqualTo(401);
            JsonNode giteaNow = JSON.readTree(adminApi(admin, "GET", "/clients/" + gitea, null).body());
            assertThat(giteaNow.get("description").asText()).isEqualTo("set by the administrator");
            assertThat(giteaNow.get("attributes").get("consent.screen.text").asText()).isEqualTo("Sign in to the family git");
            assertThat(giteaNow.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(adminApi(admin, "GET", "/clients/" + clientUuid(admin, "my-app"), null).body()).isEqualTo(ownBefore);
            assertThat(JSON.readTree(adminApi(admin, "GET", "/users/" + carol + "/groups", null).body()))
                    .extracting(g -> g.get("name").asText()).containsExactly("admins");
        } finally {
            // Back to the imported addresses and secrets for the other tests, through the admin API (faster).
            String fresh = adminToken();
            for (Map.Entry<String, JsonNode> client : before.entrySet()) {
                ObjectNode managed = JSON.createObjectNode();
                for (String field : java.util.List.of("rootUrl", "baseUrl", "redirectUris", "webOrigins", "secret")) {
                    managed.set(field, client.getValue().get(field));
                }
                managed.putObject("attributes").set("post.logout.redirect.uris",
                        client.getValue().get("attributes").get("post.logout.redirect.uris"));
                adminApi(fresh, "PUT", "/clients/" + client.getKey(), JSON.writeValueAsString(managed));
            }
            adminApi(fresh, "DELETE", "/clients/" + clientUuid(fresh, "my-app"), null);
            adminApi(fresh, "DELETE", "/users/" + carol, null);
        }
        String giteaRedirect = JSON.readTree(bundle.text("keycloak/clients/gitea.json")).get("redirectUris").get(0).asText();
        assertThat(authorize("gitea", giteaRedirect).statusCode()).isEqualTo(200);
    }

    /**
     * Mail turned off: the realm's SMTP settings pointing at the haven's mail server go, and so does "forgot
     * password"; settings of the administrator's own stay. Turned on again: the haven's settings come back with
     * the noreply password, which a recording SMTP endpoint sees; so does a new noreply password. Each step run
     * twice writes once.
     */
    @Test
    void theRealmsMailSettingsFollowMailTurnedOffAndOnAgain() throws Exception {
        String withMail = realmMailScript(bundle);
        RenderedBundle noMail = new StackRenderer(Catalog.builtIn()).render(TestSpecs.full(), vault);
        String withoutMail = realmMailScript(noMail);
        assertThat(runKcadmScript(bundle, withMail).exitCode()).isZero(); // the imported state, whatever ran before

        ProcessResult off = runKcadmScript(noMail, withoutMail);
        JsonNode afterOff = realmSettings(adminToken());
        ProcessResult offAgain = runKcadmScript(noMail, withoutMail);
        ProcessResult on = runKcadmScript(bundle, withMail);
        JsonNode afterOn = realmSettings(adminToken());
        ProcessResult onAgain = runKcadmScript(bundle, withMail);

        assertThat(off.output()).as(off.output()).contains("realm mail settings removed");
        assertThat(afterOff.get("resetPasswordAllowed").asBoolean()).isFalse();
        assertThat(afterOff.path("smtpServer").path("host").isMissingNode()).as(afterOff.toString()).isTrue();
        assertThat(offAgain.output()).contains("realm has no mail settings of the haven");
        assertThat(on.output()).as(on.output()).contains("realm mail settings updated");
        assertThat(afterOn.get("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(afterOn.get("smtpServer").get("host").asText()).isEqualTo("mail.example.org");
        assertThat(afterOn.get("smtpServer").get("from").asText()).isEqualTo("noreply@example.org");
        assertThat(onAgain.output()).contains("realm mail settings unchanged");
        assertThat(java.util.List.of(off, offAgain, on, onAgain)).allSatisfy(r -> assertThat(r.exitCode()).isZero());
        RecordingSmtpServer.Session login = smtpLogin(adminToken());
        assertThat(login.user()).isEqualTo("noreply@example.org");
        assertThat(login.password()).isEqualTo(env.get(RealmBuilder.SMTP_PASSWORD_VARIABLE));

        // A new noreply password in the vault reaches the realm on the next apply, though Keycloak shows it masked.
        Map<String, String> rotatedEnv = new java.util.TreeMap<>(env);
        String rotated = "rotated" + java.util.UUID.randomUUID().toString().replace("-", "");
        rotatedEnv.put(RealmBuilder.SMTP_PASSWORD_VARIABLE, rotated);
        ProcessResult rotation = runKcadmScript(bundle, rotatedEnv, withMail);
        assertThat(rotation.output()).as(rotation.output()).contains("realm mail settings updated");
        assertThat(smtpLogin(adminToken()).password()).isEqualTo(rotated);
        assertThat(runKcadmScript(bundle, withMail).output()).contains("realm mail settings updated");

        // The administrator's own mail server (another host and account) is not the haven's to remove.
        ObjectNode own = JSON.createObjectNode();
        own.putObject("smtpServer").put("host", "smtp.provider.example").put("port", "587")
                .put("from", "me@provider.example").put("user", "me@provider.example").put("auth", "true");
        adminApi(adminToken(), "PUT", "", JSON.writeValueAsString(own.put("resetPasswordAllowed", true)));
        ProcessResult foreign = runKcadmScript(noMail, withoutMail);
        JsonNode afterForeign = realmSettings(adminToken());
        assertThat(runKcadmScript(bundle, withMail).exitCode()).isZero();

        assertThat(foreign.output()).contains("realm has no mail settings of the haven");
        assertThat(afterForeign.get("smtpServer").get("host").asText()).isEqualTo("smtp.provider.example");
        assertThat(afterForeign.get("resetPasswordAllowed").asBoolean()).isTrue();
    }

    private JsonNode realmSettings(String token) throws Exception {
        return JSON.readTree(adminApi(token, "GET", "", null).body());
    }

    private static String clientScript(RenderedBundle rendered, String clientId) {
        return rendered.manifest().postDeploy().stream()
                .filter(c -> c.service().equals(clientId) && c.description().startsWith("make sure Keycloak's"))
                .findFirst().orElseThrow().script();
    }

    private static String realmMailScript(RenderedBundle rendered) {
        return rendered.manifest().postDeploy().stream()
                .filter(c -> c.container().equals("keycloak") && c.description().contains("mail server"))
                .findFirst().orElseThrow().script();
    }

    private java.util.List<ProcessResult> runClientScripts(RenderedBundle rendered, Map<String, String> containerEnv)
            throws Exception {
        java.util.List<ProcessResult> results = new java.util.ArrayList<>();
        for (JsonNode client : realm.get("clients")) {
            results.add(runKcadmScript(rendered, containerEnv, clientScript(rendered, client.get("clientId").asText())));
        }
        return results;
    }

    private String clientUuid(String adminToken, String clientId) throws Exception {
        return JSON.readTree(adminApi(adminToken, "GET", "/clients?clientId=" + clientId, null).body())
                .get(0).get("id").asText();
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private ProcessResult runKcadmScript(RenderedBundle rendered, String script) throws Exception {
        return runKcadmScript(rendered, env, script);
    }

    /**
     * Runs a post-deploy script the way the keycloak container would, with this dist's kcadm.sh, this server's
     * port, the rendered bundle's keycloak files in place of the container's mounts, and {@code containerEnv} as
     * the environment compose would give the container from that bundle's .env.
     */
    private ProcessResult runKcadmScript(RenderedBundle rendered, Map<String, String> containerEnv, String script)
            throws Exception {
        Path mounts = Path.of("target", "keycloak-it-mounts").toAbsolutePath();
        deleteRecursively(mounts);
        for (String file : rendered.files().keySet()) {
            if (file.startsWith("keycloak/clients/") || file.startsWith("keycloak/realm/")) {
                Path target = mounts.resolve(file.substring("keycloak/".length()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, rendered.text(file));
            }
        }
        String local = script.replace("/opt/keycloak/bin/kcadm.sh", home.toAbsolutePath() + "/bin/kcadm.sh")
                .replace("http://localhost:8080", base)
                .replace("/opt/openhaven/clients/", mounts.resolve("clients") + "/")
                .replace("/opt/openhaven/realm/", mounts.resolve("realm") + "/")
                .replace("/tmp/openhaven-kcadm.config", Path.of("target", "keycloak-it-kcadm.config").toAbsolutePath()
                        .toString());
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", local).redirectErrorStream(true);
        builder.environment().putAll(containerEnv); // .env's values, client secrets among them
        builder.environment().put("JAVA_HOME", Requirements.java21().toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kcadm script did not finish: " + output);
        }
        return new ProcessResult(process.exitValue(), output);
    }

    private HttpResponse<String> oauth2ProxyPasswordGrant(String username, String password) throws Exception {
        HttpResponse<String> response = token(Map.of("grant_type", "password", "client_id", "oauth2-proxy",
                "client_secret", env.get(ResolvedSecrets.oidcSecretVariable("oauth2-proxy")),
                "username", username, "password", password, "scope", "openid"));
        assertThat(response.statusCode()).as(username + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private JsonNode userinfo(String accessToken) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/openhaven/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> adminApi(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/openhaven" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    private String userId(String token, String username) throws Exception {
        JsonNode users = JSON.readTree(adminApi(token, "GET", "/users?exact=true&username=" + username, null).body());
        assertThat(users).as(username).hasSize(1);
        return users.get(0).get("id").asText();
    }

    private void createUser(String token, String username, String email, String password) throws Exception {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("email", email)
                .put("emailVerified", true).put("firstName", "Bob").put("lastName", "Example").put("enabled", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        adminApi(token, "POST", "/users", JSON.writeValueAsString(user));
    }

    /** Resets a password; a temporary one brings back the required action to change it, as after the import. */
    private void setPassword(String token, String userId, String password, boolean temporary) throws Exception {
        adminApi(token, "PUT", "/users/" + userId + "/reset-password", JSON.writeValueAsString(JSON.createObjectNode()
                .put("type", "password").put("value", password).put("temporary", temporary)));
        ObjectNode actions = JSON.createObjectNode();
        ArrayNode required = actions.putArray("requiredActions");
        if (temporary) {
            required.add("UPDATE_PASSWORD");
        }
        adminApi(token, "PUT", "/users/" + userId, JSON.writeValueAsString(actions));
    }

    @Test
    void realmSendsMailAsNoreplyWithThePasswordFromTheVault() throws Exception {
        String token = adminToken();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/openhaven"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode imported = JSON.readTree(response.body());
        ObjectNode smtp = (ObjectNode) imported.get("smtpServer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(imported.get("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(smtp.get("host").asText()).isEqualTo("mail.example.org");
        assertThat(smtp.get("port").asText()).isEqualTo("587");
        assertThat(smtp.get("from").asText()).isEqualTo("noreply@example.org");
        assertThat(smtp.get("user").asText()).isEqualTo("noreply@example.org");
        assertThat(smtp.get("starttls").asText()).isEqualTo("true");
        assertThat(smtp.get("auth").asText()).isEqualTo("true");

        RecordingSmtpServer.Session session = smtpLogin(token);

        assertThat(session.user()).isEqualTo("noreply@example.org");
        assertThat(session.password()).isEqualTo(env.get(RealmBuilder.SMTP_PASSWORD_VARIABLE));
        assertThat(session.data()).contains("From: demo <noreply@example.org>", "To: alice@example.org");
    }

    /**
     * Keycloak shows the stored SMTP password only masked. Points the realm (keeping that stored password, which
     * the mask stands for) at a recording endpoint, has it mail the owner, and returns what it logged in with.
     */
    private RecordingSmtpServer.Session smtpLogin(String token) throws Exception {
        ObjectNode smtp = (ObjectNode) realmSettings(token).get("smtpServer").deepCopy();
        try (RecordingSmtpServer recorder = new RecordingSmtpServer()) {
            smtp.put("host", "127.0.0.1").put("port", String.valueOf(recorder.port())).put("starttls", "false");
            adminApi(token, "PUT", "", JSON.writeValueAsString(Map.of("smtpServer", smtp)));
            String owner = userId(token, "alice");

            adminApi(token, "PUT", "/users/" + owner + "/execute-actions-email", "[\"UPDATE_PASSWORD\"]");

            assertThat(recorder.sessions()).hasSize(1);
            return recorder.sessions().get(0);
        }
    }

    private String adminToken() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", ADMIN, "password", ADMIN_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("access_token").asText();
    }

    private HttpResponse<String> authorize(String clientId, String redirectUri) throws Exception {
        String query = form(Map.of("client_id", clientId, "redirect_uri", redirectUri, "response_type", "code",
                "scope", "openid"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/realms/openhaven/protocol/openid-connect/auth?"
                + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/realms/openhaven/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode withTestAdditions(JsonNode rendered) {
        ObjectNode copy = rendered.deepCopy();
        ArrayNode clients = (ArrayNode) copy.get("clients");
        clients.forEach(c -> ((ObjectNode) c).put("serviceAccountsEnabled", true));
        // The password grant stands in for the browser sign-in oauth2-proxy does: same client, same mappers.
        clients.forEach(c -> {
            if ("oauth2-proxy".equals(c.get("clientId").asText())) {
                ((ObjectNode) c).put("directAccessGrantsEnabled", true);
            }
        });
        ObjectNode test = clients.addObject();
        test.put("clientId", TEST_CLIENT);
        test.put("publicClient", true);
        test.put("directAccessGrantsEnabled", true);
        test.put("standardFlowEnabled", false);
        return copy;
    }

    private void waitUntilRealmServed(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        URI discovery = URI.create(base + "/realms/openhaven/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue()
                        + "; see target/keycloak-realm-it.log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keycloak is still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve the realm 'openhaven' within " + timeout.toSeconds()
                + " s; see target/keycloak-realm-it.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
