package org.openhaven.desktop.wizard;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.openhaven.desktop.engine.Choice;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Formats;
import org.openhaven.desktop.ui.FxClipboard;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;

/** Where the server runs: provider cards, the credential with a live check, then region and size. */
public final class ServerPage extends WizardPage {

    private final ServerViewModel vm;
    private final Consumer<String> openUrl;
    private final ToggleGroup providers = new ToggleGroup();
    private PasswordField token;

    public ServerPage(ServerViewModel vm, Consumer<String> openUrl) {
        super(WizardStep.SERVER);
        this.vm = vm;
        this.openUrl = openUrl;
    }

    @Override
    protected Node body() {
        HBox choices = new HBox(12);
        for (Choice choice : Choice.values()) {
            RadioButton button = new RadioButton(Messages.get("server.choice." + choice.name().toLowerCase()));
            button.setMnemonicParsing(true);
            button.setUserData(choice);
            button.setToggleGroup(providers);
            button.getStyleClass().add(Css.CHOICE_CARD);
            button.setId("provider-" + choice.name().toLowerCase());
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
            button.setSelected(choice == vm.providerProperty().get());
            choices.getChildren().add(button);
        }
        providers.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.providerProperty().set((Choice) now.getUserData());
            }
        });
        // and back: a choice made by the view-model (a restored wizard, a test) shows as the selected card
        vm.providerProperty().addListener((o, was, now) -> providers.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        Node cloud = cloudForm();
        Node existing = existingForm();
        Runnable swap = () -> {
            Controls.show(cloud, vm.providerProperty().get().isCloud());
            Controls.show(existing, !vm.providerProperty().get().isCloud());
        };
        vm.providerProperty().addListener((o, was, now) -> swap.run());
        swap.run();
        VBox box = new VBox(20, choices, cloud, existing);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private Node cloudForm() {
        token = new PasswordField();
        token.setId("token");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.promptTextProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("server.tokenPrompt." + vm.providerProperty().get().name().toLowerCase()),
                vm.providerProperty()));
        PasswordField awsSecret = new PasswordField();
        awsSecret.setId("aws-secret");
        awsSecret.textProperty().bindBidirectional(vm.awsSecretProperty());
        awsSecret.setPromptText(Messages.get("server.awsSecretPrompt"));
        Button check = checkButton("check-token", "server.check", vm.tokenProperty(), vm.awsSecretProperty());
        token.setOnAction(e -> vm.verify());

        ComboBox<Region> region = new ComboBox<>(vm.regions());
        region.setId("region");
        region.valueProperty().bindBidirectional(vm.regionProperty());
        region.setCellFactory(cells(r -> r.displayName() + "  ·  " + r.id()));
        region.setButtonCell(region.getCellFactory().call(null));
        region.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ServerType> size = new ComboBox<>(vm.sizes());
        size.setId("size");
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        size.setCellFactory(cells(Formats::serverType));
        size.setButtonCell(size.getCellFactory().call(null));
        size.setMaxWidth(Double.MAX_VALUE);
        region.disableProperty().bind(Bindings.isEmpty(vm.regions()));
        size.disableProperty().bind(Bindings.isEmpty(vm.sizes()));

        GridPane form = form();
        Label tokenLabel = Controls.fieldLabel("server.token", token);
        form.addRow(0, tokenLabel, token, check);
        Label secretLabel = Controls.fieldLabel("server.awsSecret", awsSecret);
        form.addRow(1, secretLabel, awsSecret);
        Runnable aws = () -> {
            boolean isAws = vm.providerProperty().get() == Choice.AWS;
            Controls.show(secretLabel, isAws);
            Controls.show(awsSecret, isAws);
        };
        vm.providerProperty().addListener((o, was, now) -> aws.run());
        aws.run();
        form.add(Controls.checkStatus(vm.check(), () -> vm.providerProperty().get().tokenPage(), openUrl), 1, 2, 2, 1);
        form.addRow(3, Controls.fieldLabel("server.region", region), region);
        form.addRow(4, Controls.fieldLabel("server.size", size), size);
        return form;
    }

    /**
     * The login, the haven's key line with the command that adds it (both copyable), and "Check connection", which
     * logs in with the key; Next waits for a passing check, as it does for a cloud token.
     */
    private Node existingForm() {
        TextField host = new TextField();
        host.setId("host");
        host.setPromptText(Messages.get("server.hostPrompt"));
        host.textProperty().bindBidirectional(vm.hostProperty());
        TextField port = new TextField();
        port.setId("port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(vm.portProperty());
        TextField user = new TextField();
        user.setId("user");
        user.textProperty().bindBidirectional(vm.userProperty());
        TextField line = copyable("key-line", vm.keyLineProperty());
        TextField command = copyable("add-key-command", vm.addKeyCommandProperty());
        Button copyLine = copyButton("copy-key-line", "server.copyKeyLine", vm.keyLineProperty());
        Button copyCommand = copyButton("copy-add-key-command", "server.copyCommand", vm.addKeyCommandProperty());
        Button check = checkButton("check-server", "server.checkConnection", vm.hostProperty(), vm.portProperty(),
                vm.userProperty(), vm.keyLineProperty());

        GridPane form = form();
        form.addRow(0, Controls.fieldLabel("server.host", host), host);
        form.addRow(1, Controls.fieldLabel("server.port", port), port);
        form.addRow(2, Controls.fieldLabel("server.user", user), user);
        Label intro = Controls.label("server.keyIntro");
        intro.setWrapText(true);
        form.add(intro, 1, 3, 2, 1);
        form.addRow(4, Controls.fieldLabel("server.keyLine", line), line, copyLine);
        form.addRow(5, Controls.fieldLabel("server.addKeyCommand", command), command, copyCommand);
        form.add(check, 1, 6);
        form.add(Controls.checkStatus(vm.check(), Choice.EXISTING::tokenPage, openUrl, "server.existingHelpLink"),
                1, 7, 2, 1);
        Label hint = Controls.label("server.existingHint", Css.MUTED);
        hint.setWrapText(true);
        form.add(hint, 1, 8, 2, 1);
        return form;
    }

    /** The live check's button: enabled while the inputs can be checked and no check runs; changes to them count. */
    private Button checkButton(String id, String key, javafx.beans.Observable... inputs) {
        Button check = new Button(Messages.get(key));
        check.setId(id);
        check.setMnemonicParsing(true);
        check.setOnAction(e -> vm.verify());
        java.util.List<javafx.beans.Observable> dependencies = new java.util.ArrayList<>(java.util.List.of(inputs));
        dependencies.add(vm.providerProperty());
        dependencies.add(vm.check().stateProperty());
        check.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canCheck()
                        || vm.check().stateProperty().get() == CredentialCheck.State.CHECKING,
                dependencies.toArray(javafx.beans.Observable[]::new)));
        return check;
    }

    /** A read-only one-line field showing {@code text}, selectable so it can also be copied by hand. */
    private static TextField copyable(String id, javafx.beans.value.ObservableStringValue text) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add(Css.MONO);
        field.textProperty().bind(text);
        return field;
    }

    /** Puts {@code text} on the clipboard: a public key and a shell command, nothing secret. */
    private static Button copyButton(String id, String key, javafx.beans.value.ObservableStringValue text) {
        Button copy = new Button(Messages.get(key));
        copy.setId(id);
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> new FxClipboard().put(text.get()));
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> text.get().isEmpty(), text));
        return copy;
    }

    static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.getStyleClass().add(Css.FORM);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints(150);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    static <T> Callback<javafx.scene.control.ListView<T>, ListCell<T>> cells(java.util.function.Function<T, String> text) {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    @Override
    public Node initialFocus() {
        return token;
    }
}
