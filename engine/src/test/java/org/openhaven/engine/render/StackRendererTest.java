package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;

class StackRendererTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackRenderer renderer = new StackRenderer(CATALOG);

    @TempDir
    Path out;

    @Test
    void sameSpecAndSecretsGiveAByteIdenticalBundle() {
        InMemorySecretStore store = TestSpecs.vault();
        RenderedBundle first = renderer.render(TestSpecs.full(), store);
        // A fresh renderer with another random source: nothing may depend on it once the vault holds the secrets.
        RenderedBundle second = new StackRenderer(CATALOG, new SecureRandom()).render(TestSpecs.full(), store);

        assertThat(second.files().keySet()).isEqualTo(first.files().keySet());
        first.files().forEach((path, bytes) -> assertThat(second.files().get(path)).as(path).isEqualTo(bytes));
        second.clientFiles().forEach((path, bytes) -> assertThat(first.clientFiles().get(path)).as(path).isEqualTo(bytes));
        assertThat(second.manifest().bundleHash()).isEqualTo(first.manifest().bundleHash()).hasSize(64);
    }

    @Test
    void anotherSpecGivesAnotherBundleHash() {
        InMemorySecretStore store = TestSpecs.vault();

        assertThat(renderer.render(TestSpecs.only("gitea"), store).manifest().bundleHash())
                .isNotEqualTo(renderer.render(TestSpecs.only("gitea", "vaultwarden"), store).manifest().bundleHash());
    }

    @Test
    void composeFileHoldsNoSecretFromTheVault() {
        InMemorySecretStore store = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.full(), store);
        String compose = bundle.text(StackRenderer.COMPOSE_FILE);
        String realm = bundle.text(StackRenderer.REALM_FILE);

        assertThat(store.keys()).hasSizeGreaterThan(15);
        for (String key : store.keys()) {
            String value = store.find(key).orElseThrow().reveal();
            assertThat(compose).as("compose.yaml must not contain the vault secret " + key).doesNotContain(value);
            assertThat(realm).as("the realm must not contain the vault secret " + key).doesNotContain(value);
            assertThat(bundle.text(StackRenderer.MANIFEST_FILE)).as("manifest vs " + key).doesNotContain(value);
        }
    }

    @Test
    void everyVariableTheComposeFileUsesIsDefinedInTheEnvFile() {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());
        Map<String, String> env = DotEnv.parse(bundle.text(StackRenderer.ENV_FILE));
        Matcher variables = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(bundle.text(StackRenderer.COMPOSE_FILE));
        List<String> used = new ArrayList<>();
        while (variables.find()) {
            used.add(variables.group(1));
        }

        assertThat(used).isNotEmpty();
        assertThat(env).containsKeys(used.toArray(String[]::new));
        assertThat(env).containsEntry("COMPOSE_PROJECT_NAME", "openhaven");
        // oauth2-proxy refuses cookie secrets that are not 16, 24 or 32 bytes long.
        assertThat(env.get("OAUTH2_PROXY_COOKIE_SECRET")).hasSize(32);
    }

    @Test
    void envFileAndFilesHoldingSecretsAreReadableByTheOwnerOnly() throws IOException {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());
        bundle.writeTo(out);
        bundle.writeClientFilesTo(out.resolve("clients"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(".env"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("wireguard/wg0.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("clients/wireguard/phone.conf"))))
                .isEqualTo("rw-------");
        assertThat(bundle.sensitiveFiles()).containsExactly(".env", "wireguard/wg0.json");
        assertThat(Files.readString(out.resolve("compose.yaml"))).isEqualTo(bundle.text("compose.yaml"));
    }

    @Test
    void theEngineSeamWritesServerFilesOnlyAndReturnsTheBundleHash() throws IOException {
        InMemorySecretStore store = TestSpecs.vault();
        String hash = new StackBundleRenderer(CATALOG).render(TestSpecs.only("wireguard"), store, out);

        assertThat(hash).isEqualTo(renderer.render(TestSpecs.only("wireguard"), store).manifest().bundleHash());
        assertThat(out.resolve("wireguard/wg0.json")).isRegularFile();
        try (var files = Files.walk(out)) {
            assertThat(files.map(p -> out.relativize(p).toString())).noneMatch(p -> p.startsWith("clients"));
        }
    }

    @Test
    void secretsAreGeneratedOnceAndReusedOnTheNextRender() {
        InMemorySecretStore store = TestSpecs.vault();
        renderer.render(TestSpecs.only("gitea"), store);
        Secret dbPassword = store.find("gitea-db/GITEA_DB_PASSWORD").orElseThrow();

        renderer.render(TestSpecs.only("gitea", "nextcloud"), store);

        assertThat(store.find("gitea-db/GITEA_DB_PASSWORD")).contains(dbPassword);
        assertThat(store.keys()).contains("keycloak/OIDC_GITEA_SECRET", "keycloak/OIDC_NEXTCLOUD_SECRET",
                "nextcloud-db/NEXTCLOUD_DB_PASSWORD", "keycloak/KEYCLOAK_OWNER_TEMPORARY_PASSWORD");
    }

    @Test
    void realmHasExactlyOneClientPerOidcServiceWithItsExactRedirectUris() throws IOException {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());
        JsonNode realm = JSON.readTree(bundle.text(StackRenderer.REALM_FILE));

        List<String> oidcServices = bundle.manifest().services().stream()
                .filter(s -> s.sso().equals("oidc")).map(Manifest.Service::id).toList();
        assertThat(oidcServices).containsExactlyInAnyOrder("gitea", "nextcloud", "oauth2-proxy", "open-webui", "vaultwarden");
        List<String> clientIds = new ArrayList<>();
        realm.get("clients").forEach(c -> clientIds.add(c.get("clientId").asText()));
        assertThat(clientIds).containsExactlyInAnyOrderElementsOf(oidcServices);

        Map<String, String> expected = Map.of(
                "gitea", "https://git.example.org/user/oauth2/keycloak/callback",
                "nextcloud", "https://cloud.example.org/apps/user_oidc/code",
                "oauth2-proxy", "https://auth.example.org/oauth2/callback",
                "open-webui", "https://ai.example.org/oauth/oidc/callback",
                "vaultwarden", "https://vault.example.org/identity/connect/oidc-signin");
        realm.get("clients").forEach(client -> {
            String id = client.get("clientId").asText();
            assertThat(client.get("redirectUris")).as(id).hasSize(1);
            assertThat(client.get("redirectUris").get(0).asText()).as(id).isEqualTo(expected.get(id));
            assertThat(client.get("secret").asText()).isEqualTo("${" + ResolvedSecrets.oidcSecretVariable(id) + "}");
            assertThat(client.get("publicClient").asBoolean()).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        });
    }

    @Test
    void ownerIsTheRealmAdministratorWithATemporaryPassword() throws IOException {
        JsonNode realm = JSON.readTree(renderer.render(TestSpecs.only("gitea"), TestSpecs.vault())
                .text(StackRenderer.REALM_FILE));
        JsonNode owner = realm.get("users").get(0);

        assertThat(realm.get("realm").asText()).isEqualTo("openhaven");
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        assertThat(owner.get("username").asText()).isEqualTo("alice");
        assertThat(owner.get("email").asText()).isEqualTo("alice@example.org");
        assertThat(owner.get("credentials").get(0).get("temporary").asBoolean()).isTrue();
        assertThat(owner.get("credentials").get(0).get("value").asText()).isEqualTo("${OWNER_TEMPORARY_PASSWORD}");
        assertThat(owner.get("requiredActions").get(0).asText()).isEqualTo("UPDATE_PASSWORD");
        assertThat(owner.get("clientRoles").get("realm-management").get(0).asText()).isEqualTo("realm-admin");
    }

    @Test
    void vaultwardenGetsTheArgon2HashOfTheAdminTokenNeverTheTokenItself() {
        InMemorySecretStore store = new InMemorySecretStore(); // fresh: this test is about generating the hash
        RenderedBundle bundle = renderer.render(TestSpecs.only("vaultwarden"), store);
        String token = store.find("vaultwarden/VAULTWARDEN_ADMIN_TOKEN").orElseThrow().reveal();
        String hash = DotEnv.parse(bundle.text(".env")).get("VAULTWARDEN_ADMIN_TOKEN_HASH");

        assertThat(bundle.text(".env")).doesNotContain(token);
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=65540,t=3,p=4\\$[A-Za-z0-9+/]{43}\\$[A-Za-z0-9+/]{43}");
        byte[] salt = Base64.getDecoder().decode(hash.split("\\$")[4]);
        assertThat(Argon2Phc.hash(Secret.of(token), salt).reveal()).isEqualTo(hash);
        assertThat(Argon2Phc.hash(Secret.of(token + "x"), salt).reveal()).isNotEqualTo(hash);
    }

    @Test
    void postDeployCommandsAreExactAndReadSecretsFromTheContainerEnvironment() {
        RenderedBundle bundle = renderer.render(TestSpecs.only("gitea"), TestSpecs.vault());
        List<Manifest.Command> commands = bundle.manifest().postDeploy();

        assertThat(commands.get(1).container()).isEqualTo("gitea");
        assertThat(commands.get(1).user()).isEqualTo("git");
        assertThat(commands).extracting(Manifest.Command::description).containsExactly(
                "make sure Keycloak's Gitea client matches this haven", "connect Gitea's login to Keycloak",
                "make sure Keycloak offers no password resets through a removed mail server");
        assertThat(commands.get(1).argv()).containsExactly("docker", "compose", "--project-directory",
                "/opt/openhaven/current", "-p", "openhaven", "-f", "/opt/openhaven/current/compose.yaml",
                "exec", "-T", "-u", "git", "gitea", "sh", "-c",
                "if gitea admin auth list | grep -qw keycloak; then id=$(gitea admin auth list | awk '$2 == \"keycloak\" "
                        + "{print $1}'); gitea admin auth update-oauth --id \"$id\" --name keycloak --provider openidConnect "
                        + "--key gitea --secret \"$OIDC_GITEA_SECRET\" --auto-discover-url "
                        + "'https://sso.example.org/realms/openhaven/.well-known/openid-configuration'; else gitea admin auth "
                        + "add-oauth --name keycloak --provider openidConnect --key gitea --secret \"$OIDC_GITEA_SECRET\" "
                        + "--auto-discover-url 'https://sso.example.org/realms/openhaven/.well-known/openid-configuration'; fi");
        // The Keycloak steps' exact scripts are PostDeployCommandsTest's; here: where they run, with what.
        Manifest.Command client = commands.get(0);
        assertThat(client.argv().subList(0, client.argv().size() - 1)).containsExactly("docker", "compose",
                "--project-directory", "/opt/openhaven/current", "-p", "openhaven", "-f",
                "/opt/openhaven/current/compose.yaml", "exec", "-T", "keycloak", "sh", "-c");
        assertThat(client.script()).isEqualTo(PostDeployCommands.convergeClientScript("gitea",
                RealmBuilder.managedClientFields(CATALOG.definition("gitea"), new Hosts("example.org",
                        renderer.resolve(TestSpecs.only("gitea")))), "OIDC_GITEA_SECRET"));
        assertThat(client.script()).contains("--fields 'attributes(post.logout.redirect.uris),baseUrl,redirectUris,"
                + "rootUrl,webOrigins,secret'");
        assertThat(commands.get(2).script()).isEqualTo(PostDeployCommands.realmWithoutMailScript());
        for (String secret : DotEnv.parse(bundle.text(StackRenderer.ENV_FILE)).values()) {
            if (!secret.isEmpty() && !secret.equals("openhaven")) {
                assertThat(commands).extracting(Manifest.Command::shellLine).noneMatch(line -> line.contains(secret));
            }
        }
    }

    @Test
    void eachClientsManagedFieldsFileHoldsItsAddressesAndNothingAnAdministratorMayChange() throws Exception {
        RenderedBundle bundle = renderer.render(TestSpecs.only("gitea"), TestSpecs.vault());

        assertThat(bundle.text("keycloak/clients/gitea.managed.json")).isEqualTo("""
                {
                  "attributes" : {
                    "post.logout.redirect.uris" : "https://git.example.org/*"
                  },
                  "baseUrl" : "/",
                  "redirectUris" : [ "https://git.example.org/user/oauth2/keycloak/callback" ],
                  "rootUrl" : "https://git.example.org",
                  "webOrigins" : [ "https://git.example.org" ]
                }
                """);
        assertThat(bundle.files()).doesNotContainKey("keycloak/realm/smtp.json");
        assertThat(bundle.text(StackRenderer.COMPOSE_FILE)).doesNotContain("/opt/openhaven/realm");
    }

    @Test
    void aHavenWhereNoOneSignsInThroughKeycloakRunsNoKeycloakSteps() {
        // Also what lets a catalog stand in for Keycloak without kcadm (the end-to-end test's busybox).
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only()), TestSpecs.vault());

        assertThat(bundle.manifest().services()).extracting(Manifest.Service::id).contains("keycloak", "mail");
        assertThat(bundle.manifest().postDeploy()).noneMatch(c -> c.container().equals("keycloak"));
    }

    @Test
    void withMailTheRealmsSmtpSettingsAreMountedWithoutThePasswordForTheStepThatKeepsThemInStep() {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("gitea")), TestSpecs.vault());

        assertThat(bundle.text("keycloak/realm/smtp.json")).isEqualTo("""
                {
                  "auth" : "true",
                  "from" : "noreply@example.org",
                  "fromDisplayName" : "demo",
                  "host" : "mail.example.org",
                  "port" : "587",
                  "ssl" : "false",
                  "starttls" : "true",
                  "user" : "noreply@example.org"
                }
                """);
        assertThat(bundle.text(StackRenderer.COMPOSE_FILE)).contains("- ./keycloak/realm:/opt/openhaven/realm:ro");
        assertThat(bundle.manifest().postDeploy()).filteredOn(c -> c.container().equals("keycloak")
                        && c.description().contains("mail server")).singleElement().satisfies(c -> {
                    assertThat(c.service()).isEqualTo("mail");
                    assertThat(c.description()).isEqualTo("point Keycloak's e-mail (password resets) at the mail server");
                    assertThat(c.script()).isEqualTo(PostDeployCommands.realmMailScript(
                            List.of("auth", "from", "fromDisplayName", "host", "port", "ssl", "starttls", "user")));
                });
    }

    @Test
    void aDeployerOnComposeV1RebuildsPostDeployCommandsFromTheManifest() {
        Manifest.Command recorded = renderer.render(TestSpecs.only("gitea"), TestSpecs.vault())
                .manifest().postDeploy().get(1);
        var v1 = new org.openhaven.engine.remote.ComposeCommands(
                org.openhaven.engine.remote.ComposeCommands.Flavor.V1, "/opt/openhaven/current", "openhaven");

        var rebuilt = v1.exec(recorded.description(), recorded.container(), recorded.user(), recorded.script());

        assertThat(rebuilt.argv().subList(0, 10)).containsExactly("docker-compose", "--project-directory",
                "/opt/openhaven/current", "-p", "openhaven", "-f", "/opt/openhaven/current/compose.yaml", "exec", "-T", "-u");
        assertThat(rebuilt.argv().subList(1, rebuilt.argv().size()))
                .isEqualTo(recorded.argv().subList(2, recorded.argv().size()));
    }

    @Test
    void nextcloudWithOnlyofficeGetsTheSharedJwtSecretAndTheConnectorWiring() {
        RenderedBundle bundle = renderer.render(TestSpecs.only("onlyoffice"), TestSpecs.vault());

        assertThat(bundle.manifest().postDeploy()).extracting(Manifest.Command::shellLine).contains(
                "docker compose --project-directory /opt/openhaven/current -p openhaven -f "
                        + "/opt/openhaven/current/compose.yaml exec -T -u www-data nextcloud sh -c "
                        + "'php occ app:list | grep -q '\\'' onlyoffice:'\\'' || php occ app:install onlyoffice; php occ "
                        + "app:enable onlyoffice'",
                "docker compose --project-directory /opt/openhaven/current -p openhaven -f "
                        + "/opt/openhaven/current/compose.yaml exec -T -u www-data nextcloud sh -c "
                        + "'php occ config:app:set onlyoffice DocumentServerUrl --value='\\''https://office.example.org/'\\'' "
                        + "&& php occ config:app:set onlyoffice DocumentServerInternalUrl --value='\\''http://onlyoffice/'\\'' "
                        + "&& php occ config:app:set onlyoffice StorageUrl --value='\\''http://nextcloud/'\\'' && php occ "
                        + "config:app:set onlyoffice jwt_secret --value=\"$ONLYOFFICE_JWT_SECRET\" && php occ config:app:set "
                        + "onlyoffice jwt_header --value=AuthorizationJwt'");
        String compose = bundle.text(StackRenderer.COMPOSE_FILE);
        assertThat(compose).contains("JWT_SECRET: ${ONLYOFFICE_JWT_SECRET}", "ONLYOFFICE_JWT_SECRET: ${ONLYOFFICE_JWT_SECRET}");
    }

    @Test
    void dnsChallengeAsksForAWildcardCertificateAndAWildcardRecord() {
        HavenSpec spec = TestSpecs.with(List.of(ServiceSelection.of("gitea")), TlsMode.DNS_01, "cloudflare");
        RenderedBundle bundle = renderer.render(spec, TestSpecs.vault());

        assertThat(bundle.text("traefik/traefik.yml")).contains("dnsChallenge:", "provider: cloudflare",
                "- main: \"example.org\"", "- \"*.example.org\"").doesNotContain("httpChallenge");
        assertThat(bundle.text(StackRenderer.COMPOSE_FILE)).contains("CF_DNS_API_TOKEN: ${CF_DNS_API_TOKEN}");
        assertThat(bundle.manifest().dnsRecords()).containsExactly(
                new Manifest.DnsRecordNeeded("A", "*.example.org", "server-ipv4"));
        assertThat(bundle.manifest().warnings()).singleElement().asString()
                .contains("CF_DNS_API_TOKEN is empty", "cloudflare/api-token");
    }

    @Test
    void externalCredentialsFromTheVaultReachTheEnvFile() {
        InMemorySecretStore store = TestSpecs.vault();
        store.put("cloudflare/api-token", Secret.of("cf-token-value"));
        HavenSpec spec = TestSpecs.with(List.of(ServiceSelection.of("gitea")), TlsMode.DNS_01, "cloudflare");

        RenderedBundle bundle = renderer.render(spec, store);

        assertThat(DotEnv.parse(bundle.text(".env"))).containsEntry("CF_DNS_API_TOKEN", "cf-token-value");
        assertThat(bundle.manifest().warnings()).isEmpty();
    }

    @Test
    void httpChallengeNeedsOneRecordPerHostName() {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());

        assertThat(bundle.manifest().dnsRecords()).extracting(Manifest.DnsRecordNeeded::name).containsExactly(
                "ai.example.org", "auth.example.org", "cloud.example.org", "git.example.org", "home.example.org",
                "office.example.org", "sso.example.org", "vault.example.org", "vpn.example.org");
        assertThat(bundle.text("traefik/traefik.yml")).contains("httpChallenge:").doesNotContain("dnsChallenge");
    }

    @Test
    void manifestListsPortsImagesBackupsHealthAndMemory() {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());
        Manifest manifest = bundle.manifest();

        assertThat(manifest.ports()).extracting(p -> p.port() + "/" + p.protocol())
                .containsExactly("80/tcp", "443/tcp", "2222/tcp", "51820/udp");
        assertThat(manifest.images()).contains("traefik:v3.5.3", "quay.io/keycloak/keycloak:26.5.6")
                .allSatisfy(image -> assertThat(image).doesNotEndWith(":latest"));
        assertThat(manifest.databaseDumps()).extracting(Manifest.Dump::file)
                .containsExactly("gitea.sql", "keycloak.sql", "nextcloud.sql");
        assertThat(manifest.backupVolumes()).extracting(Manifest.BackupVolume::volume)
                .contains("gitea-data", "nextcloud-data", "vaultwarden-data", "traefik-acme");
        assertThat(manifest.healthChecks()).hasSize(16);
        assertThat(manifest.memoryMb()).isEqualTo(CATALOG.minimumMemoryMb(TestSpecs.ALL_SELECTABLE));
        assertThat(manifest.clientFiles()).containsExactly("wireguard/laptop.conf", "wireguard/phone.conf");
        assertThat(manifest.files()).contains(".env", "compose.yaml", "manifest.json", StackRenderer.REALM_FILE)
                .doesNotContain("wireguard/phone.conf");
    }

    @Test
    void forwardAuthServicesPassTheSsoMiddlewareAndOthersDoNot() {
        String routers = renderer.render(TestSpecs.full(), TestSpecs.vault()).text("traefik/dynamic/routers.yml");

        assertThat(routers).contains("""
                    portal:
                      entryPoints:
                        - websecure
                      middlewares:
                        - security-headers@file
                        - sso@file
                      rule: Host(`home.example.org`)
                """);
        assertThat(routers).contains("rule: Host(`git.example.org`)").contains("url: http://nextcloud:80");
        for (ServiceDefinition service : CATALOG.entries().values().stream().map(e -> e.definition()).toList()) {
            if (service.sso() == SsoKind.OIDC) {
                assertThat(routers).doesNotContain("    " + service.id() + ":\n      entryPoints:\n        - websecure\n"
                        + "      middlewares:\n        - security-headers@file\n        - sso@file");
            }
        }
    }

    @Test
    void wireGuardServerStateAndClientConfigurationsAgreeOnTheKeys() throws IOException {
        InMemorySecretStore store = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.only("wireguard"), store);
        JsonNode state = new ObjectMapper().readTree(bundle.text("wireguard/wg0.json"));
        String phone = new String(bundle.clientFiles().get("wireguard/phone.conf"), java.nio.charset.StandardCharsets.UTF_8);
        Secret phoneKey = store.find("wireguard/peers/phone/private-key").orElseThrow();
        Secret phonePsk = store.find("wireguard/peers/phone/preshared-key").orElseThrow();
        Secret serverKey = store.find("wireguard/server-private-key").orElseThrow();
        JsonNode phoneClient = state.path("clients").path(WireGuardConfigs.clientId("phone"));

        assertThat(state.path("server").path("privateKey").asText()).isEqualTo(serverKey.reveal());
        assertThat(state.path("server").path("publicKey").asText()).isEqualTo(WireGuardConfigs.publicKey(serverKey));
        assertThat(state.path("server").path("address").asText()).isEqualTo("10.13.13.1");
        assertThat(state.path("clients").size()).isEqualTo(2);
        assertThat(phoneClient.path("id").asText()).isEqualTo(WireGuardConfigs.clientId("phone"));
        assertThat(phoneClient.path("name").asText()).isEqualTo("phone");
        assertThat(phoneClient.path("address").asText()).isEqualTo("10.13.13.2");
        assertThat(phoneClient.path("privateKey").asText()).isEqualTo(phoneKey.reveal());
        assertThat(phoneClient.path("publicKey").asText()).isEqualTo(WireGuardConfigs.publicKey(phoneKey));
        assertThat(phoneClient.path("preSharedKey").asText()).isEqualTo(phonePsk.reveal());
        assertThat(phoneClient.path("enabled").asBoolean()).isTrue();
        assertThat(phoneClient.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(phone).contains("PrivateKey = " + phoneKey.reveal(), "Address = 10.13.13.2/32",
                "PublicKey = " + WireGuardConfigs.publicKey(serverKey), "PresharedKey = " + phonePsk.reveal(),
                "Endpoint = vpn.example.org:51820");
        assertThat(bundle.manifest().files()).doesNotContain("clients/wireguard/phone.conf");
    }

    @Test
    void wireGuardWebUiIsReachedOnlyThroughTraefikBehindTheSignIn() {
        InMemorySecretStore store = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.only("wireguard"), store);
        Map<String, Object> wireguard = composeService(bundle, "wireguard");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) wireguard.get("environment");

        assertThat(wireguard.get("ports")).isEqualTo(List.of("51820:51820/udp"));
        assertThat(environment).containsEntry("WG_HOST", "vpn.example.org").containsEntry("WG_PORT", "51820")
                .containsEntry("WG_DEFAULT_ADDRESS", "10.13.13.x").containsEntry("WG_DEFAULT_DNS", "1.1.1.1, 9.9.9.9")
                .containsEntry("PORT", "51821").doesNotContainKeys("PASSWORD", "PASSWORD_HASH");
        assertThat(bundle.text("traefik/dynamic/routers.yml")).contains(
                "    wireguard:\n      entryPoints:\n        - websecure\n      middlewares:\n"
                        + "        - security-headers@file\n        - sso-admins@file\n      rule: Host(`vpn.example.org`)\n",
                "url: http://wireguard:51821");
        assertThat(bundle.text("compose.yaml")).doesNotContain(
                store.find("wireguard/server-private-key").orElseThrow().reveal());
    }

    @Test
    void adminOnlyMiddlewareSignsInFirstThenAdmitsOnlyTheAdminsGroup() {
        String middlewares = renderer.render(TestSpecs.only("wireguard"), TestSpecs.vault())
                .text("traefik/dynamic/middlewares.yml");

        assertThat(middlewares).endsWith("""
                    sso:
                      forwardAuth:
                        address: "http://oauth2-proxy:4180/"
                        trustForwardHeader: true
                        authResponseHeaders:
                          - X-Auth-Request-User
                          - X-Auth-Request-Email
                    # Pages only the haven's admins may open (they show secrets, e.g. the VPN's device keys): the usual sign-in
                    # first (a redirect to Keycloak when there is no session), then oauth2-proxy's group check, which answers 202
                    # for members of the Keycloak group "admins" and 403 for everyone else.
                    sso-admins:
                      chain:
                        middlewares:
                          - sso@file
                          - admins-only@file
                    admins-only:
                      forwardAuth:
                        address: "http://oauth2-proxy:4180/oauth2/auth?allowed_groups=admins"
                        trustForwardHeader: true
                        authResponseHeaders:
                          - X-Auth-Request-User
                          - X-Auth-Request-Email
                """);
    }

    @Test
    void adminOnlyMiddlewareIsLeftOutWhenNoServiceNeedsIt() {
        RenderedBundle bundle = renderer.render(TestSpecs.only("portal"), TestSpecs.vault());

        assertThat(bundle.text("traefik/dynamic/middlewares.yml")).contains("    sso:\n")
                .doesNotContain("sso-admins", "allowed_groups");
        assertThat(bundle.text("traefik/dynamic/routers.yml")).doesNotContain("sso-admins");
    }

    @Test
    void oauth2ProxyReadsGroupsFromTheIdTokenAndRefreshesThemWithinMinutes() {
        Map<String, Object> proxy = composeService(renderer.render(TestSpecs.only("wireguard"), TestSpecs.vault()),
                "oauth2-proxy");

        assertThat(proxy.get("environment")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("OAUTH2_PROXY_OIDC_GROUPS_CLAIM", "groups")
                .containsEntry("OAUTH2_PROXY_COOKIE_REFRESH", "5m")
                .containsEntry("OAUTH2_PROXY_PROVIDER", "keycloak-oidc");
    }

    @Test
    void ownerIsInTheAdminsGroupAndOnlyTheOauth2ProxyClientCarriesGroups() throws IOException {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());
        JsonNode realm = JSON.readTree(bundle.text(StackRenderer.REALM_FILE));
        JsonNode proxy = null;
        for (JsonNode client : realm.get("clients")) {
            if ("oauth2-proxy".equals(client.get("clientId").asText())) {
                proxy = client;
            } else {
                assertThat(client.has("protocolMappers")).as(client.get("clientId").asText()).isFalse();
            }
        }

        assertThat(realm.get("groups").toString()).isEqualTo("[{\"name\":\"admins\",\"path\":\"/admins\"}]");
        assertThat(realm.get("users").get(0).get("groups").toString()).isEqualTo("[\"/admins\"]");
        assertThat(proxy).isNotNull();
        assertThat(proxy.get("protocolMappers").toString()).isEqualTo("["
                + "{\"config\":{\"access.token.claim\":\"true\",\"id.token.claim\":\"false\","
                + "\"included.client.audience\":\"oauth2-proxy\"},\"name\":\"audience\","
                + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\"},"
                + "{\"config\":{\"access.token.claim\":\"true\",\"claim.name\":\"groups\",\"full.path\":\"false\","
                + "\"id.token.claim\":\"true\",\"userinfo.token.claim\":\"true\"},\"name\":\"groups\","
                + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-group-membership-mapper\"}]");
        assertThat(JSON.readTree(bundle.text("keycloak/clients/oauth2-proxy.mapper-groups.json")))
                .isEqualTo(proxy.get("protocolMappers").get(1));
        assertThat(JSON.readTree(bundle.text("keycloak/clients/oauth2-proxy.mapper-audience.json")))
                .isEqualTo(proxy.get("protocolMappers").get(0));
    }

    @Test
    void anOlderRealmsOauth2ProxyClientGetsTheMissingMappersAfterDeploy() {
        List<Manifest.Command> commands = renderer.render(TestSpecs.only("wireguard"), TestSpecs.vault())
                .manifest().postDeploy();

        assertThat(commands).extracting(Manifest.Command::description).containsExactly(
                "make sure Keycloak's oauth2-proxy client matches this haven",
                "make sure the oauth2-proxy client's tokens carry the user's groups",
                "make sure Keycloak offers no password resets through a removed mail server");
        assertThat(commands.get(1).container()).isEqualTo("keycloak");
        assertThat(commands.get(1).script()).isEqualTo(
                "trap 'rm -f /tmp/openhaven-kcadm.config' EXIT; /opt/keycloak/bin/kcadm.sh config credentials "
                        + "--config /tmp/openhaven-kcadm.config --server http://localhost:8080 --realm master --user "
                        + "\"$KC_BOOTSTRAP_ADMIN_USERNAME\" --password \"$KC_BOOTSTRAP_ADMIN_PASSWORD\" || exit 1; "
                        + "cid=$(/opt/keycloak/bin/kcadm.sh get clients --config /tmp/openhaven-kcadm.config -r openhaven "
                        + "-q clientId=oauth2-proxy --fields id --format csv --noquotes) && for m in audience groups; do "
                        + "if /opt/keycloak/bin/kcadm.sh get clients/$cid/protocol-mappers/models --config "
                        + "/tmp/openhaven-kcadm.config -r openhaven --fields name --format csv --noquotes | grep -qx "
                        + "\"$m\"; then echo \"mapper $m exists\"; else /opt/keycloak/bin/kcadm.sh create "
                        + "clients/$cid/protocol-mappers/models --config /tmp/openhaven-kcadm.config -r openhaven -f "
                        + "/opt/openhaven/clients/oauth2-proxy.mapper-$m.json || exit 1; fi; done");
    }

    @Test
    void wireGuardContainerIsRecreatedExactlyWhenTheSpecsPeersChange() {
        InMemorySecretStore store = TestSpecs.vault();
        String label = ConfigHashLabels.LABEL;
        Object twoPeers = labels(renderer.render(TestSpecs.only("wireguard"), store)).get(label);
        Object sameAgain = labels(renderer.render(TestSpecs.only("wireguard"), store)).get(label);
        HavenSpec onePeer = TestSpecs.with(List.of(ServiceSelection.of("wireguard")), TlsMode.HTTP_01, "manual",
                new org.openhaven.engine.spec.VpnSpec(List.of(new org.openhaven.engine.spec.VpnSpec.Peer("phone"))));
        Object fewer = labels(renderer.render(onePeer, store)).get(label);

        assertThat(twoPeers).asString().matches("[0-9a-f]{64}");
        assertThat(sameAgain).isEqualTo(twoPeers);
        assertThat(fewer).isNotEqualTo(twoPeers);
    }

    @Test
    void addingAServiceRelabelsExactlyTheContainersWhoseMountedFilesChange() {
        InMemorySecretStore store = TestSpecs.vault();
        Map<String, Object> before = configHashes(renderer.render(TestSpecs.only("portal", "vaultwarden"), store));
        Map<String, Object> after = configHashes(renderer.render(TestSpecs.only("portal", "vaultwarden", "gitea"), store));

        // Gitea adds a route (traefik), a tile (portal) and an OIDC client (keycloak); nothing else mounts files.
        assertThat(before).containsOnlyKeys("keycloak", "portal", "traefik");
        assertThat(after).containsOnlyKeys("keycloak", "portal", "traefik");
        before.forEach((container, hash) -> assertThat(after.get(container)).as(container).isNotEqualTo(hash));
        assertThat(configHashes(renderer.render(TestSpecs.only("portal", "vaultwarden", "gitea"), store))).isEqualTo(after);
    }

    @Test
    void changingTheVpnPeersRelabelsOnlyTheWireGuardContainer() {
        InMemorySecretStore store = TestSpecs.vault();
        Map<String, Object> twoPeers = configHashes(renderer.render(TestSpecs.only("wireguard"), store));
        HavenSpec onePeer = TestSpecs.with(List.of(ServiceSelection.of("wireguard")), TlsMode.HTTP_01, "manual",
                new org.openhaven.engine.spec.VpnSpec(List.of(new org.openhaven.engine.spec.VpnSpec.Peer("phone"))));
        Map<String, Object> fewer = configHashes(renderer.render(onePeer, store));

        Map<String, Object> unchanged = new java.util.TreeMap<>(twoPeers);
        unchanged.remove("wireguard");
        assertThat(fewer).containsAllEntriesOf(unchanged);
        assertThat(fewer.get("wireguard")).isNotEqualTo(twoPeers.get("wireguard"));
    }

    /** The config-hash label of each container that has one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> configHashes(RenderedBundle bundle) {
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml().load(bundle.text("compose.yaml"));
        Map<String, Object> hashes = new java.util.TreeMap<>();
        ((Map<String, Object>) compose.get("services")).forEach((name, body) -> {
            if (((Map<String, Object>) body).get("labels") instanceof Map<?, ?> labels
                    && labels.containsKey(ConfigHashLabels.LABEL)) {
                hashes.put(name, labels.get(ConfigHashLabels.LABEL));
            }
        });
        return hashes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(RenderedBundle bundle) {
        return (Map<String, Object>) composeService(bundle, "wireguard").get("labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeService(RenderedBundle bundle, String name) {
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml().load(bundle.text("compose.yaml"));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    void unknownServiceIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> renderer.render(TestSpecs.only("nextclod"), TestSpecs.vault()))
                .hasMessageContaining("services: unknown service 'nextclod' — did you mean 'nextcloud'?");
    }

    @Test
    void manifestListsTheMailPortsExactlyWhenTheSpecTurnsMailOn() {
        HavenSpec gitea = TestSpecs.only("gitea");
        HavenSpec withMail = new HavenSpec(gitea.name(), gitea.domain(), gitea.owner(), gitea.server(), gitea.dns(),
                gitea.tls(), gitea.services(), gitea.backup(), gitea.vpn(), new org.openhaven.engine.spec.MailSpec(true));

        assertThat(renderer.render(withMail, TestSpecs.vault()).manifest().ports())
                .extracting(p -> p.port() + "/" + p.protocol() + " " + p.service() + " " + p.purpose())
                .containsExactly("25/tcp mail SMTP (mail from other servers)",
                        "80/tcp traefik HTTP (redirects to HTTPS; Let's Encrypt HTTP-01)",
                        "443/tcp traefik HTTPS for every service", "465/tcp mail SMTPS (sending from mail apps, TLS)",
                        "587/tcp mail Submission (sending from mail apps, STARTTLS)", "993/tcp mail IMAPS (reading mail)",
                        "2222/tcp gitea git over SSH (22 stays the server's own SSH)");
        assertThat(renderer.render(gitea, TestSpecs.vault()).manifest().ports()).extracting(Manifest.Port::port)
                .containsExactly(80, 443, 2222);
    }

    @Test
    void internalServiceCannotBeChosenOnItsOwn() {
        assertThatThrownBy(() -> renderer.render(TestSpecs.only("gitea-db"), TestSpecs.vault()))
                .hasMessageContaining("'gitea-db' is added automatically");
    }

    @Test
    void s3StorageWithoutABackupTargetIsRefused() {
        HavenSpec full = TestSpecs.full();
        HavenSpec noBackup = new HavenSpec(full.name(), full.domain(), full.owner(), full.server(), full.dns(),
                full.tls(), full.services(), null, full.vpn(), full.mail());

        assertThatThrownBy(() -> renderer.render(noBackup, TestSpecs.vault()))
                .hasMessageContaining("'gitea' asks for storage: s3, but the spec has no backup: target");
    }
}
