package org.openhaven.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray process ({@code Launcher --tray-companion}) never loads a JavaFX class: that is what keeps it small
 * while the window is closed (docs/decisions/0012). Started on a private display with a real tray, it puts its icon
 * up, says so over its pipe, and the JVM's own class-loading log names no {@code javafx.} class.
 */
class TrayProcessClassLoadingIT {

    @TempDir
    Path work;

    @Test
    void theTrayProcessPutsItsIconUpWithoutLoadingAnyJavaFxClass() throws Exception {
        Path classLog = work.resolve("classes.log");
        Map<String, String> env = Map.of("OPENHAVEN_HOME", work.resolve("havens").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "PREFS", work.resolve("prefs").toString());
        try (TrayDesktop desktop = TrayDesktop.start()) {
            Process tray = desktop.javaWithOptions(env, work.resolve("tray.log"),
                    List.of("-Xlog:class+load=info:file=" + classLog), Launcher.class.getName(), "--tray-companion");
            BufferedReader fromTray = new BufferedReader(new InputStreamReader(tray.getInputStream(),
                    StandardCharsets.UTF_8));

            assertThat(fromTray.readLine()).as("the tray's first word over the pipe").isEqualTo("tray-ready");

            List<String> loaded = Files.readAllLines(classLog);
            assertThat(loaded).as("the class-loading log").anyMatch(line -> line.contains("java.awt.TrayIcon "))
                    .anyMatch(line -> line.contains("org.openhaven.desktop.companion.TrayRole "));
            assertThat(loaded).as("JavaFX classes loaded by the tray process")
                    .noneMatch(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx."));
        }
    }
}
