package org.openhaven.desktop.vault;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.secrets.Secret;

/** Asks for the vault passphrase; stays open with the error shown until the vault opens or the user skips. */
public final class PassphraseDialog {

    private PassphraseDialog() {
    }

    /**
     * Opens the haven's vault with the passphrase the keychain keeps for it, and shows the dialog only when there
     * is none or it no longer opens the vault (the dialog then says why).
     */
    public static void unlock(Window owner, VaultUnlockViewModel vm) {
        vm.askingProperty().addListener((o, was, now) -> {
            if (now) {
                show(owner, vm);
            }
        });
        vm.start();
    }

    private static void show(Window owner, VaultUnlockViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("vault.title"));
        dialog.setHeaderText(vm.header());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("vault-passphrase");
        CheckBox remember = new CheckBox(Messages.get("vault.remember"));
        remember.setMnemonicParsing(true);
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        Controls.show(remember, vm.canRemember());
        Label error = Controls.bound(vm.errorProperty(), Css.FIELD_ERROR);
        VBox content = new VBox(10, Controls.fieldLabel("vault.passphrase", passphrase), passphrase, remember,
                Controls.label(vm.hintKey(), Css.MUTED), error);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType unlock = new ButtonType(Messages.get("vault.unlock"), ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType(Messages.get("vault.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(unlock, later);
        dialog.getDialogPane().lookupButton(unlock).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.unlock(Secret.of(passphrase.getText()));
        });
        dialog.getDialogPane().lookupButton(unlock).disableProperty().bind(vm.busyProperty());
        vm.unlockedProperty().addListener((o, was, now) -> {
            if (now) {
                passphrase.clear();
                dialog.close();
            }
        });
        // focus only takes once the dialog's window is showing: typing goes straight into the passphrase field
        dialog.setOnShown(e -> passphrase.requestFocus());
        dialog.show();
    }
}
