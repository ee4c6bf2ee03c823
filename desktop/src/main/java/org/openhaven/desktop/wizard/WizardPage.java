package org.openhaven.desktop.wizard;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;

/** The shape every wizard page shares: a title, a one-line subtitle, and a scrollable body. */
public abstract class WizardPage {

    private final WizardStep step;
    private VBox root;

    protected WizardPage(WizardStep step) {
        this.step = step;
    }

    public final WizardStep step() {
        return step;
    }

    /** Builds the page once; later calls return the same node. */
    public final Node node() {
        if (root == null) {
            Label title = Controls.label(step.key() + ".title", Css.PAGE_TITLE);
            Label subtitle = Controls.label(step.key() + ".subtitle", Css.PAGE_SUBTITLE);
            ScrollPane scroll = new ScrollPane(body());
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("edge-to-edge");
            VBox.setVgrow(scroll, Priority.ALWAYS);
            root = new VBox(6, title, subtitle, scroll);
            root.getStyleClass().add(Css.PAGE);
            root.setId("page-" + step.name().toLowerCase(java.util.Locale.ROOT));
        }
        return root;
    }

    protected abstract Node body();

    /** The control that gets focus when the page is shown. */
    public Node initialFocus() {
        return null;
    }
}
