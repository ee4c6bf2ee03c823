package org.openhaven.desktop.wizard;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.engine.PlanPreview;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Formats;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.cloud.FirewallRule;

/** The plan's warnings, then the plan grouped into create / change / delete, the monthly cost and the firewall openings. */
public final class ReviewPage extends WizardPage {

    private final ReviewViewModel vm;
    private final VBox content = new VBox(16);

    public ReviewPage(ReviewViewModel vm) {
        super(WizardStep.REVIEW);
        this.vm = vm;
    }

    @Override
    protected Node body() {
        Label loading = Controls.label("review.loading", Css.MUTED);
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(vm.loadingProperty());
        Label error = Controls.bound(vm.errorProperty(), Css.CALLOUT_ERROR);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label remedy = Controls.bound(vm.remedyProperty(), Css.MUTED);
        remedy.visibleProperty().bind(vm.remedyProperty().isNotEmpty());
        remedy.managedProperty().bind(remedy.visibleProperty());
        vm.previewProperty().addListener((o, was, now) -> render(now));
        render(vm.previewProperty().get());
        VBox box = new VBox(4, loading, error, remedy, content);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void render(PlanPreview plan) {
        content.getChildren().clear();
        if (plan == null) {
            return;
        }
        Label cost = new Label(plan.monthlyCost() == null ? Messages.get("review.costUnknown")
                : Formats.money(plan.monthlyCost(), plan.currency()));
        cost.getStyleClass().add(Css.BIG_NUMBER);
        cost.setId("monthly-cost");
        Label hint = plan.costNote() == null ? Controls.label("review.costHint", Css.MUTED)
                : new Label(plan.costNote());
        hint.getStyleClass().add(Css.MUTED);
        hint.setWrapText(true);
        VBox costCard = new VBox(4, Controls.label("review.cost", Css.CARD_TITLE), cost, hint);
        costCard.getStyleClass().add(Css.CARD);
        VBox firewall = new VBox(4, Controls.label("review.firewall", Css.CARD_TITLE));
        for (FirewallRule rule : plan.firewall()) {
            Label line = new Label(rule.protocol() + " " + rule.port() + "  ·  " + rule.description());
            line.getStyleClass().add(Css.MONO);
            firewall.getChildren().add(line);
        }
        firewall.getStyleClass().add(Css.CARD);
        HBox top = new HBox(16, costCard, firewall);
        HBox.setHgrow(costCard, Priority.ALWAYS);
        HBox.setHgrow(firewall, Priority.ALWAYS);
        costCard.setMaxWidth(Double.MAX_VALUE);
        firewall.setMaxWidth(Double.MAX_VALUE);
        warnings().ifPresent(content.getChildren()::add);
        content.getChildren().addAll(top,
                group("review.create", "+", plan.create()),
                group("review.change", "~", plan.change()),
                group("review.delete", "−", plan.delete()));
    }

    /** A card with one line per warning, first on the page so it is read before deploying. */
    private java.util.Optional<Node> warnings() {
        if (vm.warnings().isEmpty()) {
            return java.util.Optional.empty();
        }
        VBox card = new VBox(6, Controls.label("review.warnings", Css.CARD_TITLE));
        for (String warning : vm.warnings()) {
            Label line = new Label(Messages.get("review.warning", warning));
            line.getStyleClass().add(Css.CALLOUT_WARNING);
            line.setWrapText(true);
            card.getChildren().add(line);
        }
        card.getStyleClass().addAll(Css.CARD, Css.WARNING_CARD);
        card.setId("plan-warnings");
        return java.util.Optional.of(card);
    }

    private Node group(String key, String sign, List<String> items) {
        VBox box = new VBox(4, new Label(Messages.get(key, items.size())));
        box.getChildren().get(0).getStyleClass().add(Css.SECTION_TITLE);
        box.getStyleClass().addAll(Css.PLAN_GROUP, key.substring(key.indexOf('.') + 1));
        if (items.isEmpty()) {
            box.getChildren().add(Controls.label("review.nothing", Css.MUTED));
        }
        for (String item : items) {
            Label line = new Label(sign + "  " + item);
            line.getStyleClass().add(Css.MONO);
            box.getChildren().add(line);
        }
        return box;
    }
}
