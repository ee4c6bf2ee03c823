package org.openhaven.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path config;

    @Test
    void secondLaunchAsksTheRunningInstanceToFocusAndBacksOff() throws Exception {
        CountDownLatch focused = new CountDownLatch(1);
        Optional<SingleInstance> first = SingleInstance.acquire(config, focused::countDown);
        assertThat(first).isPresent();
        try (SingleInstance running = first.get()) {
            Optional<SingleInstance> second = SingleInstance.acquire(config, () -> { });
            assertThat(second).isEmpty();
            assertThat(focused.await(10, TimeUnit.SECONDS)).as("focus request received").isTrue();
        }
        Optional<SingleInstance> afterQuit = SingleInstance.acquire(config, () -> { });
        assertThat(afterQuit).as("the lock is free once the first instance quit").isPresent();
        afterQuit.get().close();
    }

    @Test
    void configDirFollowsEachOsConvention() {
        assertThat(ConfigDir.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/x/openhaven"));
        assertThat(ConfigDir.resolve(Map.of(), "Linux", "/home/ada")).isEqualTo(Path.of("/home/ada/.config/openhaven"));
        assertThat(ConfigDir.resolve(Map.of(), "Mac OS X", "/Users/ada"))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/OpenHaven"));
    }
}
