package org.openhaven.engine.cloud.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a Hetzner firewall's rules with the wanted ones as sets of what matters for traffic: direction,
 * protocol, port and source addresses. Order and descriptions do not matter, so re-running apply against an
 * unchanged firewall sends nothing.
 */
final class HetznerFirewallRules {

    private HetznerFirewallRules() {
    }

    static boolean same(JsonNode present, List<Map<String, Object>> wanted) {
        Set<String> actual = new TreeSet<>();
        for (JsonNode rule : present) {
            Set<String> sources = new TreeSet<>();
            rule.path("source_ips").forEach(ip -> sources.add(ip.asText()));
            actual.add(key(rule.path("direction").asText(), rule.path("protocol").asText(),
                    rule.path("port").asText(""), sources));
        }
        Set<String> expected = wanted.stream().map(HetznerFirewallRules::key).collect(Collectors.toCollection(TreeSet::new));
        return actual.equals(expected);
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> rule) {
        return key((String) rule.get("direction"), (String) rule.get("protocol"), (String) rule.get("port"),
                new TreeSet<>((List<String>) rule.get("source_ips")));
    }

    private static String key(String direction, String protocol, String port, Set<String> sources) {
        return direction + " " + protocol + "/" + port + " from " + String.join(",", sources);
    }
}
