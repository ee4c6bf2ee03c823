package org.openhaven.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedHavenTest {

    @TempDir
    Path config;

    @Test
    void theSelectedHavenSurvivesARestartAsOneLineInTheConfigDir() throws IOException {
        new RememberedHaven(config.resolve("openhaven")).remember("family");

        assertThat(new RememberedHaven(config.resolve("openhaven")).recall()).contains("family");
        assertThat(Files.readString(config.resolve("openhaven").resolve(RememberedHaven.FILE))).isEqualTo("family\n");
        try (var files = Files.list(config.resolve("openhaven"))) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void nothingRememberedOrAnEditedFileIsNoSelection() throws IOException {
        assertThat(new RememberedHaven(config).recall()).isEmpty();
        Files.writeString(config.resolve(RememberedHaven.FILE), "../../etc/passwd\n");
        assertThat(new RememberedHaven(config).recall()).isEmpty();
    }
}
