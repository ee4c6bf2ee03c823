package org.openhaven.desktop.wizard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;

/** What will happen, what it costs roughly, and what the user needs at hand. */
public final class WelcomePage extends WizardPage {

    private final WelcomeViewModel vm;

    public WelcomePage(WelcomeViewModel vm) {
        super(WizardStep.WELCOME);
        this.vm = vm;
    }

    @Override
    protected Node body() {
        GridPane cards = new GridPane();
        cards.setHgap(16);
        cards.setVgap(16);
        cards.getStyleClass().add(Css.CARD_GRID);
        cards.add(card("welcome.what"), 0, 0);
        cards.add(card("welcome.cost"), 1, 0);
        cards.add(card("welcome.need"), 2, 0);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            cards.getColumnConstraints().add(c);
        }
        Label steps = Controls.label("welcome.steps", Css.MUTED);
        Hyperlink recover = new Hyperlink(Messages.get("welcome.recover"));
        recover.setId("welcome-recover");
        recover.setMnemonicParsing(true);
        // reached with Alt+R; never the first focus, so Enter on this page still means Next
        recover.setFocusTraversable(false);
        recover.setOnAction(e -> vm.recover());
        Label recoverHint = Controls.label("welcome.recoverHint", Css.MUTED);
        recoverHint.setWrapText(true);
        VBox box = new VBox(20, cards, steps, new VBox(2, recover, recoverHint));
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private Node card(String key) {
        Label title = Controls.label(key + ".title", Css.CARD_TITLE);
        Label text = Controls.label(key + ".text");
        VBox card = new VBox(8, title, text);
        card.getStyleClass().add(Css.CARD);
        return card;
    }
}
