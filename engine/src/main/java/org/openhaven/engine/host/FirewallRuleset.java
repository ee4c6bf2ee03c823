package org.openhaven.engine.host;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openhaven.engine.cloud.FirewallRule;

/**
 * The host's nftables ruleset, the one source of its text for both the bootstrap and the deploy-time sync: our own
 * table {@code inet openhaven} with a default-deny input chain that always opens SSH (22/tcp) and then the given
 * openings, deduplicated and sorted. Loading the file replaces only that table, so Docker's rules stay intact.
 */
public final class FirewallRuleset {

    /** Where the ruleset lives on the server; {@code /etc/nftables.conf} includes it at boot. */
    public static final String PATH = "/etc/openhaven/firewall.nft";
    /** The openings a mail server needs. */
    public static final List<FirewallRule> MAIL = List.of(FirewallRule.tcp(25, "SMTP"), FirewallRule.tcp(465, "SMTPS"),
            FirewallRule.tcp(587, "Submission"), FirewallRule.tcp(993, "IMAPS"));
    /** The server's own SSH: never closed, or OpenHaven would lock itself out. */
    public static final int SSH_PORT = 22;

    private FirewallRuleset() {
    }

    /** The ruleset text opening 22/tcp plus {@code openings} (descriptions are ignored). */
    public static String render(Collection<FirewallRule> openings) {
        SortedSet<Integer> tcp = ports(openings, FirewallRule.Protocol.TCP);
        tcp.add(SSH_PORT);
        SortedSet<Integer> udp = ports(openings, FirewallRule.Protocol.UDP);
        StringBuilder text = new StringBuilder()
                .append("# Managed by OpenHaven. Replaces only the table inet openhaven; never flushes Docker's rules.\n")
                .append("table inet openhaven\n")
                .append("delete table inet openhaven\n")
                .append("table inet openhaven {\n")
                .append("    chain input {\n")
                .append("        type filter hook input priority filter; policy drop;\n")
                .append("        iifname \"lo\" accept\n")
                .append("        ct state established,related accept\n")
                .append("        ct state invalid drop\n")
                .append("        meta l4proto { icmp, ipv6-icmp } accept\n")
                .append("        tcp dport ").append(set(tcp)).append(" accept\n");
        if (!udp.isEmpty()) {
            text.append("        udp dport ").append(set(udp)).append(" accept\n");
        }
        return text.append("    }\n").append("}\n").toString();
    }

    /** An opening from the catalog's or manifest's spelling of a port ({@code protocol} tcp or udp). */
    public static FirewallRule opening(int port, String protocol, String purpose) {
        return new FirewallRule("udp".equalsIgnoreCase(protocol) ? FirewallRule.Protocol.UDP
                : FirewallRule.Protocol.TCP, port, purpose);
    }

    private static SortedSet<Integer> ports(Collection<FirewallRule> openings, FirewallRule.Protocol protocol) {
        return openings.stream().filter(o -> o.protocol() == protocol).map(FirewallRule::port)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** nft's set syntax; braces even for one port, which nft accepts, so the text has one shape. */
    private static String set(SortedSet<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", ", "{ ", " }"));
    }
}
