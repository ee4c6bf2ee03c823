package org.openhaven.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The collection after the window goes to the tray: scheduled once per hide, never while it is shown. */
@ExtendWith(ApplicationExtension.class)
class IdleFootprintTest {

    private final List<Long> scheduledDelaysMs = new ArrayList<>();
    private final RecordingScheduler timers = new RecordingScheduler();
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own: the extension reuses the primary stage across test classes
        stage = new Stage();
        stage.setScene(new Scene(new Label("window"), 200, 100));
        stage.show();
        new IdleFootprint(timers, () -> { }).watch(stage);
    }

    @AfterEach
    void closeStageAndStopTimers(FxRobot robot) {
        robot.interact(stage::hide);
        timers.shutdownNow();
    }

    @Test
    void hidingTheWindowSchedulesOneCollectionAfterTheSettleDelay(FxRobot robot) {
        robot.interact(stage::hide);

        assertThat(scheduledDelaysMs).containsExactly(IdleFootprint.SETTLE.toMillis());
    }

    @Test
    void showingTheWindowAgainSchedulesNothingAndEachHideSchedulesOnce(FxRobot robot) {
        robot.interact(stage::hide);
        robot.interact(stage::show);
        robot.interact(stage::hide);

        assertThat(scheduledDelaysMs).hasSize(2);
    }

    /** Records the delays it is asked for and runs nothing. */
    private final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduledDelaysMs.add(unit.toMillis(delay));
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }
}
