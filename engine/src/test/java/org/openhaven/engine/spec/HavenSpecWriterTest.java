package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HavenSpecWriterTest {

    private final HavenSpecLoader loader =
            new HavenSpecLoader(new SpecValidator(new TestCatalog(), TestCatalog.HETZNER_SIZES));
    private final HavenSpecWriter writer = new HavenSpecWriter();

    @Test
    void everyFieldSurvivesARoundTrip() {
        HavenSpec spec = new HavenSpec("home", "xn--bcher-kva.example", new Owner("Ada Lovelace", "ada@example.org"),
                new ServerSpec("hetzner", "fsn1", "cx32", null, null, null, "https://api.example.net/v1"),
                new DnsSpec("cloudflare", "https://dns.example.net"), TlsMode.DNS_01,
                List.of(ServiceSelection.of("vaultwarden"),
                        new ServiceSelection("gitea", Map.of("registration", "closed", "port", "3000"))),
                new BackupSpec("https://s3.example.net", "eu-central", "home-backups", "restic", "03:30",
                        new BackupSpec.Retention(7, 0, 12)),
                new VpnSpec(List.of(new VpnSpec.Peer("phone"), new VpnSpec.Peer("laptop"))),
                new MailSpec(true));

        assertThat(loader.parse(writer.write(spec), "haven.yaml")).isEqualTo(spec);
    }

    @Test
    void existingServerSurvivesARoundTrip() {
        HavenSpec spec = new HavenSpec("lab", "lab.example.net", new Owner("Grace", "grace@example.net"),
                new ServerSpec("ssh", null, null, "2001:db8::7", 2222, "admin", null), new DnsSpec("manual", null),
                TlsMode.HTTP_01, List.of(ServiceSelection.of("nextcloud")), null, VpnSpec.NONE, MailSpec.OFF);

        assertThat(loader.parse(writer.write(spec), "haven.yaml")).isEqualTo(spec);
    }

    @Test
    void outputHasStableKeyOrderAndOmitsDefaults() {
        HavenSpec spec = loader.parse(SpecValidationTest.VALID, "haven.yaml");

        assertThat(writer.write(spec)).isEqualTo(HavenSpecWriter.HEADER + """
                name: home
                domain: example.org
                owner:
                  name: Ada Lovelace
                  email: ada@example.org
                server:
                  provider: hetzner
                  region: fsn1
                  size: cx32
                dns:
                  provider: cloudflare
                tls: http-01
                services:
                  - vaultwarden
                  - nextcloud
                  - gitea
                backup:
                  region: eu-central-1
                  bucket: home-backups
                  schedule: 03:30
                  retention:
                    daily: 7
                    weekly: 4
                    monthly: 6
                vpn:
                  peers:
                    - phone
                    - laptop
                """);
    }
}
