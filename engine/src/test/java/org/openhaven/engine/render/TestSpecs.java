package org.openhaven.engine.render;

import java.util.List;
import java.util.Map;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;

/** Haven specs for renderer tests, built directly as records. */
public final class TestSpecs {

    public static final List<String> ALL_SELECTABLE =
            List.of("gitea", "nextcloud", "ollama", "onlyoffice", "open-webui", "portal", "vaultwarden", "wireguard");

    private static final Secret ADMIN_TOKEN = Secret.of("test-admin-token-0123456789");
    /** Computed once: Argon2id with Vaultwarden's parameters takes a second or more on a busy machine. */
    private static final Secret ADMIN_TOKEN_HASH =
            new Argon2Phc(new java.security.SecureRandom()).hash(ADMIN_TOKEN);

    private TestSpecs() {
    }

    /**
     * An in-memory vault already holding Vaultwarden's admin token and its hash, as after a first render, so
     * tests that do not look at the hash skip the slow Argon2 computation. Everything else is generated.
     */
    public static InMemorySecretStore vault() {
        InMemorySecretStore vault = new InMemorySecretStore();
        vault.put("vaultwarden/VAULTWARDEN_ADMIN_TOKEN", ADMIN_TOKEN);
        vault.put("vaultwarden/VAULTWARDEN_ADMIN_TOKEN_HASH", ADMIN_TOKEN_HASH);
        return vault;
    }

    public static HavenSpec with(List<ServiceSelection> services, TlsMode tls, String dnsProvider) {
        return with(services, tls, dnsProvider, new VpnSpec(List.of(new VpnSpec.Peer("phone"), new VpnSpec.Peer("laptop"))));
    }

    public static HavenSpec with(List<ServiceSelection> services, TlsMode tls, String dnsProvider, VpnSpec vpn) {
        return new HavenSpec("demo", "example.org", new Owner("Alice Example", "alice@example.org"),
                new ServerSpec("hetzner", "fsn1", "cx42", null, null, null, null),
                new DnsSpec(dnsProvider, null), tls, services,
                new BackupSpec("https://s3.eu-central-003.backblazeb2.com", "eu-central-003", "demo-backups", "restic",
                        "03:00", BackupSpec.Retention.DEFAULT),
                vpn,
                MailSpec.OFF);
    }

    /** Just these services; VPN peers (which imply wireguard) only when wireguard is among them. */
    public static HavenSpec only(String... ids) {
        List<String> chosen = List.of(ids);
        VpnSpec vpn = chosen.contains("wireguard")
                ? new VpnSpec(List.of(new VpnSpec.Peer("phone"), new VpnSpec.Peer("laptop"))) : VpnSpec.NONE;
        return with(chosen.stream().map(ServiceSelection::of).toList(), TlsMode.HTTP_01, "manual", vpn);
    }

    /** The same haven with {@code mail: true}, which adds the mail server. */
    public static HavenSpec withMail(HavenSpec spec) {
        return new HavenSpec(spec.name(), spec.domain(), spec.owner(), spec.server(), spec.dns(), spec.tls(),
                spec.services(), spec.backup(), spec.vpn(), new MailSpec(true));
    }

    /** The same haven moved to another domain, as when its owner changes {@code domain:} and applies again. */
    public static HavenSpec onDomain(HavenSpec spec, String domain) {
        return new HavenSpec(spec.name(), domain, spec.owner(), spec.server(), spec.dns(), spec.tls(),
                spec.services(), spec.backup(), spec.vpn(), spec.mail());
    }

    /** The same haven owned by someone else (another address decides the owner's mailbox). */
    public static HavenSpec ownedBy(HavenSpec spec, String email) {
        return new HavenSpec(spec.name(), spec.domain(), new Owner(spec.owner().name(), email), spec.server(),
                spec.dns(), spec.tls(), spec.services(), spec.backup(), spec.vpn(), spec.mail());
    }

    /** Every selectable service, Gitea and Nextcloud on S3 storage, Ollama on a GPU. */
    public static HavenSpec full() {
        return with(List.of(
                new ServiceSelection("gitea", Map.of("storage", "s3")),
                new ServiceSelection("nextcloud", Map.of("storage", "s3", "bucket", "demo-files")),
                new ServiceSelection("ollama", Map.of("gpu", "true")),
                ServiceSelection.of("onlyoffice"), ServiceSelection.of("open-webui"), ServiceSelection.of("portal"),
                ServiceSelection.of("vaultwarden"), ServiceSelection.of("wireguard")),
                TlsMode.HTTP_01, "manual");
    }
}
