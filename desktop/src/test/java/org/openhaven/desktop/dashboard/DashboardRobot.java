package org.openhaven.desktop.dashboard;

import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.engine.ServiceHealth;
import org.testfx.api.FxRobot;

/** What the dashboard's walkthrough tests read off the screen, and how they wait for it. */
public final class DashboardRobot {

    public static final HavenRef HOME = new HavenRef("home", "home.example.org");
    public static final HavenRef FAMILY = new HavenRef("family", "family.example.org");

    private DashboardRobot() {
    }

    /** Two havens, home (selected) and family, whose vaults take "home passphrase" and "family passphrase". */
    public static ScriptedTestEngine homeAndFamily() {
        Map<HavenRef, String> havens = new LinkedHashMap<>();
        havens.put(HOME, "home passphrase");
        havens.put(FAMILY, "family passphrase");
        return new ScriptedTestEngine().withHavens(havens);
    }

    /**
     * A window of its own per test, the dashboard's size, shown in the light theme: the dashboard's poller listens
     * to it, and is shut down with the shell.
     */
    public static Stage window() {
        Stage stage = new Stage();
        DesktopShell.applyTheme(false);
        stage.setWidth(1040);
        stage.setHeight(720);
        stage.show();
        return stage;
    }

    /** The links of the services table, as shown. */
    @SuppressWarnings("unchecked")
    public static List<String> urls(FxRobot robot) {
        TableView<ServiceHealth> table = robot.lookup("#services-table").queryAs(TableView.class);
        return table.getItems().stream().map(ServiceHealth::url).toList();
    }

    /** Waits up to ten seconds for {@code condition}, letting the FX thread run between checks. */
    public static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> {
            waitForFxEvents();
            return condition.call();
        });
    }
}
