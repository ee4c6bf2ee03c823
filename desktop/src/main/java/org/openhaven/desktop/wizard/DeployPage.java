package org.openhaven.desktop.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;

/** One row per step with a state icon and progress where known, the live log, Cancel and Retry. */
public final class DeployPage extends WizardPage {

    private final DeployViewModel vm;

    public DeployPage(DeployViewModel vm) {
        super(WizardStep.DEPLOY);
        this.vm = vm;
    }

    @Override
    protected Node body() {
        return progress(vm);
    }

    /** The rows, the failure with its remedy, Cancel, Retry and the live log: also the recovery's progress. */
    public static Node progress(DeployViewModel vm) {
        ListView<DeployRow> rows = new ListView<>(vm.rows());
        rows.setId("deploy-rows");
        rows.setFocusTraversable(true);
        rows.setCellFactory(list -> new RowCell());
        rows.setPrefHeight(300);
        VBox.setVgrow(rows, Priority.ALWAYS);
        TextArea log = new TextArea();
        log.setId("deploy-log");
        log.setEditable(false);
        log.getStyleClass().add(Css.LOG);
        log.setPrefRowCount(6);
        log.setMinHeight(120);
        vm.log().addListener((ListChangeListener<String>) c -> {
            log.setText(String.join("\n", vm.log()));
            log.positionCaret(log.getLength());
        });

        Label failure = Controls.bound(vm.failureMessageProperty(), Css.CALLOUT_ERROR);
        failure.setId("deploy-failure");
        Label remedy = Controls.bound(vm.failureRemedyProperty(), Css.MUTED);
        Button retry = new Button(Messages.get("deploy.retry"));
        retry.setId("retry");
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> vm.retry());
        retry.disableProperty().bind(vm.canRetryProperty().not());
        retry.getStyleClass().add("accent");
        Button cancel = new Button(Messages.get("deploy.cancel"));
        cancel.setId("cancel-deploy");
        cancel.setMnemonicParsing(true);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.phaseProperty().isNotEqualTo(DeployViewModel.Phase.RUNNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox message = new VBox(4, failure, remedy);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(8, message, spacer, cancel, retry);
        actions.setAlignment(Pos.CENTER_LEFT);
        Runnable showFailure = () -> Controls.show(message, !vm.failureMessageProperty().get().isEmpty());
        vm.failureMessageProperty().addListener((o, a, b) -> showFailure.run());
        showFailure.run();
        VBox box = new VBox(12, rows, actions, Controls.label("deploy.log", Css.SECTION_TITLE), log);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    /** A step row: icon, title, detail, and a determinate bar only when the step reports a fraction. */
    private static final class RowCell extends ListCell<DeployRow> {

        @Override
        protected void updateItem(DeployRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label icon = new Label();
            icon.getStyleClass().add(Css.STATE_ICON);
            icon.textProperty().bind(Bindings.createStringBinding(() -> symbol(row.stateProperty().get()),
                    row.stateProperty()));
            row.stateProperty().addListener((o, was, now) -> stateClass(icon, now));
            stateClass(icon, row.stateProperty().get());
            Label title = Controls.bound(row.titleProperty());
            Label detail = Controls.bound(row.detailProperty(), Css.MUTED);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(row.progressProperty());
            bar.visibleProperty().bind(row.progressProperty().greaterThanOrEqualTo(0));
            bar.setPrefWidth(140);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(10, icon, new VBox(2, title, detail), spacer, bar);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add(Css.DEPLOY_ROW);
            setGraphic(line);
        }

        private static void stateClass(Label icon, DeployRow.State state) {
            icon.getStyleClass().removeAll(Css.STATUS_OK, Css.STATUS_ERROR, Css.STATUS_WARN, Css.MUTED);
            icon.getStyleClass().add(switch (state) {
                case DONE, UNCHANGED -> Css.STATUS_OK;
                case FAILED -> Css.STATUS_ERROR;
                case CANCELLED -> Css.STATUS_WARN;
                case RUNNING -> Css.MUTED;
            });
        }

        private static String symbol(DeployRow.State state) {
            return switch (state) {
                case RUNNING -> "●";
                case DONE -> "✔";
                case UNCHANGED -> "✔";
                case FAILED -> "✖";
                case CANCELLED -> "■";
            };
        }
    }
}
