package org.openhaven.engine.cloud.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a DigitalOcean firewall's inbound rules with the wanted ones as sets of protocol, ports and source
 * addresses, so re-running apply against an unchanged firewall sends nothing. Outbound rules are not compared:
 * OpenHaven always allows all outbound traffic and sends that again with every update; DigitalOcean reports
 * "all ports" back as {@code "0"}, which a naive comparison would mistake for a change on every run.
 */
final class DigitalOceanFirewallRules {

    private DigitalOceanFirewallRules() {
    }

    static boolean sameInbound(JsonNode present, List<Map<String, Object>> wanted) {
        Set<String> actual = new TreeSet<>();
        for (JsonNode rule : present) {
            Set<String> sources = new TreeSet<>();
            rule.at("/sources/addresses").forEach(address -> sources.add(address.asText()));
            actual.add(key(rule.path("protocol").asText(), rule.path("ports").asText(""), sources));
        }
        Set<String> expected = wanted.stream().map(DigitalOceanFirewallRules::key)
                .collect(Collectors.toCollection(TreeSet::new));
        return actual.equals(expected);
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> rule) {
        Map<String, Object> sources = (Map<String, Object>) rule.get("sources");
        return key((String) rule.get("protocol"), (String) rule.get("ports"),
                new TreeSet<>((List<String>) sources.get("addresses")));
    }

    private static String key(String protocol, String ports, Set<String> sources) {
        return protocol + "/" + ports + " from " + String.join(",", sources);
    }
}
