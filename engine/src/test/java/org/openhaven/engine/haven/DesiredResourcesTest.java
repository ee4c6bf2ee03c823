package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.VpnSpec;

class DesiredResourcesTest {

    private static HavenSpec spec(List<String> services, VpnSpec vpn, MailSpec mail) {
        return new HavenSpec("h", "example.org", null, null, null, null,
                services.stream().map(id -> new ServiceSelection(id, Map.of())).toList(), null, vpn, mail);
    }

    private static List<String> rules(HavenSpec spec) {
        return DesiredResources.firewallRules(spec).stream().map(DesiredResources::ruleText).toList();
    }

    @Test
    void firewallOpensTheCatalogPortsOfTheSelectedServices() {
        assertThat(rules(spec(List.of("gitea"), null, null)))
                .containsExactly("tcp/22", "tcp/80", "tcp/443", "tcp/2222");
        assertThat(DesiredResources.firewallRules(spec(List.of("gitea"), null, null)))
                .contains(FirewallRule.tcp(2222, "git over SSH (22 stays the server's own SSH)"));
    }

    @Test
    void firewallWithoutPortDeclaringServicesKeepsSshAndWeb() {
        assertThat(rules(spec(List.of("vaultwarden"), null, null))).containsExactly("tcp/22", "tcp/80", "tcp/443");
    }

    @Test
    void wireGuardPortAppearsOnceWithPeersAndMailPortsWithMail() {
        assertThat(rules(spec(List.of("gitea"), new VpnSpec(List.of(new VpnSpec.Peer("laptop"))), new MailSpec(true))))
                .containsExactly("tcp/22", "tcp/80", "tcp/443", "udp/51820", "tcp/25", "tcp/465", "tcp/587",
                        "tcp/993", "tcp/2222");
    }
}
