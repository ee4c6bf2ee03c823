package org.openhaven.desktop.wizard;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;

/** The wizard window's content: the steps on the left, the current page, and Back / Next at the bottom. */
public final class WizardView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass(Css.PSEUDO_CURRENT);
    private static final PseudoClass DONE = PseudoClass.getPseudoClass(Css.PSEUDO_DONE);

    private final WizardViewModel vm;
    private final Runnable onFinished;
    private final Map<WizardStep, WizardPage> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private final StackPane center = new StackPane();
    private BorderPane root;

    public WizardView(WizardViewModel vm, Consumer<String> openUrl, Runnable onFinished) {
        this.vm = vm;
        this.onFinished = onFinished;
        pages.put(WizardStep.WELCOME, new WelcomePage(vm.welcome()));
        pages.put(WizardStep.SERVER, new ServerPage(vm.server(), openUrl));
        pages.put(WizardStep.DOMAIN, new DomainPage(vm.domain(), openUrl));
        pages.put(WizardStep.SERVICES, new ServicesPage(vm.services()));
        pages.put(WizardStep.BACKUPS, new BackupsPage(vm.backups()));
        pages.put(WizardStep.REVIEW, new ReviewPage(vm.review()));
        pages.put(WizardStep.DEPLOY, new DeployPage(vm.deploy()));
        pages.put(WizardStep.DONE, new DonePage(vm.done(), openUrl));
    }

    public Parent node() {
        if (root != null) {
            return root;
        }
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add(Css.SIDEBAR);
        Label brand = Controls.label("app.name", Css.SIDEBAR_BRAND);
        sidebar.getChildren().add(brand);
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label((step.ordinal() + 1) + "   " + Messages.get(step.key() + ".nav"));
            label.getStyleClass().add(Css.STEP_ITEM);
            label.setMaxWidth(Double.MAX_VALUE);
            stepLabels.put(step, label);
            sidebar.getChildren().add(label);
        }

        Button back = new Button(Messages.get("wizard.back"));
        back.setId("back");
        back.setMnemonicParsing(true);
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button(Messages.get("wizard.next"));
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(vm.canGoNextProperty().not());
        next.setOnAction(e -> vm.next());
        Button finish = new Button(Messages.get("wizard.finish"));
        finish.setId("finish");
        finish.setMnemonicParsing(true);
        finish.getStyleClass().add("accent");
        finish.setOnAction(e -> onFinished.run());
        Label vaultError = Controls.bound(vm.vaultErrorProperty(), Css.FIELD_ERROR);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, vaultError, spacer, back, next, finish);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add(Css.BUTTON_BAR);

        BorderPane main = new BorderPane(center);
        main.setBottom(buttons);
        root = new BorderPane(main);
        root.setLeft(sidebar);
        root.getStyleClass().add(Css.ROOT);
        vm.stepProperty().addListener((o, was, now) -> show(now, next, finish));
        show(vm.stepProperty().get(), next, finish);
        return root;
    }

    private void show(WizardStep step, Button next, Button finish) {
        WizardPage page = pages.get(step);
        center.getChildren().setAll(page.node());
        for (WizardStep s : WizardStep.values()) {
            stepLabels.get(s).pseudoClassStateChanged(CURRENT, s == step);
            stepLabels.get(s).pseudoClassStateChanged(DONE, s.ordinal() < step.ordinal());
        }
        next.setText(Messages.get(step == WizardStep.REVIEW ? "wizard.deploy" : "wizard.next"));
        Controls.show(next, !step.isLast());
        Controls.show(finish, step.isLast());
        finish.setDefaultButton(step.isLast());
        Node focus = page.initialFocus();
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }
}
