package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec's rules, one bad input per row, each with the exact message a user would read. */
class SpecValidationTest {

    static final String VALID = """
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
              schedule: "03:30"
            vpn:
              peers: [phone, laptop]
            """;

    static final String SSH_SERVER = """
            server:
              provider: ssh
              host: 203.0.113.7
            """;

    private final HavenSpecLoader loader =
            new HavenSpecLoader(new SpecValidator(new TestCatalog(), TestCatalog.HETZNER_SIZES));

    /** The valid spec with one text fragment replaced; fails loudly when the fragment is not there. */
    static String with(String fragment, String replacement) {
        if (!VALID.contains(fragment)) {
            throw new IllegalArgumentException("not in the valid spec: " + fragment);
        }
        return VALID.replace(fragment, replacement);
    }

    static String withSshServer(String extraServerLines) {
        return with("server:\n  provider: hetzner\n  region: fsn1\n  size: cx32\n", SSH_SERVER + extraServerLines);
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                // Unknown keys, shapes and credentials
                arguments("key typo", with("services:", "servcies:"), List.of(
                        "servcies: unknown key — did you mean 'services'?",
                        "services: choose at least one service, e.g. [vaultwarden, nextcloud]")),
                arguments("unknown key without a near match", VALID + "colour: blue\n",
                        List.of("colour: unknown key")),
                arguments("nested key typo", with("  region: fsn1", "  regoin: fsn1"), List.of(
                        "server.region: required for hetzner, e.g. fsn1",
                        "server.regoin: unknown key — did you mean 'region'?")),
                arguments("key written twice", VALID + "name: other\n",
                        List.of("name: is written twice (first on line 1)")),
                arguments("server as a plain value", with("server:\n  provider: hetzner\n  region: fsn1\n  size: cx32\n",
                        "server: hetzner\n"), List.of("server: must be a mapping of keys "
                        + "(endpoint, host, port, provider, region, size, user), not the value 'hetzner'")),
                arguments("services as a mapping", with("  - vaultwarden\n  - nextcloud\n  - gitea\n",
                        "  vaultwarden: yes\n"), List.of("services: must be a list, not a mapping")),
                arguments("API token in the server section", with("  size: cx32", "  size: cx32\n  token: abc123"),
                        List.of("server.token: credentials never go in haven.yaml — store them in the vault with "
                                + "'openhaven secrets set' (or enter them in the wizard) and remove this key")),
                arguments("apiKey in the dns section", with("  provider: cloudflare", "  provider: cloudflare\n  apiKey: x"),
                        List.of("dns.apiKey: credentials never go in haven.yaml — store them in the vault with "
                                + "'openhaven secrets set' (or enter them in the wizard) and remove this key")),
                arguments("admin password in service options", with("  - gitea",
                        "  - id: gitea\n    options: {admin_password: hunter2}"),
                        List.of("services[2].options.admin_password: credentials never go in haven.yaml — store them "
                                + "in the vault with 'openhaven secrets set' (or enter them in the wizard) and "
                                + "remove this key")),
                arguments("token nested under an unknown key", VALID + "cloudflare:\n  account: me\n  api_token: x\n",
                        List.of("cloudflare: unknown key",
                                "cloudflare.api_token: credentials never go in haven.yaml — store them in the vault "
                                        + "with 'openhaven secrets set' (or enter them in the wizard) and remove this key")),
                arguments("not YAML at all", "name: [home\n", List.of(
                        "this is not valid YAML: expected ',' or ']', but got <stream end>")),
                // Name
                arguments("name missing", with("name: home\n", ""), List.of(
                        "name: required — a short id for this haven such as 'home' (lower-case letters, digits and dashes)")),
                arguments("name with spaces and capitals", with("name: home", "name: My Haven!"), List.of(
                        "name: 'My Haven!' must be lower-case letters, digits and dashes, starting and ending with a "
                                + "letter or digit (it labels every cloud resource), e.g. 'my-haven'")),
                arguments("name too long", with("name: home", "name: " + "a".repeat(41)), List.of(
                        "name: '" + "a".repeat(41) + "' is 41 characters long; use at most 40, e.g. '"
                                + "a".repeat(40) + "'")),
                // Domain
                arguments("domain with an underscore", with("domain: example.org", "domain: my_home.example.org"),
                        List.of("domain: 'my_home.example.org' contains '_', which host names cannot; use '-' instead")),
                arguments("domain is an IP address", with("domain: example.org", "domain: 203.0.113.7"), List.of(
                        "domain: '203.0.113.7' is an IP address; services need a domain name (e.g. example.com) for "
                                + "their addresses and certificates")),
                arguments("domain with one label", with("domain: example.org", "domain: localhost"),
                        List.of("domain: 'localhost' needs at least two labels, e.g. localhost.com")),
                arguments("domain with an empty label", with("domain: example.org", "domain: example..org"), List.of(
                        "domain: 'example..org' has an empty label (two dots in a row, or a leading dot)")),
                arguments("domain label of 64 characters", with("domain: example.org", "domain: " + "a".repeat(64) + ".org"),
                        List.of("domain: '" + "a".repeat(64) + ".org' has a label of 64 characters; a label may "
                                + "have at most 63")),
                arguments("domain label starting with a dash", with("domain: example.org", "domain: -home.example.org"),
                        List.of("domain: '-home.example.org' has a label that is not a valid host name: '-home' "
                                + "(letters, digits and dashes, not starting or ending with a dash)")),
                // Owner
                arguments("owner email without @", with("ada@example.org", "ada.example.org"), List.of(
                        "owner.email: 'ada.example.org' is not an email address (expected name@example.com)")),
                arguments("owner email with a one-label domain", with("ada@example.org", "ada@example"), List.of(
                        "owner.email: 'ada@example' is not an email address: its domain 'example' needs at least "
                                + "two labels, e.g. example.com")),
                arguments("owner name missing", with("  name: Ada Lovelace\n", ""), List.of(
                        "owner.name: required — the name of the haven's first administrator")),
                // Services
                arguments("service id typo", with("  - gitea", "  - nextclod"), List.of(
                        "services[2]: unknown service 'nextclod' — did you mean 'nextcloud'?")),
                arguments("service id with no near match", with("  - gitea", "  - wordpress"), List.of(
                        "services[2]: unknown service 'wordpress'; choose from backup, gitea, mail, nextcloud, ollama, "
                                + "onlyoffice, open-webui, vaultwarden, wireguard")),
                arguments("internal service chosen", with("  - gitea", "  - postgres"), List.of(
                        "services[2]: 'postgres' is added automatically with the services that need it — remove it")),
                arguments("service listed twice", with("  - gitea", "  - vaultwarden"), List.of(
                        "services[2]: 'vaultwarden' is listed twice (also services[0])")),
                arguments("service mapping without id", with("  - gitea", "  - options: {theme: dark}"), List.of(
                        "services[2]: a service id is required")),
                arguments("services need more memory than the size has", with("size: cx32", "size: cx22")
                        .replace("  - gitea", "  - gitea\n  - onlyoffice"), List.of(
                        "services: need 4800 MiB of memory, but hetzner cx22 has 4096 MiB — choose a larger size "
                                + "such as cx32, cx42 or cx52, or fewer services")),
                // Server
                arguments("provider typo", with("provider: hetzner", "provider: hetzer"), List.of(
                        "server.provider: unknown provider 'hetzer' — did you mean 'hetzner'?")),
                arguments("cloud server without a size", with("  size: cx32\n", ""), List.of(
                        "server.size: required for hetzner, e.g. cx32")),
                arguments("unknown size", with("size: cx32", "size: cx23"), List.of(
                        "server.size: unknown hetzner size 'cx23' — did you mean 'cx22'?")),
                arguments("cloud server with a host", with("  size: cx32", "  size: cx32\n  host: 203.0.113.7"), List.of(
                        "server.host: only applies to provider 'ssh'; hetzner creates the server itself — remove it")),
                arguments("existing server without a host", withSshServer("").replace("  host: 203.0.113.7\n", ""),
                        List.of("server.host: required for provider 'ssh' — the address of your server")),
                arguments("existing server port out of range", withSshServer("  port: 70000\n"), List.of(
                        "server.port: 70000 is not a port number (1–65535)")),
                arguments("existing server port not a number", withSshServer("  port: ssh\n"), List.of(
                        "server.port: 'ssh' is not a whole number")),
                arguments("existing server host with a user", withSshServer("").replace("host: 203.0.113.7",
                        "host: root@203.0.113.7"), List.of("server.host: 'root@203.0.113.7' includes a user; put the "
                        + "user in server.user and only the address here")),
                arguments("existing server with a size", withSshServer("  size: cx32\n"), List.of(
                        "server.size: does not apply to an existing server (provider 'ssh') — remove it")),
                arguments("endpoint that is not a URL", with("  size: cx32", "  size: cx32\n  endpoint: api.example.org"),
                        List.of("server.endpoint: 'api.example.org' is not a URL; write it as https://host[:port][/path]")),
                arguments("endpoint with credentials in it", with("  size: cx32",
                        "  size: cx32\n  endpoint: https://admin:hunter2@api.example.org"), List.of(
                        "server.endpoint: contains a user name or password; credentials never go in haven.yaml — "
                                + "store them in the vault with 'openhaven secrets set' and write the URL without them")),
                // DNS and TLS
                arguments("dns provider typo", with("provider: cloudflare", "provider: cloudfare"), List.of(
                        "dns.provider: unknown DNS provider 'cloudfare' — did you mean 'cloudflare'?")),
                arguments("dns-01 with manual DNS", with("provider: cloudflare", "provider: manual")
                        .replace("tls: http-01", "tls: dns-01"), List.of(
                        "tls: dns-01 needs a DNS provider OpenHaven can drive (cloudflare or route53): Let's Encrypt "
                                + "checks a TXT record that must be created at every renewal; use http-01 with manual DNS")),
                arguments("tls mode typo", with("tls: http-01", "tls: http01"), List.of(
                        "tls: 'http01' is not a TLS mode; use http-01 or dns-01 — did you mean 'http-01'?")),
                // Backup
                arguments("bucket with capitals and underscore", with("bucket: home-backups", "bucket: Home_Backups"),
                        List.of("backup.bucket: 'Home_Backups' may contain only lower-case letters, digits, dots and dashes")),
                arguments("bucket too short", with("bucket: home-backups", "bucket: hb"), List.of(
                        "backup.bucket: 'hb' must be 3–63 characters long")),
                arguments("bucket like an IP address", with("bucket: home-backups", "bucket: 192.168.1.1"), List.of(
                        "backup.bucket: '192.168.1.1' must not look like an IP address")),
                arguments("bucket with a reserved prefix", with("bucket: home-backups", "bucket: xn--backups"), List.of(
                        "backup.bucket: 'xn--backups' must not start with 'xn--' (reserved by S3)")),
                arguments("schedule past midnight", with("schedule: \"03:30\"", "schedule: \"25:00\""), List.of(
                        "backup.schedule: '25:00' is not a time of day as HH:MM (24-hour, e.g. \"03:30\")")),
                arguments("negative retention", with("  schedule: \"03:30\"", "  schedule: \"03:30\"\n  retention: {daily: -1}"),
                        List.of("backup.retention.daily: -1 must be 0 or more")),
                arguments("retention keeping nothing", with("  schedule: \"03:30\"",
                        "  schedule: \"03:30\"\n  retention: {daily: 0, weekly: 0, monthly: 0}"), List.of(
                        "backup.retention: keeps no snapshots at all; keep at least one daily, weekly or monthly snapshot")),
                arguments("AWS S3 without a region", with("  region: eu-central-1\n", ""), List.of(
                        "backup.region: required when backing up to AWS S3 (no endpoint), e.g. eu-central-1")),
                // VPN and mail
                arguments("peer listed twice", with("[phone, laptop]", "[phone, laptop, phone]"), List.of(
                        "vpn.peers[2]: 'phone' is listed twice (also vpn.peers[0])")),
                arguments("peer name with spaces", with("[phone, laptop]", "[My Phone]"), List.of(
                        "vpn.peers[0]: 'My Phone' must be lower-case letters, digits and dashes, at most 32 characters, "
                                + "e.g. 'my-phone'")),
                arguments("mail neither true nor false", VALID + "mail: maybe\n", List.of(
                        "mail: 'maybe' is not true or false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecIsRejectedWithExactMessages(String what, String yaml, List<String> expected) {
        List<String> problems = loader.check(yaml).stream().map(SpecProblem::describe).toList();

        assertThat(problems).containsExactlyElementsOf(expected);
    }

    @Test
    void tableHasAtLeastThirtyRows() {
        assertThat(badSpecs().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void validSpecHasNoProblems() {
        assertThat(loader.check(VALID)).isEmpty();
    }
}
