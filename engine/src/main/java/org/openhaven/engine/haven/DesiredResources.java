package org.openhaven.engine.haven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.host.FirewallRuleset;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecValidator;
import org.openhaven.engine.state.HavenState;

/** What a spec asks for, resource by resource: a pure function of the spec, so planning needs no network. */
public final class DesiredResources {

    static final String IMAGE = "debian-12";
    static final String WIREGUARD_PORT = "51820";
    private static final Catalog CATALOG = Catalog.builtIn();

    private DesiredResources() {
    }

    public static List<DesiredResource> of(HavenSpec spec) {
        return of(spec, 1, 1);
    }

    /**
     * What the spec asks for, given the recorded state: after a recovery replaced the server, the new server and
     * its IP carry the next generation in their names ({@code home-server-2}), since the old ones may still exist
     * under the haven's label and providers find resources by label and name.
     */
    public static List<DesiredResource> of(HavenSpec spec, HavenState state) {
        return of(spec, ServerReplacement.nextGeneration(state, ResourceKind.SERVER),
                ServerReplacement.nextGeneration(state, ResourceKind.SSH_KEY));
    }

    private static List<DesiredResource> of(HavenSpec spec, int serverGeneration, int keyGeneration) {
        List<DesiredResource> desired = new ArrayList<>();
        String name = spec.havenId();
        String suffix = generationSuffix(serverGeneration);
        if (!spec.server().isExistingServer()) {
            desired.add(new DesiredResource(ResourceKeys.SSH_KEY, ResourceKind.SSH_KEY,
                    name + "-key" + generationSuffix(keyGeneration),
                    Map.of("algorithm", "ed25519")));
            desired.add(new DesiredResource(ResourceKeys.FIREWALL, ResourceKind.FIREWALL, name + "-firewall",
                    Map.of("inbound", firewallRules(spec).stream().map(DesiredResources::ruleText)
                            .collect(Collectors.joining(" ")))));
            desired.add(new DesiredResource(ResourceKeys.SERVER, ResourceKind.SERVER, name + "-server" + suffix,
                    Map.of("provider", spec.server().provider(), "region", spec.server().region(),
                            "size", spec.server().size(), "image", IMAGE)));
            desired.add(new DesiredResource(ResourceKeys.IP, ResourceKind.IP, name + "-ip" + suffix,
                    Map.of("attached to", name + "-server" + suffix)));
            desired.addAll(HavenDnsRecords.desired(spec, name + "-ip" + suffix));
        }
        desired.add(new DesiredResource(ResourceKeys.STACK, ResourceKind.RELEASE, name + " services",
                stackProperties(spec)));
        return desired;
    }

    /**
     * The ports the haven's firewall opens (default deny, then SSH, HTTP(S) for Traefik, WireGuard when peers
     * exist, mail ports when mail is on, then the ports the selected services declare in the catalog), for plans
     * and the desktop's review page.
     */
    public static List<FirewallRule> firewallRules(HavenSpec spec) {
        List<FirewallRule> rules = new ArrayList<>(List.of(
                FirewallRule.tcp(22, "SSH"), FirewallRule.tcp(80, "HTTP (ACME, redirect)"),
                FirewallRule.tcp(443, "HTTPS")));
        if (spec.vpn() != null && !spec.vpn().peers().isEmpty()) {
            rules.add(FirewallRule.udp(Integer.parseInt(WIREGUARD_PORT), "WireGuard"));
        }
        if (spec.mailEnabled()) {
            rules.addAll(FirewallRuleset.MAIL);
        }
        // Then what the resolved services declare (gitea's 2222 for git over SSH, …), once per port and protocol.
        for (String id : CATALOG.resolve(SpecValidator.requestedServices(spec, CATALOG))) {
            for (ServiceDefinition.Port port : CATALOG.definition(id).ports()) {
                FirewallRule rule = FirewallRuleset.opening(port.port(), port.protocol(), port.purpose());
                if (rules.stream().noneMatch(r -> r.protocol() == rule.protocol() && r.port() == rule.port())) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    /** Nothing for the first generation, {@code -2} for the second … */
    private static String generationSuffix(int generation) {
        return generation == 1 ? "" : "-" + generation;
    }

    /** The inputs of the deployed stack; a change here means a new release. */
    static Map<String, String> stackProperties(HavenSpec spec) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("domain", spec.domain());
        properties.put("services", spec.services().stream()
                .map(s -> s.options().isEmpty() ? s.id() : s.id() + s.options())
                .collect(Collectors.joining(",")));
        properties.put("tls", spec.tls() == null ? "" : spec.tls().yamlName());
        properties.put("mail", String.valueOf(spec.mailEnabled()));
        properties.put("vpn peers", spec.vpn() == null ? "" : spec.vpn().peers().stream()
                .map(p -> p.name()).collect(Collectors.joining(",")));
        properties.put("backup", spec.backupTarget().map(b -> b.bucket() + "/" + b.prefix()).orElse("off"));
        properties.put("owner", spec.owner() == null ? "" : spec.owner().email());
        properties.values().removeIf(String::isEmpty); // "vpn peers: " says nothing; absent says the same
        return properties;
    }

    static String ruleText(FirewallRule rule) {
        return rule.protocol().name().toLowerCase(java.util.Locale.ROOT) + "/" + rule.port();
    }
}
