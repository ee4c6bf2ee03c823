package org.openhaven.desktop.dashboard;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.wizard.DeployPage;
import org.openhaven.desktop.wizard.ReviewPage;
import org.openhaven.desktop.wizard.ServicesPage;

/** "Apply changes": edit services → review the plan → apply, in one window, using the wizard's own pages. */
public final class ChangesDialog {

    private ChangesDialog() {
    }

    public static void show(Window owner, EngineGateway engine, Async async, DashboardViewModel dashboard) {
        async.run(engine::currentSpec, spec -> open(owner, new ChangesViewModel(engine, async, spec, 0, () -> {
            dashboard.log(Messages.get("notify.deploy.ok.title"));
            dashboard.refresh();
        })), failure -> dashboard.log(failure.userMessage() + " " + failure.remedy()));
    }

    private static void open(Window owner, ChangesViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("dashboard.changes.title"));
        ServicesPage edit = new ServicesPage(vm.services());
        ReviewPage review = new ReviewPage(vm.review());
        DeployPage apply = new DeployPage(vm.apply());
        Button back = new Button(Messages.get("dashboard.changes.back"));
        back.setMnemonicParsing(true);
        back.setOnAction(e -> vm.backToEdit());
        Button next = new Button();
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        Button close = new Button(Messages.get("dashboard.changes.close"));
        close.setMnemonicParsing(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, back, next, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add(Css.BUTTON_BAR);
        BorderPane root = new BorderPane();
        root.setBottom(buttons);
        root.getStyleClass().add(Css.ROOT);
        Runnable render = () -> {
            switch (vm.stageProperty().get()) {
                case EDIT -> {
                    root.setCenter(edit.node());
                    next.setText(Messages.get("dashboard.changes.review"));
                    next.setOnAction(e -> vm.toReview());
                }
                case REVIEW -> {
                    root.setCenter(review.node());
                    next.setText(Messages.get("dashboard.changes.apply"));
                    next.setOnAction(e -> vm.toApply());
                }
                case APPLY -> root.setCenter(apply.node());
            }
            Controls.show(back, vm.stageProperty().get() == ChangesViewModel.Stage.REVIEW);
            Controls.show(next, vm.stageProperty().get() != ChangesViewModel.Stage.APPLY);
        };
        vm.stageProperty().addListener((o, was, now) -> render.run());
        render.run();
        stage.setScene(DesktopShell.scene(root));
        stage.setWidth(900);
        stage.setHeight(640);
        stage.show();
    }
}
