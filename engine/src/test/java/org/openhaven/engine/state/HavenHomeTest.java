package org.openhaven.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HavenHomeTest {

    @Test
    void openhavenHomeOverridesEverything() {
        assertThat(HavenHome.resolve(Map.of("OPENHAVEN_HOME", "/srv/oh", "XDG_CONFIG_HOME", "/x"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/srv/oh"));
    }

    @Test
    void linuxUsesXdgConfigHomeOrDotConfig() {
        assertThat(HavenHome.resolve(Map.of("XDG_CONFIG_HOME", "/home/ada/.cfg"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.cfg/openhaven"));
        assertThat(HavenHome.resolve(Map.of(), "Linux", "/home/ada")).isEqualTo(Path.of("/home/ada/.config/openhaven"));
    }

    @Test
    void macosUsesApplicationSupport() {
        assertThat(HavenHome.resolve(Map.of(), "Mac OS X", "/Users/ada"))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/OpenHaven"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(HavenHome.resolve(Map.of("APPDATA", "/appdata"), "Windows 11", "/users/ada"))
                .isEqualTo(Path.of("/appdata/OpenHaven"));
    }
}
