package org.openhaven.desktop.wizard;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.engine.DeployResult;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.ui.QrImages;

/** Links to every service, the first admin password (reveal, copy) and QR codes for the phone. */
public final class DonePage extends WizardPage {

    private final DoneViewModel vm;
    private final Consumer<String> openUrl;
    private final VBox content = new VBox(18);

    public DonePage(DoneViewModel vm, Consumer<String> openUrl) {
        super(WizardStep.DONE);
        this.vm = vm;
        this.openUrl = openUrl;
    }

    @Override
    protected Node body() {
        vm.resultProperty().addListener((o, was, now) -> render(now));
        render(vm.resultProperty().get());
        content.setPadding(new Insets(12, 0, 0, 0));
        return content;
    }

    /** "Your services": one link per service; also the recovery's last page. */
    public static VBox linksCard(java.util.List<DeployResult.Link> serviceLinks,
                                 java.util.function.Consumer<String> openUrl) {
        GridPane links = new GridPane();
        links.setHgap(16);
        links.setVgap(2);
        int row = 0;
        for (DeployResult.Link link : serviceLinks) {
            Hyperlink open = new Hyperlink(link.url());
            open.setId("link-" + link.id());
            open.setOnAction(e -> openUrl.accept(link.url()));
            Label name = new Label(link.name());
            name.setMinWidth(Label.USE_PREF_SIZE);
            links.addRow(row++, name, open);
        }
        VBox linksCard = new VBox(8, Controls.label("done.links", Css.CARD_TITLE), links);
        linksCard.getStyleClass().add(Css.CARD);
        return linksCard;
    }

    private void render(DeployResult result) {
        content.getChildren().clear();
        if (result == null) {
            return;
        }
        VBox linksCard = linksCard(result.serviceLinks(), openUrl);

        Label user = new Label(Messages.get("done.adminUser", result.adminUser()));
        Label password = Controls.bound(vm.passwordShownProperty(), Css.MONO);
        password.setId("admin-password");
        Button reveal = new Button(Messages.get("done.reveal"));
        reveal.setId("reveal-password");
        reveal.setMnemonicParsing(true);
        reveal.setOnAction(e -> {
            if (vm.revealedProperty().get()) {
                vm.hide();
                reveal.setText(Messages.get("done.reveal"));
            } else {
                vm.reveal();
                reveal.setText(Messages.get("done.hide"));
            }
        });
        Button copy = new Button(Messages.get("done.copy"));
        copy.setId("copy-password");
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> vm.copyPassword());
        HBox passwordRow = new HBox(10, password, reveal, copy);
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        VBox adminCard = new VBox(8, Controls.label("done.admin", Css.CARD_TITLE), user, passwordRow,
                Controls.label("done.copyHint", Css.MUTED));
        adminCard.getStyleClass().add(Css.CARD);

        FlowPane codes = new FlowPane(16, 16);
        for (DoneViewModel.QrCode code : vm.qrCodes()) {
            ImageView image = new ImageView(QrImages.render(code.payload(), 148));
            // Scale every code to the same size without smoothing, so modules stay crisp squares.
            image.setFitWidth(148);
            image.setFitHeight(148);
            image.setSmooth(false);
            Label caption = new Label(code.caption());
            caption.setWrapText(true);
            caption.setMaxWidth(148);
            caption.setMinHeight(40);
            VBox card = new VBox(6, image, caption);
            card.setAlignment(Pos.TOP_CENTER);
            card.setPrefWidth(176);
            card.getStyleClass().add(Css.QR_CARD);
            codes.getChildren().add(card);
        }
        HBox.setHgrow(linksCard, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(adminCard, javafx.scene.layout.Priority.ALWAYS);
        // the links are what the user came for: never cut short; the administrator card wraps its text instead
        linksCard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        content.getChildren().addAll(new HBox(16, linksCard, adminCard),
                Controls.label("done.phone", Css.SECTION_TITLE), codes);
    }
}
