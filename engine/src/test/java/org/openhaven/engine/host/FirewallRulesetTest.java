package org.openhaven.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.FirewallRule;

class FirewallRulesetTest {

    private static final String HEAD = """
            # Managed by OpenHaven. Replaces only the table inet openhaven; never flushes Docker's rules.
            table inet openhaven
            delete table inet openhaven
            table inet openhaven {
                chain input {
                    type filter hook input priority filter; policy drop;
                    iifname "lo" accept
                    ct state established,related accept
                    ct state invalid drop
                    meta l4proto { icmp, ipv6-icmp } accept
            """;

    @Test
    void opensSshAndTheGivenPortsSortedAndDeduplicated() {
        String text = FirewallRuleset.render(List.of(FirewallRule.tcp(2222, "git"), FirewallRule.tcp(443, "https"),
                FirewallRule.tcp(80, "http"), FirewallRule.tcp(443, "again"), FirewallRule.tcp(22, "ssh"),
                FirewallRule.udp(51820, "wg")));
        assertThat(text).isEqualTo(HEAD + """
                        tcp dport { 22, 80, 443, 2222 } accept
                        udp dport { 51820 } accept
                    }
                }
                """);
    }

    @Test
    void withoutOpeningsOnlySshStaysOpenAndNoUdpLineIsWritten() {
        assertThat(FirewallRuleset.render(List.of())).isEqualTo(HEAD + """
                        tcp dport { 22 } accept
                    }
                }
                """);
    }
}
