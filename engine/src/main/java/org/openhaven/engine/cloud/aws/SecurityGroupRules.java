package org.openhaven.engine.cloud.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openhaven.engine.cloud.FirewallRule;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The difference between a security group's inbound permissions and the wanted openings, as the two calls EC2 has
 * for it: what to authorize and what to revoke. EC2 permissions bundle several sources per protocol and port range,
 * so both sides are flattened to single (protocol, ports, source) openings first; every opening the group has that is
 * not wanted is revoked, since the whole group is the haven's (created and tagged by OpenHaven).
 */
final class SecurityGroupRules {

    static final String ANY_IPV4 = org.openhaven.engine.cloud.FirewallOpenings.EVERYWHERE.get(0);
    static final String ANY_IPV6 = org.openhaven.engine.cloud.FirewallOpenings.EVERYWHERE.get(1);

    /** The permissions to authorize and to revoke; both empty when the group already matches. */
    record Changes(List<IpPermission> authorize, List<IpPermission> revoke) {

        boolean none() {
            return authorize.isEmpty() && revoke.isEmpty();
        }
    }

    /** One source allowed in on one protocol and port range; {@code kind} is v4, v6, group or prefix. */
    private record Opening(String protocol, Integer fromPort, Integer toPort, String kind, String source) {

        String ports() {
            return protocol + "/" + fromPort + "-" + toPort;
        }
    }

    private SecurityGroupRules() {
    }

    static Changes diff(List<IpPermission> present, List<FirewallRule> wanted) {
        Set<Opening> actual = new LinkedHashSet<>();
        for (IpPermission permission : present) {
            actual.addAll(flatten(permission));
        }
        Map<Opening, String> desired = new LinkedHashMap<>();
        for (FirewallRule rule : wanted) {
            String protocol = rule.protocol().name().toLowerCase(Locale.ROOT);
            desired.put(new Opening(protocol, rule.port(), rule.port(), "v4", ANY_IPV4), rule.description());
            desired.put(new Opening(protocol, rule.port(), rule.port(), "v6", ANY_IPV6), rule.description());
        }
        List<Opening> missing = desired.keySet().stream().filter(o -> !actual.contains(o)).toList();
        List<Opening> extra = actual.stream().filter(o -> !desired.containsKey(o)).toList();
        return new Changes(permissions(missing, desired), permissions(extra, Map.of()));
    }

    private static List<Opening> flatten(IpPermission permission) {
        List<Opening> openings = new ArrayList<>();
        String protocol = permission.ipProtocol();
        Integer from = permission.fromPort();
        Integer to = permission.toPort();
        permission.ipRanges().forEach(r -> openings.add(new Opening(protocol, from, to, "v4", r.cidrIp())));
        permission.ipv6Ranges().forEach(r -> openings.add(new Opening(protocol, from, to, "v6", r.cidrIpv6())));
        permission.userIdGroupPairs().forEach(p -> openings.add(new Opening(protocol, from, to, "group", p.groupId())));
        permission.prefixListIds().forEach(p -> openings.add(new Opening(protocol, from, to, "prefix", p.prefixListId())));
        return openings;
    }

    /** One permission per protocol and port range, in first-seen order, carrying the descriptions where known. */
    private static List<IpPermission> permissions(List<Opening> openings, Map<Opening, String> descriptions) {
        Map<String, List<Opening>> byPorts = new LinkedHashMap<>();
        openings.forEach(o -> byPorts.computeIfAbsent(o.ports(), k -> new ArrayList<>()).add(o));
        List<IpPermission> permissions = new ArrayList<>();
        for (List<Opening> group : byPorts.values()) {
            Opening first = group.get(0);
            IpPermission.Builder permission = IpPermission.builder().ipProtocol(first.protocol())
                    .fromPort(first.fromPort()).toPort(first.toPort());
            List<IpRange> v4 = new ArrayList<>();
            List<Ipv6Range> v6 = new ArrayList<>();
            List<UserIdGroupPair> groups = new ArrayList<>();
            List<PrefixListId> prefixes = new ArrayList<>();
            for (Opening opening : group) {
                String description = descriptions.get(opening);
                switch (opening.kind()) {
                    case "v4" -> v4.add(IpRange.builder().cidrIp(opening.source()).description(description).build());
                    case "v6" -> v6.add(Ipv6Range.builder().cidrIpv6(opening.source()).description(description).build());
                    case "group" -> groups.add(UserIdGroupPair.builder().groupId(opening.source()).build());
                    default -> prefixes.add(PrefixListId.builder().prefixListId(opening.source()).build());
                }
            }
            if (!v4.isEmpty()) {
                permission.ipRanges(v4);
            }
            if (!v6.isEmpty()) {
                permission.ipv6Ranges(v6);
            }
            if (!groups.isEmpty()) {
                permission.userIdGroupPairs(groups);
            }
            if (!prefixes.isEmpty()) {
                permission.prefixListIds(prefixes);
            }
            permissions.add(permission.build());
        }
        return permissions;
    }
}
