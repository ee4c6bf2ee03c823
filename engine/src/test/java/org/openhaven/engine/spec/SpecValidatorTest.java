package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator as the wizard uses it: on records built in memory, without a file. */
class SpecValidatorTest {

    private final SpecValidator validator = new SpecValidator(new TestCatalog(), TestCatalog.HETZNER_SIZES);

    private static HavenSpec spec(String domain, String size, List<String> services) {
        return new HavenSpec("home", domain, new Owner("Ada", "ada@example.org"),
                new ServerSpec("hetzner", "fsn1", size, null, null, null, null), new DnsSpec("manual", null), null,
                services.stream().map(ServiceSelection::of).toList(), null, VpnSpec.NONE, MailSpec.OFF);
    }

    @Test
    void inMemorySpecIsNormalisedAndGetsDefaults() {
        HavenSpec valid = validator.validate(spec("Bücher.Example.", "cx32", List.of("vaultwarden")));

        assertThat(valid.domain()).isEqualTo("xn--bcher-kva.example");
        assertThat(valid.tls()).isEqualTo(TlsMode.HTTP_01);
    }

    @Test
    void problemsOfAnInMemorySpecCarryNoLine() {
        List<SpecProblem> problems = validator.problems(spec("example.org", "cx23", List.of("vaultwarden")));

        assertThat(problems).containsExactly(
                new SpecProblem("server.size", 0, "unknown hetzner size 'cx23' — did you mean 'cx22'?"));
    }

    @Test
    void exceptionWithoutAFileSpeaksOfTheHavenSpec() {
        assertThatThrownBy(() -> validator.validate(spec("localhost", "cx32", List.of("vaultwarden"))))
                .isInstanceOfSatisfying(InvalidSpecException.class, invalid -> assertThat(invalid.userMessage())
                        .isEqualTo("The haven spec has a problem:\n"
                                + "  domain: 'localhost' needs at least two labels, e.g. localhost.com"));
    }

    @Test
    void memoryNeedCountsWhatVpnAndBackupImply() {
        HavenSpec withExtras = new HavenSpec("home", "example.org", new Owner("Ada", "ada@example.org"),
                new ServerSpec("hetzner", "fsn1", "cx32", null, null, null, null), new DnsSpec("manual", null),
                TlsMode.HTTP_01, List.of(ServiceSelection.of("gitea")),
                new BackupSpec(null, "eu-central-1", "b-bucket", null, "03:30", BackupSpec.Retention.DEFAULT),
                new VpnSpec(List.of(new VpnSpec.Peer("phone"))), new MailSpec(true));

        assertThat(SpecValidator.requestedServices(withExtras, new TestCatalog()))
                .containsExactly("gitea", "wireguard", "mail", "backup");
    }

    @Test
    void servicesBeyondTheLargestSizeAskForFewerServices() {
        ServerSizes tiny = new ServerTypeTable(java.util.Map.of("hetzner", List.of(new org.openhaven.engine.cloud.ServerType(
                "cx11", "cx11", 1, 1024, 20, new java.math.BigDecimal("3.29"), "EUR", List.of(), "test table"))));
        SpecValidator strict = new SpecValidator(new TestCatalog(), tiny);

        assertThat(strict.problems(spec("example.org", "cx11", List.of("nextcloud")))).extracting(SpecProblem::describe)
                .containsExactly("services: need 2272 MiB of memory, but hetzner cx11 has 1024 MiB — no hetzner size "
                        + "is that large; choose fewer services");
    }

    @Test
    void unknownSizesAreNotCheckedForProvidersTheLookupDoesNotKnow() {
        SpecValidator withoutSizes = new SpecValidator(new TestCatalog(), ServerSizes.UNKNOWN);

        assertThat(withoutSizes.problems(spec("example.org", "whatever-size", List.of("ollama", "onlyoffice")))).isEmpty();
    }
}
