package org.openhaven.engine.testsupport;

import java.util.List;
import org.openhaven.engine.cloud.FirewallRule;

/** TEST-SCOPE: the openings of a haven with the web and the VPN, for bootstraps run by hand in system tests. */
public final class BaseOpenings {

    /** HTTP and HTTPS for Traefik, WireGuard; SSH is always open anyway. */
    public static final List<FirewallRule> WEB_AND_WIREGUARD = List.of(FirewallRule.tcp(80, "HTTP"),
            FirewallRule.tcp(443, "HTTPS"), FirewallRule.udp(51820, "WireGuard"));

    private BaseOpenings() {
    }
}
