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
 * redirect URIs are exact, and the owner's temporary password works but must be changed first.
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

    @BeforeAll
    void startKeycloakWithTheRenderedRealm() throws Exception {
        Path javaHome = Requirements.java21();
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-unknown"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            Requirements.unmet("the Keycloak dist is not unpacked at " + home + " (run through ./mvnw verify)");
        }
        // With the mail server, so the realm carries its smtpServer (noreply@ with a password placeholder).
        RenderedBundle bundle = new StackRenderer(Catalog.builtIn())
                .render(TestSpecs.withMail(TestSpecs.full()), new InMemorySecretStore());
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
        // A temporary administrator, only so the test can read the imported realm back through the admin API.
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

        // Keycloak shows the stored password only masked. Point the realm (keeping that stored password, which
        // the mask stands for) at a recording endpoint, have it mail the owner, and read what it logs in with.
        try (RecordingSmtpServer recorder = new RecordingSmtpServer()) {
            smtp.put("host", "127.0.0.1").put("port", String.valueOf(recorder.port())).put("starttls", "false");
            HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/openhaven"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("smtpServer", smtp))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
            String owner = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base
                    + "/admin/realms/openhaven/users?exact=true&username=alice")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asText();

            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/openhaven/users/"
                    + owner + "/execute-actions-email")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("[\"UPDATE_PASSWORD\"]")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
            assertThat(recorder.sessions()).extracting(RecordingSmtpServer.Session::user, RecordingSmtpServer.Session::password)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("noreply@example.org",
                            env.get(RealmBuilder.SMTP_PASSWORD_VARIABLE)));
            assertThat(recorder.sessions().get(0).data()).contains("From: demo <noreply@example.org>", "To: alice@example.org");
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
