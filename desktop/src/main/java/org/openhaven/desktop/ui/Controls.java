package org.openhaven.desktop.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.wizard.CredentialCheck;

/** Small builders the views share, so every page looks and behaves the same. */
public final class Controls {

    private Controls() {
    }

    public static Label label(String key, String... styleClasses) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        return label;
    }

    public static Label bound(ObservableStringValue text, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        return label;
    }

    /** A label with a mnemonic that focuses {@code target}: "_Token" → Alt+T. */
    public static Label fieldLabel(String key, Node target) {
        Label label = new Label(Messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    /**
     * The outcome of a live check: "Checking…" while it runs, the result in green, or the error with its
     * remedy and a link to where the right credential is created.
     */
    public static Node checkStatus(CredentialCheck check, Supplier<String> helpUrlOrNull, Consumer<String> openUrl) {
        return checkStatus(check, helpUrlOrNull, openUrl, "check.helpLink");
    }

    /** As above, with the help link's text from {@code linkKey} (where the default speaks of tokens). */
    public static Node checkStatus(CredentialCheck check, Supplier<String> helpUrlOrNull, Consumer<String> openUrl,
                                   String linkKey) {
        // Spins only while a check runs (seconds, window in front); otherwise determinate, so it costs no CPU.
        ProgressIndicator spinner = new ProgressIndicator(0);
        spinner.setPrefSize(16, 16);
        Label checking = label("check.running", Css.MUTED);
        checking.setGraphic(spinner);
        Label passed = bound(check.resultProperty(), Css.STATUS_OK);
        Label error = bound(check.errorProperty(), Css.STATUS_ERROR);
        Label remedy = bound(check.remedyProperty(), Css.MUTED);
        VBox box = new VBox(4, checking, passed, error, remedy);
        Hyperlink help = new Hyperlink();
        if (helpUrlOrNull != null) {
            help.setText(Messages.get(linkKey));
            help.setOnAction(e -> openUrl.accept(helpUrlOrNull.get()));
            box.getChildren().add(help);
        }
        Runnable update = () -> {
            CredentialCheck.State s = check.stateProperty().get();
            show(checking, s == CredentialCheck.State.CHECKING);
            spinner.setProgress(s == CredentialCheck.State.CHECKING ? ProgressIndicator.INDETERMINATE_PROGRESS : 0);
            show(passed, s == CredentialCheck.State.PASSED);
            show(error, s == CredentialCheck.State.FAILED);
            show(remedy, s == CredentialCheck.State.FAILED && !check.remedyProperty().get().isEmpty());
            show(help, s == CredentialCheck.State.FAILED && helpUrlOrNull != null);
        };
        check.stateProperty().addListener((o, was, now) -> update.run());
        update.run();
        return box;
    }

    public static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
