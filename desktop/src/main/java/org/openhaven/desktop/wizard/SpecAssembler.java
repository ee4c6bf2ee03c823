package org.openhaven.desktop.wizard;

import java.util.List;
import java.util.Locale;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;

/** Turns the wizard's answers into the spec the engine plans and applies. Pure; no credentials in the result. */
final class SpecAssembler {

    private SpecAssembler() {
    }

    /** The haven's id from its domain: {@code cloud.example.org} → {@code cloud-example-org}. */
    static String havenName(String domain) {
        String name = domain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.length() > 40 ? name.substring(0, 40).replaceAll("-$", "") : name;
    }

    static HavenSpec assemble(ServerViewModel server, DomainViewModel domain, ServicesViewModel services,
                              BackupsViewModel backups) {
        String apex = domain.normalisedDomain();
        String name = havenName(apex);
        ServerSpec serverSpec = server.providerProperty().get().isCloud()
                ? new ServerSpec(server.providerProperty().get().id(), server.regionProperty().get().id(),
                        server.sizeProperty().get().id(), null, null, null, null)
                : new ServerSpec("ssh", null, null, server.hostProperty().get().trim(),
                        Integer.parseInt(server.portProperty().get().trim()), server.userProperty().get().trim(), null);
        // DNS-01 gives one wildcard certificate, but only where OpenHaven can write TXT records itself.
        TlsMode tls = domain.isManual() ? TlsMode.HTTP_01 : TlsMode.DNS_01;
        List<ServiceSelection> chosen = services.selected().stream().sorted().map(ServiceSelection::of).toList();
        BackupSpec backup = backups.spec(name);
        return new HavenSpec(name, apex,
                new Owner(domain.ownerNameProperty().get().trim(), domain.ownerEmailProperty().get().trim()),
                serverSpec, new DnsSpec(domain.dnsProviderProperty().get(), null), tls, chosen, backup,
                new VpnSpec(List.of(new VpnSpec.Peer("phone"), new VpnSpec.Peer("this-computer"))),
                services.mailProperty().get() ? new MailSpec(true) : MailSpec.OFF);
    }
}
