package org.openhaven.desktop.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.openhaven.desktop.engine.DeployResult;
import org.openhaven.desktop.engine.VpnPeer;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.ui.SecretClipboard;

/**
 * The finished haven: links, the first admin password (hidden until revealed, copied with the clipboard
 * cleared later), and what the QR codes encode.
 */
public final class DoneViewModel implements PageViewModel {

    private static final String HIDDEN = "••••••••••••";

    private final SecretClipboard clipboard;
    private final ReadOnlyObjectWrapper<DeployResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper passwordShown = new ReadOnlyStringWrapper(HIDDEN);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);

    public DoneViewModel(SecretClipboard clipboard) {
        this.clipboard = clipboard;
    }

    public void show(DeployResult deployed) {
        result.set(deployed);
        hide();
    }

    public void reveal() {
        if (result.get() != null) {
            passwordShown.set(result.get().adminPassword().reveal());
            revealed.set(true);
        }
    }

    public void hide() {
        passwordShown.set(HIDDEN);
        revealed.set(false);
    }

    public void copyPassword() {
        if (result.get() != null) {
            clipboard.copy(result.get().adminPassword());
        }
    }

    /** One QR code to show: a caption and the text it encodes. */
    public record QrCode(String caption, String payload, boolean secret) {
    }

    /** A QR per WireGuard peer (its client config), plus the Nextcloud and Bitwarden apps when deployed. */
    public List<QrCode> qrCodes() {
        DeployResult done = result.get();
        if (done == null) {
            return List.of();
        }
        List<QrCode> codes = new ArrayList<>();
        for (VpnPeer peer : done.peers()) {
            codes.add(new QrCode(Messages.get("done.qr.peer", peer.name()), peer.clientConfig().reveal(), true));
        }
        for (DeployResult.Link link : done.serviceLinks()) {
            if (link.id().equals("nextcloud")) {
                codes.add(new QrCode(Messages.get("done.qr.nextcloud"), MobileLinks.nextcloud(link.url()), false));
            } else if (link.id().equals("vaultwarden")) {
                codes.add(new QrCode(Messages.get("done.qr.bitwarden"), MobileLinks.bitwarden(link.url()), false));
            }
        }
        return codes;
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeployResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordShownProperty() {
        return passwordShown.getReadOnlyProperty();
    }

    public ObservableBooleanValue revealedProperty() {
        return revealed.getReadOnlyProperty();
    }
}
