package org.openhaven.desktop.wizard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Messages;

/** The S3-compatible backup target and its "Test write" button. */
public final class BackupsPage extends WizardPage {

    private final BackupsViewModel vm;
    private CheckBox enabled;

    public BackupsPage(BackupsViewModel vm) {
        super(WizardStep.BACKUPS);
        this.vm = vm;
    }

    @Override
    protected Node body() {
        enabled = new CheckBox(Messages.get("backups.enabled"));
        enabled.setId("backups-enabled");
        enabled.setMnemonicParsing(true);
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        TextField endpoint = field("backup-endpoint", "backups.endpointPrompt");
        endpoint.textProperty().bindBidirectional(vm.endpointProperty());
        TextField region = field("backup-region", "backups.regionPrompt");
        region.textProperty().bindBidirectional(vm.regionProperty());
        TextField bucket = field("backup-bucket", "backups.bucketPrompt");
        bucket.textProperty().bindBidirectional(vm.bucketProperty());
        TextField access = field("backup-access", "backups.accessPrompt");
        access.textProperty().bindBidirectional(vm.accessKeyProperty());
        PasswordField secret = new PasswordField();
        secret.setId("backup-secret");
        secret.textProperty().bindBidirectional(vm.secretKeyProperty());
        Button test = new Button(Messages.get("backups.test"));
        test.setId("test-write");
        test.setMnemonicParsing(true);
        test.setOnAction(e -> vm.testWrite());
        test.disableProperty().bind(vm.canTestProperty().not());

        GridPane form = ServerPage.form();
        form.addRow(0, Controls.fieldLabel("backups.endpoint", endpoint), endpoint);
        form.addRow(1, Controls.fieldLabel("backups.region", region), region);
        form.addRow(2, Controls.fieldLabel("backups.bucket", bucket), bucket);
        form.addRow(3, Controls.fieldLabel("backups.access", access), access);
        form.addRow(4, Controls.fieldLabel("backups.secret", secret), secret);
        form.add(test, 1, 5);
        form.add(Controls.checkStatus(vm.check(), null, url -> { }), 1, 6);
        form.disableProperty().bind(vm.enabledProperty().not());
        VBox box = new VBox(16, enabled, form, Controls.label("backups.hint", org.openhaven.desktop.ui.Css.MUTED));
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private static TextField field(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(Messages.get(promptKey));
        return field;
    }

    @Override
    public Node initialFocus() {
        return enabled;
    }
}
