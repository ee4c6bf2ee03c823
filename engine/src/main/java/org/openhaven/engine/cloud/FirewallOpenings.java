package org.openhaven.engine.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Firewall openings as comparable text ({@code "tcp/22 from 0.0.0.0/0,::/0"}), so a provider can tell whether its
 * firewall already matches the wanted rules before it writes anything. Only what matters for traffic is compared:
 * protocol, port and source addresses, in any order; descriptions are not.
 */
public final class FirewallOpenings {

    /** The sources every OpenHaven opening allows: anyone, over IPv4 and IPv6. */
    public static final List<String> EVERYWHERE = List.of("0.0.0.0/0", "::/0");

    private FirewallOpenings() {
    }

    /** The wanted openings, each open to {@link #EVERYWHERE}. */
    public static Set<String> of(List<FirewallRule> rules) {
        return rules.stream()
                .map(rule -> key(rule.protocol().name().toLowerCase(Locale.ROOT), Integer.toString(rule.port()), EVERYWHERE))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** One opening as the provider reports it; {@code port} as the provider writes it ("22"). */
    public static String key(String protocol, String port, Collection<String> sources) {
        return protocol + "/" + port + " from " + String.join(",", new TreeSet<>(sources));
    }
}
