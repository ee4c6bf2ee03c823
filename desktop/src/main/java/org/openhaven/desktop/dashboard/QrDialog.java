package org.openhaven.desktop.dashboard;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.openhaven.desktop.engine.VpnPeer;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.ui.QrImages;

/** Shows one VPN peer's configuration as a QR code for the WireGuard phone app. */
public final class QrDialog {

    private QrDialog() {
    }

    public static void show(Window owner, VpnPeer peer) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("dashboard.peer.qrTitle", peer.name()));
        dialog.setHeaderText(Messages.get("dashboard.peer.qrTitle", peer.name()));
        StackPane box = new StackPane(new ImageView(QrImages.render(peer.clientConfig().reveal(), 280)));
        box.getStyleClass().add(Css.QR_CARD);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
