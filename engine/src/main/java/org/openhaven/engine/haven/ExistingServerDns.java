package org.openhaven.engine.haven;

import java.util.List;
import org.openhaven.engine.spec.HavenSpec;

/**
 * What a haven on a server the user already has must be told about DNS. The flow creates DNS records only for
 * servers it creates (it knows their reserved IP); for an existing server the records are the user's to set, and
 * the plan says so rather than let certificates fail later for a reason nobody mentioned.
 */
final class ExistingServerDns {

    private ExistingServerDns() {
    }

    static List<String> warnings(HavenSpec spec) {
        if (spec.server() == null || !spec.server().isExistingServer()) {
            return List.of();
        }
        String domain = spec.domain();
        String mail = spec.mailEnabled()
                ? " With mail on, also add the MX, SPF, DKIM and DMARC records that `openhaven render` lists."
                : "";
        return List.of("OpenHaven does not set DNS records for a server you already have: point " + domain
                + " and *." + domain + " at " + spec.server().host() + " (A records, or AAAA for an IPv6 address)"
                + " at your DNS host before you apply, or the certificates cannot be issued." + mail);
    }
}
