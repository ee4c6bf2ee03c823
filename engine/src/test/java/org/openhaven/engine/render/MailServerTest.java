package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.testsupport.Requirements;
import org.yaml.snakeyaml.Yaml;

/** The mail server that {@code mail: true} adds, and the apps' SMTP wiring that comes with it. */
class MailServerTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "mail/config/postfix-accounts.cf";
    private static final String ALIASES = "mail/config/postfix-virtual.cf";
    private static final String DKIM_KEY = "mail/config/opendkim/keys/haven/mail.private";

    private final StackRenderer renderer = new StackRenderer(CATALOG);

    @TempDir
    Path out;

    @Test
    @SuppressWarnings("unchecked")
    void mailTrueAddsTheMailServerWithItsPortsHostNameAndVolumes() {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());
        Map<String, Object> mail = service(bundle, "mail");

        assertThat(mail.get("image")).isEqualTo("ghcr.io/docker-mailserver/docker-mailserver:15.1.0");
        assertThat(mail.get("hostname")).isEqualTo("mail.example.org");
        assertThat((List<Object>) mail.get("ports")).containsExactly("25:25", "465:465", "587:587", "993:993");
        assertThat((List<Object>) mail.get("volumes")).contains("./mail/config:/tmp/docker-mailserver:ro",
                "mail-data:/var/mail", "mail-state:/var/mail-state", "traefik-acme:/etc/letsencrypt:ro");
        assertThat(bundle.manifest().ports()).filteredOn(p -> p.service().equals("mail"))
                .extracting(p -> p.port() + "/" + p.protocol()).containsExactly("25/tcp", "465/tcp", "587/tcp", "993/tcp");
        assertThat(bundle.manifest().backupVolumes()).extracting(v -> v.service() + ":" + v.volume())
                .contains("mail:mail-data", "mail:mail-state");
        assertThat(bundle.manifest().services()).extracting(Manifest.Service::id).contains("mail");
    }

    @Test
    void withoutMailThereIsNoMailServerAndNoAppIsToldOfOne() {
        RenderedBundle bundle = renderer.render(TestSpecs.full(), TestSpecs.vault());

        assertThat(bundle.files().keySet()).noneMatch(path -> path.startsWith("mail/"));
        assertThat(bundle.text(StackRenderer.COMPOSE_FILE)).doesNotContain("mail.example.org", "SMTP_", "mailer");
        assertThat(bundle.text(StackRenderer.REALM_FILE)).doesNotContain("smtpServer");
        assertThat(bundle.text("traefik/dynamic/routers.yml")).doesNotContain("mail-certificate");
        assertThat(bundle.manifest().dnsRecords()).extracting(Manifest.DnsRecordNeeded::type).containsOnly("A");
    }

    @Test
    void ownerAtTheHavensDomainGetsAMailboxAndPostmasterReachesIt() throws IOException, InterruptedException {
        InMemorySecretStore vault = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), vault);

        assertThat(accountAddresses(bundle)).containsExactly("alice@example.org", "noreply@example.org");
        assertThat(bundle.text(ALIASES)).isEqualTo("postmaster@example.org alice@example.org\n"
                + "abuse@example.org alice@example.org\n");
        assertHashVerifies(bundle, "alice@example.org", vault.find("mail/mailbox/alice@example.org").orElseThrow());
        assertHashVerifies(bundle, "noreply@example.org", vault.find("mail/MAIL_NOREPLY_PASSWORD").orElseThrow());
    }

    @Test
    void ownerElsewhereGetsThePostmasterMailboxWhichForwardsToTheirAddress() throws IOException, InterruptedException {
        InMemorySecretStore vault = TestSpecs.vault();
        HavenSpec spec = TestSpecs.ownedBy(TestSpecs.withMail(TestSpecs.only("portal")), "alice@mail.example.com");
        RenderedBundle bundle = renderer.render(spec, vault);

        assertThat(accountAddresses(bundle)).containsExactly("postmaster@example.org", "noreply@example.org");
        assertThat(bundle.text(ALIASES)).isEqualTo("postmaster@example.org postmaster@example.org,alice@mail.example.com\n"
                + "abuse@example.org postmaster@example.org\n");
        assertHashVerifies(bundle, "postmaster@example.org",
                vault.find("mail/mailbox/postmaster@example.org").orElseThrow());
    }

    @Test
    void accountsFileHoldsHashesNeverPasswords() {
        InMemorySecretStore vault = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.full()), vault);
        String noreply = vault.find("mail/MAIL_NOREPLY_PASSWORD").orElseThrow().reveal();

        bundle.files().forEach((path, bytes) -> {
            if (!path.equals(StackRenderer.ENV_FILE)) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain(noreply);
            }
        });
        assertThat(bundle.text(ACCOUNTS)).contains("|{SHA512-CRYPT}$6$");
        assertThat(DotEnv.parse(bundle.text(StackRenderer.ENV_FILE))).containsEntry("MAIL_NOREPLY_PASSWORD", noreply);
    }

    @Test
    void mailFilesWithHashesOrTheDkimKeyAreReadableByTheOwnerOnly() throws IOException {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());
        bundle.writeTo(out);

        assertThat(bundle.sensitiveFiles()).contains(ACCOUNTS, DKIM_KEY).doesNotContain(ALIASES);
        for (String path : List.of(ACCOUNTS, DKIM_KEY)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(path))))
                    .as(path).isEqualTo("rw-------");
        }
    }

    @Test
    void dkimRecordTheDnsStepPublishesBeforeTheFirstRenderIsTheOneTheRenderedServerSignsWith() {
        InMemorySecretStore vault = TestSpecs.vault();
        HavenSpec spec = TestSpecs.withMail(TestSpecs.only("portal"));
        Manifest.DnsRecordNeeded published = MailDnsRecords.dkim(spec, vault, new SecretGenerators());

        RenderedBundle bundle = renderer.render(spec, vault);

        assertThat(bundle.manifest().dnsRecords()).contains(published);
        assertThat(published.name()).isEqualTo("mail._domainkey.example.org");
    }

    @Test
    void dkimRecordInTheManifestVerifiesWhatTheServersKeySigns() throws Exception {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());
        Manifest.DnsRecordNeeded dkim = bundle.manifest().dnsRecords().stream()
                .filter(r -> r.name().equals("mail._domainkey.example.org")).findFirst().orElseThrow();
        String pem = bundle.text(DKIM_KEY);
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(dkim.type()).isEqualTo("TXT");
        assertThat(dkim.value()).startsWith("v=DKIM1; k=rsa; p=");
        PublicKey published = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(dkim.value().substring("v=DKIM1; k=rsa; p=".length()))));

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("From: noreply@example.org".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(published);
        verifier.update("From: noreply@example.org".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(signature)).isTrue();
        assertThat(bundle.text("mail/config/opendkim/KeyTable")).isEqualTo(
                "mail._domainkey.example.org example.org:mail:/etc/opendkim/keys/haven/mail.private\n");
        assertThat(bundle.text("mail/config/opendkim/SigningTable")).isEqualTo("*@example.org mail._domainkey.example.org\n");
    }

    @Test
    void manifestListsEveryMailRecordOnceWithOneAddressForTheMailHost() {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());

        assertThat(bundle.manifest().dnsRecords()).extracting(r -> r.type() + " " + r.name())
                .containsOnlyOnce("A mail.example.org", "MX example.org", "TXT example.org", "TXT _dmarc.example.org",
                        "TXT mail._domainkey.example.org");
        assertThat(bundle.manifest().dnsRecords()).filteredOn(r -> r.type().equals("MX"))
                .extracting(Manifest.DnsRecordNeeded::value).containsExactly("10 mail.example.org.");
    }

    @Test
    void mailFilesAreTheSameOnTheNextRenderAndFollowAPasswordChangedInTheVault() throws IOException, InterruptedException {
        InMemorySecretStore vault = TestSpecs.vault();
        HavenSpec spec = TestSpecs.withMail(TestSpecs.only("portal"));
        RenderedBundle first = renderer.render(spec, vault);

        assertThat(renderer.render(spec, vault).text(ACCOUNTS)).isEqualTo(first.text(ACCOUNTS));
        assertThat(renderer.render(spec, vault).text(DKIM_KEY)).isEqualTo(first.text(DKIM_KEY));

        vault.put("mail/mailbox/alice@example.org", Secret.of("a-new-password-the-owner-chose"));
        RenderedBundle changed = renderer.render(spec, vault);

        assertThat(changed.text(ACCOUNTS)).isNotEqualTo(first.text(ACCOUNTS));
        assertHashVerifies(changed, "alice@example.org", Secret.of("a-new-password-the-owner-chose"));
    }

    @Test
    void appsSendAsNoreplyThroughTheMailServerWithThePasswordFromEnv() {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.full()), TestSpecs.vault());

        assertThat(environment(bundle, "vaultwarden")).containsEntry("SMTP_HOST", "mail.example.org")
                .containsEntry("SMTP_PORT", "587").containsEntry("SMTP_SECURITY", "starttls")
                .containsEntry("SMTP_FROM", "noreply@example.org").containsEntry("SMTP_USERNAME", "noreply@example.org")
                .containsEntry("SMTP_PASSWORD", "${MAIL_NOREPLY_PASSWORD}");
        assertThat(environment(bundle, "gitea")).containsEntry("GITEA__mailer__ENABLED", "true")
                .containsEntry("GITEA__mailer__PROTOCOL", "smtp+starttls")
                .containsEntry("GITEA__mailer__SMTP_ADDR", "mail.example.org").containsEntry("GITEA__mailer__SMTP_PORT", "587")
                .containsEntry("GITEA__mailer__USER", "noreply@example.org")
                .containsEntry("GITEA__mailer__PASSWD", "${MAIL_NOREPLY_PASSWORD}");
        assertThat(environment(bundle, "nextcloud")).containsEntry("SMTP_HOST", "mail.example.org")
                .containsEntry("SMTP_PORT", "465").containsEntry("SMTP_SECURE", "ssl")
                .containsEntry("SMTP_NAME", "noreply@example.org").containsEntry("SMTP_PASSWORD", "${MAIL_NOREPLY_PASSWORD}")
                .containsEntry("MAIL_FROM_ADDRESS", "noreply").containsEntry("MAIL_DOMAIN", "example.org");
        assertThat(environment(bundle, "keycloak")).containsEntry("MAIL_NOREPLY_PASSWORD", "${MAIL_NOREPLY_PASSWORD}");
        // The apps reach mail.<domain> on the private network: it is the mail container's alias, not Traefik's.
        assertThat(service(bundle, "mail").get("networks").toString()).contains("aliases=[mail.example.org]");
        assertThat(service(bundle, "traefik").get("networks").toString()).doesNotContain("mail.example.org");
    }

    @Test
    void realmSendsMailThroughTheMailServerOnlyWhenMailIsOn() throws IOException {
        JsonNode withMail = JSON.readTree(renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault())
                .text(StackRenderer.REALM_FILE));
        JsonNode withoutMail = JSON.readTree(renderer.render(TestSpecs.only("portal"), TestSpecs.vault())
                .text(StackRenderer.REALM_FILE));

        assertThat(JSON.convertValue(withMail.get("smtpServer"), Map.class)).isEqualTo(Map.of(
                "host", "mail.example.org", "port", "587", "from", "noreply@example.org", "fromDisplayName", "demo",
                "starttls", "true", "ssl", "false", "auth", "true", "user", "noreply@example.org",
                "password", "${MAIL_NOREPLY_PASSWORD}"));
        assertThat(withMail.get("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(withoutMail.has("smtpServer")).isFalse();
        assertThat(withoutMail.get("resetPasswordAllowed").asBoolean()).isFalse();
    }

    @Test
    void keycloakIsPointedAtTheMailServerAfterDeployForHavensThatTurnMailOnLater() {
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());
        Manifest.Command command = bundle.manifest().postDeploy().stream()
                .filter(c -> c.service().equals("mail")).findFirst().orElseThrow();

        assertThat(command.container()).isEqualTo("keycloak");
        assertThat(command.description()).isEqualTo("point Keycloak's e-mail (password resets) at the mail server");
        // The exact script is PostDeployCommandsTest's; its settings file is the realm's smtpServer less the password.
        assertThat(command.script()).isEqualTo(PostDeployCommands.realmMailScript(
                List.of("auth", "from", "fromDisplayName", "host", "port", "ssl", "starttls", "user")));
        assertThat(command.shellLine()).doesNotContain(bundle.text(StackRenderer.ENV_FILE).lines()
                .filter(l -> l.startsWith("MAIL_NOREPLY_PASSWORD=")).findFirst().orElseThrow().substring(22));
    }

    @Test
    void traefikKeepsACertificateForTheMailHostWhichTheMailServerReads() {
        RenderedBundle http01 = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), TestSpecs.vault());
        RenderedBundle dns01 = renderer.render(TestSpecs.withMail(TestSpecs.with(
                List.of(org.openhaven.engine.spec.ServiceSelection.of("portal")),
                org.openhaven.engine.spec.TlsMode.DNS_01, "cloudflare")), TestSpecs.vault());
        Map<String, Object> routers = routers(http01);

        assertThat(routers.get("mail-certificate")).isEqualTo(Map.of("rule", "Host(`mail.example.org`)",
                "entryPoints", List.of("websecure"), "service", "noop@internal",
                "tls", Map.of("certResolver", "letsencrypt")));
        assertThat(environment(http01, "mail")).containsEntry("SSL_TYPE", "letsencrypt")
                .containsEntry("SSL_DOMAIN", "mail.example.org");
        // DNS-01 stores the wildcard certificate under the apex domain.
        assertThat(environment(dns01, "mail")).containsEntry("SSL_DOMAIN", "example.org");
    }

    private static void assertHashVerifies(RenderedBundle bundle, String address, Secret password)
            throws IOException, InterruptedException {
        String hash = bundle.text(ACCOUNTS).lines().filter(l -> l.startsWith(address + "|{SHA512-CRYPT}"))
                .map(l -> l.substring((address + "|{SHA512-CRYPT}").length())).findFirst().orElseThrow();
        String salt = hash.substring(3, hash.indexOf('$', 3));
        // A second, independent implementation: OpenSSL's crypt for the same salt must give the same string.
        Path openssl = Requirements.command("openssl");
        Process process = new ProcessBuilder(openssl.toString(), "passwd", "-6", "-salt", salt, "-stdin").start();
        process.getOutputStream().write((password.reveal() + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String expected = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(hash).as(address).isEqualTo(expected);
    }

    @Test
    void dovecotAcceptsEveryAccountLineWithItsVaultPasswordAndRefusesAnother() throws IOException, InterruptedException {
        Path doveadm = Requirements.command("doveadm");
        InMemorySecretStore vault = TestSpecs.vault();
        RenderedBundle bundle = renderer.render(TestSpecs.withMail(TestSpecs.only("portal")), vault);
        Map<String, String> passwords = Map.of(
                "alice@example.org", vault.find("mail/mailbox/alice@example.org").orElseThrow().reveal(),
                "noreply@example.org", vault.find("mail/MAIL_NOREPLY_PASSWORD").orElseThrow().reveal());

        for (String line : bundle.text(ACCOUNTS).lines().toList()) {
            String address = line.substring(0, line.indexOf('|'));
            // The scheme-prefixed hash exactly as docker-mailserver hands it to Dovecot's passdb.
            String stored = line.substring(line.indexOf('|') + 1);

            assertThat(doveadmVerifies(doveadm, stored, passwords.get(address))).as(address).isTrue();
            assertThat(doveadmVerifies(doveadm, stored, passwords.get(address) + "x")).as(address).isFalse();
        }
    }

    private static boolean doveadmVerifies(Path doveadm, String stored, String password)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(doveadm.toString(), "pw", "-t", stored, "-p", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 && output.contains("(verified)");
    }

    private static List<String> accountAddresses(RenderedBundle bundle) {
        return bundle.text(ACCOUNTS).lines().map(l -> l.substring(0, l.indexOf('|'))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(RenderedBundle bundle, String name) {
        Map<String, Object> compose = new Yaml().load(bundle.text(StackRenderer.COMPOSE_FILE));
        return ((Map<String, Map<String, Object>>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(RenderedBundle bundle, String name) {
        return (Map<String, Object>) service(bundle, name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> routers(RenderedBundle bundle) {
        Map<String, Object> dynamic = new Yaml().load(bundle.text("traefik/dynamic/routers.yml"));
        return (Map<String, Object>) ((Map<String, Object>) dynamic.get("http")).get("routers");
    }
}
