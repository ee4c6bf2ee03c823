package org.openhaven.desktop.dashboard;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.engine.VpnPeer;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.vault.SavedPassphraseViewModel;

/** The dashboard window's content. */
public final class DashboardView {

    private final DashboardViewModel vm;
    private final Consumer<String> openUrl;
    private final Consumer<VpnPeer> showQr;
    private final Runnable applyChanges;
    private final SavedPassphraseViewModel savedPassphrase;

    public DashboardView(DashboardViewModel vm, Consumer<String> openUrl, Consumer<VpnPeer> showQr,
                         Runnable applyChanges) {
        this(vm, openUrl, showQr, applyChanges, null);
    }

    /** @param savedPassphrase the vault menu's "forget the saved passphrase"; null or without a keychain: no menu */
    public DashboardView(DashboardViewModel vm, Consumer<String> openUrl, Consumer<VpnPeer> showQr,
                         Runnable applyChanges, SavedPassphraseViewModel savedPassphrase) {
        this.savedPassphrase = savedPassphrase;
        this.vm = vm;
        this.openUrl = openUrl;
        this.showQr = showQr;
        this.applyChanges = applyChanges;
    }

    public Parent node() {
        Label title = new Label();
        title.getStyleClass().add(Css.PAGE_TITLE);
        Label overall = new Label();
        // the haven as the user knows it (its domain, as in the switcher); its name until the havens are read
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            HavenRef shown = vm.havens().selectedProperty().get();
            HavenStatus status = vm.statusProperty().get();
            return shown != null ? shown.label() : status == null ? "" : status.havenName();
        }, vm.havens().selectedProperty(), vm.statusProperty()));
        vm.statusProperty().addListener((o, was, now) -> {
            org.openhaven.desktop.tray.TrayStatus state = org.openhaven.desktop.tray.TrayStatus.of(now);
            overall.setText("● " + Messages.get("tray.status." + state.name().toLowerCase(java.util.Locale.ROOT)));
            overall.getStyleClass().removeAll(Css.STATUS_OK, Css.STATUS_WARN, Css.STATUS_ERROR);
            overall.getStyleClass().add(switch (state) {
                case OK -> Css.STATUS_OK;
                case DOWN -> Css.STATUS_ERROR;
                default -> Css.STATUS_WARN;
            });
        });
        Button refresh = new Button(Messages.get("dashboard.refresh"));
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> vm.refresh());
        Button apply = new Button(Messages.get("dashboard.applyChanges"));
        apply.setId("apply-changes");
        apply.setMnemonicParsing(true);
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> applyChanges.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(2, title, overall), spacer, havenSwitcher(), vaultMenu(), refresh, apply);
        header.setAlignment(Pos.CENTER_LEFT);
        Label error = Controls.bound(vm.errorProperty(), Css.FIELD_ERROR);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox backup = new VBox(4, Controls.label("dashboard.backup", Css.CARD_TITLE),
                Controls.bound(vm.lastBackupProperty()));
        backup.getStyleClass().add(Css.CARD);
        VBox servicesCard = new VBox(8, Controls.label("dashboard.services", Css.CARD_TITLE), servicesTable());
        servicesCard.getStyleClass().add(Css.CARD);
        HBox.setHgrow(servicesCard, Priority.ALWAYS);
        VBox side = new VBox(16, backup, peersCard());
        side.setPrefWidth(330);
        side.setMinWidth(330);
        HBox middle = new HBox(16, servicesCard, side);

        TextArea log = new TextArea();
        log.setEditable(false);
        log.getStyleClass().add(Css.LOG);
        log.setPrefRowCount(6);
        VBox.setVgrow(log, Priority.ALWAYS);
        vm.log().addListener((ListChangeListener<String>) c -> log.setText(String.join("\n", vm.log())));
        VBox logCard = new VBox(8, Controls.label("dashboard.log", Css.CARD_TITLE), log);
        logCard.getStyleClass().add(Css.CARD);
        VBox.setVgrow(logCard, Priority.ALWAYS);

        VBox content = new VBox(16, header, error, middle, logCard);

        content.getStyleClass().add(Css.DASHBOARD);
        BorderPane root = new BorderPane(content);
        root.getStyleClass().add(Css.ROOT);
        return root;
    }

    /**
     * The vault menu, with "Forget the saved passphrase" for the haven shown, enabled while the keychain keeps its
     * passphrase; hidden on a computer without a keychain.
     */
    private Node vaultMenu() {
        MenuButton menu = new MenuButton(Messages.get("dashboard.vault"));
        menu.setId("vault-menu");
        menu.setMnemonicParsing(true);
        if (savedPassphrase == null || !savedPassphrase.available()) {
            menu.setVisible(false);
            menu.setManaged(false);
            return menu;
        }
        MenuItem forget = new MenuItem(Messages.get("dashboard.forgetPassphrase"));
        forget.setId("forget-passphrase");
        forget.setMnemonicParsing(true);
        forget.disableProperty().bind(savedPassphrase.savedProperty().not());
        forget.setOnAction(e -> savedPassphrase.forget());
        menu.getItems().add(forget);
        menu.setOnShowing(e -> savedPassphrase.refresh());
        savedPassphrase.show(vm.havens().selectedProperty().get());
        vm.havens().selectedProperty().addListener((o, was, now) -> savedPassphrase.show(now));
        savedPassphrase.toldProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, now);
                alert.initOwner(menu.getScene().getWindow());
                alert.setHeaderText(null);
                alert.show();
            }
        });
        return menu;
    }

    /** A combo box of the havens, shown only when there is more than one; Alt+H focuses it. */
    private HBox havenSwitcher() {
        HavenSwitcher switcher = vm.havens();
        ComboBox<HavenRef> havens = new ComboBox<>(switcher.havens());
        havens.setId("haven-switcher");
        havens.setTooltip(new Tooltip(Messages.get("dashboard.haven.tooltip")));
        havens.setValue(switcher.selectedProperty().get());
        switcher.selectedProperty().addListener((o, was, now) -> havens.setValue(now));
        havens.setOnAction(e -> switcher.switchTo(havens.getValue()));
        HBox box = new HBox(6, Controls.fieldLabel("dashboard.haven", havens), havens);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(switcher.severalProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableView<ServiceHealth> servicesTable() {
        TableView<ServiceHealth> table = new TableView<>(vm.services());
        table.setId("services-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ServiceHealth, String> name = new TableColumn<>(Messages.get("dashboard.service"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<ServiceHealth, ServiceHealth.State> health = new TableColumn<>(Messages.get("dashboard.health"));
        health.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().state()));
        health.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ServiceHealth.State state, boolean empty) {
                super.updateItem(state, empty);
                getStyleClass().removeAll(Css.STATUS_OK, Css.STATUS_WARN, Css.STATUS_ERROR);
                if (empty || state == null) {
                    setText(null);
                    return;
                }
                setText("● " + Messages.get("dashboard.health." + state.name().toLowerCase()));
                getStyleClass().add(switch (state) {
                    case UP -> Css.STATUS_OK;
                    case DEGRADED, UNKNOWN -> Css.STATUS_WARN;
                    case DOWN -> Css.STATUS_ERROR;
                });
            }
        });
        TableColumn<ServiceHealth, String> cert = new TableColumn<>(Messages.get("dashboard.cert"));
        cert.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.certificateText(c.getValue())));
        TableColumn<ServiceHealth, String> open = new TableColumn<>(Messages.get("dashboard.open"));
        open.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().url()));
        open.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String url, boolean empty) {
                super.updateItem(url, empty);
                if (empty || url == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(url.replaceFirst("^https://", ""));
                link.setOnAction(e -> openUrl.accept(url));
                setGraphic(link);
            }
        });
        name.setMinWidth(120);
        health.setMinWidth(120);
        cert.setMinWidth(170);
        open.setMinWidth(200);
        table.getColumns().addAll(java.util.List.of(name, health, cert, open));
        table.setFixedCellSize(36);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(vm.services()).multiply(36).add(44));
        table.setMinHeight(150);
        return table;
    }

    private VBox peersCard() {
        VBox list = new VBox(6);
        Runnable rebuild = () -> {
            list.getChildren().clear();
            for (VpnPeer peer : vm.peers()) {
                Label name = new Label(peer.name());
                Label address = new Label(peer.address());
                address.getStyleClass().addAll(Css.MUTED, Css.MONO);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button qr = new Button(Messages.get("dashboard.peer.qr"));
                qr.getStyleClass().add("flat");
                qr.setOnAction(e -> showQr.accept(peer));
                Button remove = new Button(Messages.get("dashboard.peer.remove"));
                remove.getStyleClass().addAll("flat", "danger");
                remove.setOnAction(e -> vm.removePeer(peer));
                HBox row = new HBox(8, new VBox(0, name, address), spacer, qr, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(row);
            }
        };
        vm.peers().addListener((ListChangeListener<VpnPeer>) c -> rebuild.run());
        rebuild.run();
        TextField name = new TextField();
        name.setPromptText(Messages.get("dashboard.peer.prompt"));
        name.textProperty().bindBidirectional(vm.newPeerNameProperty());
        name.setOnAction(e -> vm.addPeer());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button add = new Button(Messages.get("dashboard.peer.add"));
        add.setMnemonicParsing(true);
        add.setOnAction(e -> vm.addPeer());
        add.disableProperty().bind(vm.newPeerNameProperty().isEmpty());
        VBox card = new VBox(10, Controls.label("dashboard.peers", Css.CARD_TITLE), list, new HBox(8, name, add));
        card.getStyleClass().add(Css.CARD);
        return card;
    }
}
