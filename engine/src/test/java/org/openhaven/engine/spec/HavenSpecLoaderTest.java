package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class HavenSpecLoaderTest {

    private final HavenSpecLoader loader =
            new HavenSpecLoader(new SpecValidator(new TestCatalog(), TestCatalog.HETZNER_SIZES));

    @Test
    void internationalDomainBecomesPunycode() {
        HavenSpec spec = loader.parse(SpecValidationTest.with("domain: example.org", "domain: bücher.example"), "");

        assertThat(spec.domain()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void domainCaseAndTrailingDotAreNormalised() {
        HavenSpec spec = loader.parse(SpecValidationTest.with("domain: example.org", "domain: Home.Example.ORG."), "");

        assertThat(spec.domain()).isEqualTo("home.example.org");
    }

    @Test
    void ownerEmailDomainIsNormalisedAndLocalPartKept() {
        HavenSpec spec = loader.parse(SpecValidationTest.with("ada@example.org", "Ada.L@Bücher.Example"), "");

        assertThat(spec.owner().email()).isEqualTo("Ada.L@xn--bcher-kva.example");
    }

    @Test
    void validSpecIsReadIntoRecords() {
        HavenSpec spec = loader.parse(SpecValidationTest.VALID, "haven.yaml");

        assertThat(spec.name()).isEqualTo("home");
        assertThat(spec.owner()).isEqualTo(new Owner("Ada Lovelace", "ada@example.org"));
        assertThat(spec.server()).isEqualTo(new ServerSpec("hetzner", "fsn1", "cx32", null, null, null, null));
        assertThat(spec.dns()).isEqualTo(new DnsSpec("cloudflare", null));
        assertThat(spec.tls()).isEqualTo(TlsMode.HTTP_01);
        assertThat(spec.serviceIds()).containsExactly("vaultwarden", "nextcloud", "gitea");
        assertThat(spec.backup()).isEqualTo(
                new BackupSpec(null, "eu-central-1", "home-backups", null, "03:30", BackupSpec.Retention.DEFAULT));
        assertThat(spec.vpn().peers()).extracting(VpnSpec.Peer::name).containsExactly("phone", "laptop");
        assertThat(spec.mail()).isEqualTo(MailSpec.OFF);
    }

    @Test
    void shortFormsAndDefaultsAreAccepted() {
        HavenSpec spec = loader.parse("""
                name: lab
                domain: lab.example.net
                owner: {name: Grace, email: grace@example.net}
                server: {provider: ssh, host: 203.0.113.7}
                services: vaultwarden
                dns: route53
                tls: DNS-01
                mail: yes
                backup: {endpoint: "https://s3.example.net", bucket: lab-backups, schedule: 3:05,
                         retention: {monthly: 12}}
                """, "");

        assertThat(spec.server()).isEqualTo(new ServerSpec("ssh", null, null, "203.0.113.7", 22, "root", null));
        assertThat(spec.serviceIds()).containsExactly("vaultwarden");
        assertThat(spec.dns()).isEqualTo(new DnsSpec("route53", null));
        assertThat(spec.tls()).isEqualTo(TlsMode.DNS_01);
        assertThat(spec.mail().enabled()).isTrue();
        assertThat(spec.vpn()).isEqualTo(VpnSpec.NONE);
        assertThat(spec.backup().schedule()).isEqualTo("03:05");
        assertThat(spec.backup().retention()).isEqualTo(new BackupSpec.Retention(7, 4, 12));
    }

    @Test
    void absentDnsAndTlsDefaultToManualAndHttp01() {
        HavenSpec spec = loader.parse(SpecValidationTest.with("dns:\n  provider: cloudflare\n", "")
                .replace("tls: http-01\n", ""), "");

        assertThat(spec.dns()).isEqualTo(new DnsSpec("manual", null));
        assertThat(spec.tls()).isEqualTo(TlsMode.HTTP_01);
    }

    @Test
    void serviceOptionsAreKept() {
        HavenSpec spec = loader.parse(SpecValidationTest.with("  - gitea",
                "  - id: gitea\n    options: {registration: closed, theme: dark}"), "");

        assertThat(spec.services().get(2)).isEqualTo(
                new ServiceSelection("gitea", Map.of("registration", "closed", "theme", "dark")));
    }

    @Test
    void exceptionListsEveryProblemWithFileAndLine() {
        String yaml = SpecValidationTest.VALID
                .replace("services:", "servcies:")
                .replace("  - gitea", "  - nextclod")
                .replace("domain: example.org", "domain: my_home.example.org");

        assertThatThrownBy(() -> loader.parse(yaml, "haven.yaml"))
                .isInstanceOfSatisfying(InvalidSpecException.class, invalid -> {
                    assertThat(invalid.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(invalid.userMessage()).isEqualTo("""
                            haven.yaml has 3 problems:
                              haven.yaml:2: domain: 'my_home.example.org' contains '_', which host names cannot; use '-' instead
                              haven.yaml:13: servcies: unknown key — did you mean 'services'?
                              haven.yaml: services: choose at least one service, e.g. [vaultwarden, nextcloud]""");
                    assertThat(invalid.remedy()).isEqualTo("Fix them in haven.yaml (examples/haven.yaml explains "
                            + "every field), then run 'openhaven validate' again.");
                    assertThat(invalid.problems()).hasSize(3);
                });
    }

    @Test
    void problemInAListItemNamesItsLine() {
        List<SpecProblem> problems = loader.check(SpecValidationTest.with("  - gitea", "  - nextclod"));

        assertThat(problems).containsExactly(
                new SpecProblem("services[2]", 16, "unknown service 'nextclod' — did you mean 'nextcloud'?"));
    }

    @Test
    void duplicateKeyIsReportedOnItsSecondLine() {
        List<SpecProblem> problems = loader.check(SpecValidationTest.VALID + "domain: example.net\n");

        assertThat(problems).containsExactly(new SpecProblem("domain", 23, "is written twice (first on line 2)"));
    }

    @Test
    void credentialValueNeverAppearsInTheMessage() {
        String yaml = SpecValidationTest.with("  size: cx32", "  size: cx32\n  hcloud_token: canary-7f3a9");

        assertThatThrownBy(() -> loader.parse(yaml, "haven.yaml"))
                .isInstanceOf(OpenHavenException.class)
                .satisfies(thrown -> assertThat(((OpenHavenException) thrown).describe()).doesNotContain("canary-7f3a9")
                        .contains("server.hcloud_token: credentials never go in haven.yaml"));
    }

    @Test
    void tabIndentationIsASyntaxErrorWithItsLine() {
        List<SpecProblem> problems = loader.check("name: home\nowner:\n\tname: Ada\n");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("this is not valid YAML: ");
    }

    @Test
    void specThatIsADirectoryCannotBeRead(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(OpenHavenException.class, thrown -> {
                    assertThat(thrown.userMessage()).isEqualTo("The haven spec " + dir + " could not be read.");
                    assertThat(thrown.remedy()).isEqualTo("Check that the file exists, is readable and is UTF-8 text.");
                });
    }

    @Test
    void specThatIsNotUtf8CannotBeRead(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("haven.yaml");
        Files.write(latin1, "name: b\u00fccher\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> loader.load(latin1)).isInstanceOf(OpenHavenException.class)
                .hasMessage("The haven spec " + latin1 + " could not be read.");
    }

    @Test
    void emptyFileSaysHowToStart() {
        assertThat(loader.check("# nothing yet\n")).extracting(SpecProblem::describe)
                .containsExactly("the file is empty; 'openhaven init' writes a starting point");
    }

    @Test
    void missingFileNamesThePathAndTheInitCommand(@TempDir Path dir) {
        Path missing = dir.resolve("haven.yaml");

        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOfSatisfying(OpenHavenException.class, thrown -> {
                    assertThat(thrown.userMessage()).isEqualTo("There is no haven spec at " + missing + ".");
                    assertThat(thrown.remedy()).contains("openhaven init");
                });
    }

    @Test
    void exampleFileIsValid() {
        HavenSpec example = loader.load(exampleFile());

        assertThat(example.name()).isEqualTo("home");
        assertThat(example.serviceIds()).containsExactly("vaultwarden", "nextcloud", "onlyoffice", "gitea");
        assertThat(example.services().get(3).options()).containsEntry("registration", "closed");
        assertThat(example.backup().endpoint()).startsWith("https://");
    }

    @Test
    void exampleFileExplainsEveryKeyTheLoaderAccepts() throws Exception {
        String example = Files.readString(exampleFile());

        for (String key : List.of("name:", "domain:", "owner:", "email:", "server:", "provider:", "region:", "size:",
                "host:", "port:", "user:", "endpoint:", "dns:", "tls:", "services:", "options:", "backup:", "bucket:",
                "prefix:", "schedule:", "retention:", "daily:", "weekly:", "monthly:", "vpn:", "peers:", "mail:",
                "enabled:")) {
            assertThat(example).as("examples/haven.yaml mentions " + key).contains(key);
        }
    }

    static Path exampleFile() {
        return Path.of("..", "examples", "haven.yaml");
    }
}
