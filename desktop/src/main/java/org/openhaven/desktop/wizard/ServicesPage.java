package org.openhaven.desktop.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.engine.CatalogEntry;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Formats;
import org.openhaven.desktop.ui.Messages;

/** Service cards with a checkbox each, the automatically added dependencies, and memory against the server. */
public final class ServicesPage extends WizardPage {

    private final ServicesViewModel vm;
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    private final FlowPane cards = new FlowPane(14, 14);
    private final java.util.Map<String, CheckBox> boxes = new java.util.HashMap<>();

    public ServicesPage(ServicesViewModel vm) {
        super(WizardStep.SERVICES);
        this.vm = vm;
    }

    @Override
    protected Node body() {
        cards.getStyleClass().add(Css.CARD_GRID);
        vm.selectable().addListener((ListChangeListener<CatalogEntry>) c -> rebuildCards());
        vm.selected().addListener((javafx.collections.SetChangeListener<String>) c -> syncChecks());
        rebuildCards();

        Label memory = new Label();
        memory.setId("memory-total");
        memory.textProperty().bind(Bindings.createStringBinding(() -> vm.availableMemoryMbProperty().get() == 0
                        ? Messages.get("services.memoryUnknownServer", Formats.memory(vm.totalMemoryMbProperty().get()))
                        : Messages.get("services.memory", Formats.memory(vm.totalMemoryMbProperty().get()),
                                Formats.memory(vm.availableMemoryMbProperty().get())),
                vm.totalMemoryMbProperty(), vm.availableMemoryMbProperty()));
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add(Css.MEMORY_BAR);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.availableMemoryMbProperty().get() == 0 ? 0
                        : Math.min(1, vm.totalMemoryMbProperty().doubleValue() / vm.availableMemoryMbProperty().get()),
                vm.totalMemoryMbProperty(), vm.availableMemoryMbProperty()));
        Label tooBig = Controls.label("services.tooBig", Css.FIELD_ERROR);
        Runnable fit = () -> {
            Controls.show(tooBig, !vm.fits());
            bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !vm.fits());
        };
        vm.totalMemoryMbProperty().addListener((o, a, b) -> fit.run());
        vm.availableMemoryMbProperty().addListener((o, a, b) -> fit.run());
        fit.run();

        Label added = new Label();
        added.setId("auto-added");
        added.getStyleClass().add(Css.MUTED);
        added.setWrapText(true);
        added.textProperty().bind(Bindings.createStringBinding(() -> vm.autoAdded().isEmpty() ? ""
                : Messages.get("services.autoAdded", String.join(", ",
                        vm.autoAdded().stream().map(vm::nameOf).toList())), vm.autoAdded()));
        Label error = Controls.bound(vm.loadErrorProperty(), Css.FIELD_ERROR);
        error.visibleProperty().bind(vm.loadErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox summary = new VBox(8, memory, bar, tooBig, added);
        summary.getStyleClass().add(Css.CARD);
        VBox box = new VBox(18, error, cards, mailCard(), summary);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    /**
     * The mail server: a switch rather than a service card, because it also opens the mail ports and publishes the
     * domain's MX, SPF, DKIM and DMARC records. The note says what only the user can arrange: port 25 and the PTR.
     */
    private Node mailCard() {
        CheckBox pick = new CheckBox();
        pick.setId("service-mail");
        pick.getStyleClass().add(Css.CARD_TITLE);
        pick.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("services.mail",
                vm.mailHostProperty().get().isEmpty() ? Messages.get("services.mailYourDomain")
                        : vm.mailHostProperty().get().substring(vm.mailHostProperty().get().indexOf('.') + 1)),
                vm.mailHostProperty()));
        pick.selectedProperty().bindBidirectional(vm.mailProperty());
        Label note = new Label();
        note.setId("mail-note");
        note.setWrapText(true);
        note.getStyleClass().add(Css.MUTED);
        note.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("services.mailNote",
                vm.mailHostProperty().get().isEmpty() ? "mail.<domain>" : vm.mailHostProperty().get()),
                vm.mailHostProperty()));
        Label memory = new Label();
        memory.getStyleClass().add(Css.TAG);
        memory.textProperty().bind(Bindings.createStringBinding(() -> Formats.memory(vm.mailMemoryMb()),
                vm.mailAvailableProperty()));
        VBox card = new VBox(8, pick, note, memory);
        card.getStyleClass().add(Css.CARD);
        card.setOnMouseClicked(e -> pick.setSelected(!pick.isSelected()));
        pick.selectedProperty().addListener((o, was, now) -> card.pseudoClassStateChanged(SELECTED, now));
        card.pseudoClassStateChanged(SELECTED, pick.isSelected());
        card.visibleProperty().bind(vm.mailAvailableProperty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private void rebuildCards() {
        cards.getChildren().clear();
        boxes.clear();
        for (CatalogEntry entry : vm.selectable()) {
            CheckBox pick = new CheckBox(entry.name());
            pick.setId("service-" + entry.id());
            pick.getStyleClass().add(Css.CARD_TITLE);
            pick.setSelected(vm.selected().contains(entry.id()));
            pick.selectedProperty().addListener((o, was, now) -> vm.toggle(entry.id(), now));
            Label description = new Label(entry.description());
            description.setWrapText(true);
            description.getStyleClass().add(Css.MUTED);
            Label memory = new Label(Formats.memory(entry.memoryMb()));
            memory.getStyleClass().add(Css.TAG);
            Region spacer = new Region();
            VBox.setVgrow(spacer, Priority.ALWAYS);
            VBox card = new VBox(8, pick, description, spacer, memory);
            card.getStyleClass().add(Css.CARD);
            // three cards fill a row whatever the window's width, instead of leaving a ragged gap on the right
            card.prefWidthProperty().bind(cards.widthProperty().subtract(2 * cards.getHgap()).divide(3).subtract(1));
            card.setMinWidth(200);
            card.setMinHeight(120);
            card.setOnMouseClicked(e -> pick.setSelected(!pick.isSelected()));
            boxes.put(entry.id(), pick);
            pick.selectedProperty().addListener((o, was, now) -> card.pseudoClassStateChanged(SELECTED, now));
            card.pseudoClassStateChanged(SELECTED, pick.isSelected());
            cards.getChildren().add(card);
        }
    }

    private void syncChecks() {
        boxes.forEach((id, box) -> box.setSelected(vm.selected().contains(id)));
    }
}
