package org.openhaven.engine.spec;

import java.util.List;
import java.util.Optional;

/**
 * The desired state of one haven, as written in {@code haven.yaml}. Immutable; produced only by the spec
 * loader after validation, so code that receives a {@code HavenSpec} may trust it. Credentials never live here.
 *
 * @param name     the haven's id: lower-case letters, digits and dashes; labels every cloud resource
 * @param domain   the apex domain, normalised (lower case, punycode, no trailing dot)
 * @param backup   null when backups are not configured
 */
public record HavenSpec(
        String name,
        String domain,
        Owner owner,
        ServerSpec server,
        DnsSpec dns,
        TlsMode tls,
        List<ServiceSelection> services,
        BackupSpec backup,
        VpnSpec vpn,
        MailSpec mail) {

    public HavenSpec {
        services = List.copyOf(services);
    }

    public Optional<BackupSpec> backupTarget() {
        return Optional.ofNullable(backup);
    }

    /** The ids of the services the user chose, in spec order, without dependencies. */
    public List<String> serviceIds() {
        return services.stream().map(ServiceSelection::id).toList();
    }

    /** True when the spec turns the mail server on ({@code mail: true}); a spec without a mail section has it off. */
    public boolean mailEnabled() {
        return mail != null && mail.enabled();
    }

    /** The label value every cloud resource of this haven carries: {@code openhaven=<name>}. */
    public String havenId() {
        return name;
    }
}
