package org.openhaven.desktop.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompanionCommandTest {

    @Test
    void fromAJdkTheTrayRunsOnTheSameJavaWithTheSameOptionsButRecordsNoArchiveAndOpensNoDebugger() {
        CompanionCommand command = new CompanionCommand("/jdk", true, List.of("-XX:+UseSerialGC", "-Xmx256m",
                "-XX:ArchiveClassesAtExit=/repo/desktop/target/cds/desktop-1.jsa.4711.partial",
                "-Xlog:cds=off,cds+dynamic=off", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-Dfile.encoding=UTF-8"), "/repo/desktop/target/openhaven-desktop.jar:/repo/desktop/target/lib/*",
                Optional.of("/jdk/bin/java"));

        assertThat(command.argv(CompanionCommand.TRAY_ROLE)).contains(List.of("/jdk/bin/java", "-XX:+UseSerialGC",
                "-Xmx256m", "-Xlog:cds=off,cds+dynamic=off", "-Dfile.encoding=UTF-8", "-cp",
                "/repo/desktop/target/openhaven-desktop.jar:/repo/desktop/target/lib/*",
                "org.openhaven.desktop.Launcher", "--tray-companion"));
    }

    @Test
    void aWindowTheTrayStartsReadsTheAppCdsArchiveButTheTrayLeavesItsJavaFxClassesOut() {
        CompanionCommand command = new CompanionCommand("/jdk", true,
                List.of("-XX:SharedArchiveFile=/repo/desktop/target/cds/desktop-1.jsa", "-Xlog:cds=off"), "app.jar",
                Optional.empty());

        assertThat(command.argv(CompanionCommand.WINDOW_FOR_TRAY)).contains(List.of("/jdk/bin/java",
                "-XX:SharedArchiveFile=/repo/desktop/target/cds/desktop-1.jsa", "-Xlog:cds=off", "-cp", "app.jar",
                "org.openhaven.desktop.Launcher", "--window-for-tray"));
        assertThat(command.argv(CompanionCommand.TRAY_ROLE)).contains(List.of("/jdk/bin/java", "-Xlog:cds=off",
                "-cp", "app.jar", "org.openhaven.desktop.Launcher", "--tray-companion"));
    }

    @Test
    void anInstalledAppWithoutJavaRunsItsOwnLauncherWhichAppliesThePackagedOptions() {
        CompanionCommand command = new CompanionCommand("/opt/openhaven/lib/runtime", false,
                List.of("-XX:+UseSerialGC", "-Djpackage.app-version=1.0"), "/opt/openhaven/lib/app/openhaven.jar",
                Optional.of("/opt/openhaven/bin/OpenHaven"));

        assertThat(command.argv(CompanionCommand.TRAY_ROLE))
                .contains(List.of("/opt/openhaven/bin/OpenHaven", "--tray-companion"));
    }

    @Test
    void withNeitherJavaNorAKnownLauncherThereIsNoCommand() {
        CompanionCommand command = new CompanionCommand("/runtime", false, List.of(), "app.jar", Optional.empty());

        assertThat(command.argv(CompanionCommand.TRAY_ROLE)).isEmpty();
    }
}
