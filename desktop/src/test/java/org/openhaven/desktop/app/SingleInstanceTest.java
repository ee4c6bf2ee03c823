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
    void theTrayHoldsALockOfItsOwnAndHearsRequestsToOpenAWindow() throws Exception {
        java.util.concurrent.BlockingQueue<String> requests = new java.util.concurrent.LinkedBlockingQueue<>();
        assertThat(SingleInstance.isRunning(config, SingleInstance.TRAY)).isFalse();
        Optional<SingleInstance> tray = SingleInstance.tryAcquire(config, SingleInstance.TRAY, requests::add);
        assertThat(tray).isPresent();
        try (SingleInstance running = tray.get()) {
            assertThat(SingleInstance.isRunning(config, SingleInstance.TRAY)).isTrue();
            assertThat(SingleInstance.isRunning(config, SingleInstance.WINDOW)).as("the window's lock is another")
                    .isFalse();
            assertThat(SingleInstance.tryAcquire(config, SingleInstance.TRAY, requests::add)).isEmpty();

            assertThat(SingleInstance.request(config, SingleInstance.TRAY, SingleInstance.OPEN_WINDOW)).isTrue();
            assertThat(SingleInstance.request(config, SingleInstance.TRAY, "unlock home cGFzcw==")).isTrue();
            assertThat(SingleInstance.request(config, SingleInstance.TRAY, SingleInstance.FOCUS)).isTrue();

            assertThat(requests.poll(10, TimeUnit.SECONDS)).isEqualTo(SingleInstance.OPEN_WINDOW);
            assertThat(requests.poll(10, TimeUnit.SECONDS)).as("anything but a request word is dropped")
                    .isEqualTo(SingleInstance.FOCUS);
        }
        assertThat(SingleInstance.isRunning(config, SingleInstance.TRAY)).isFalse();
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
