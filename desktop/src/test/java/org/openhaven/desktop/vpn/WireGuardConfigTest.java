package org.openhaven.desktop.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.secrets.Secret;

class WireGuardConfigTest {

    @Test
    void rendersTheWgQuickFormatExactly() {
        WireGuardConfig config = new WireGuardConfig(Secret.of("cHJpdmF0ZQ=="), "10.8.0.2/32", null, "10.8.0.1",
                List.of(new WireGuardConfig.Peer("cHVibGlj", "vpn.example.org:51820", "10.8.0.0/24", 25)));
        assertThat(config.render()).isEqualTo("""
                [Interface]
                PrivateKey = cHJpdmF0ZQ==
                Address = 10.8.0.2/32
                DNS = 10.8.0.1

                [Peer]
                PublicKey = cHVibGlj
                Endpoint = vpn.example.org:51820
                AllowedIPs = 10.8.0.0/24
                PersistentKeepalive = 25
                """);
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        WireGuardConfig config = new WireGuardConfig(Secret.of("cHJpdmF0ZQ=="), "10.8.0.1/24", 51820, null, List.of());
        assertThat(config.toString()).doesNotContain("cHJpdmF0ZQ").contains("10.8.0.1/24");
        assertThat(config.render()).contains("ListenPort = 51820").doesNotContain("[Peer]");
    }
}
