package org.openhaven.desktop.recovery;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.RecoveryNeeds;
import org.openhaven.desktop.engine.RecoveryResult;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.wizard.CredentialCheck;
import org.openhaven.desktop.wizard.DeployPage;
import org.openhaven.desktop.wizard.DeployViewModel;
import org.openhaven.desktop.wizard.DonePage;

/**
 * "Restore a haven from its recovery kit": pick the kit, give what this computer lacks, confirm, watch the new
 * server being built and the data restored, then the haven's links. One window, reached from the welcome page and
 * the dashboard.
 */
public final class RecoveryDialog {

    /** Which file the user is asked for. */
    public enum FileKind { KIT, SPEC }

    /** Asks the user for a file; empty when they cancel. The app uses a FileChooser, tests hand files in. */
    @FunctionalInterface
    public interface FilePicker {
        Optional<Path> pick(FileKind kind);
    }

    private final RecoveryViewModel vm;
    private final Consumer<String> openUrl;
    private final FilePicker files;
    private final Runnable close;
    private final BorderPane root = new BorderPane();

    /**
     * @param close closes the window; after a recovery the caller shows the recovered haven
     */
    public RecoveryDialog(RecoveryViewModel vm, Consumer<String> openUrl, FilePicker files, Runnable close) {
        this.vm = vm;
        this.openUrl = openUrl;
        this.files = files;
        this.close = close;
    }

    /**
     * Opens the dialog over {@code owner}.
     *
     * @param onRecovered runs when the window closes after a finished recovery (show the dashboard)
     */
    public static void show(Window owner, EngineGateway engine, Async async, Consumer<String> openUrl,
                            Runnable onRecovered) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("recovery.window"));
        RecoveryViewModel vm = new RecoveryViewModel(engine, async);
        RecoveryDialog dialog = new RecoveryDialog(vm, openUrl, kind -> choose(stage, kind), stage::close);
        stage.setScene(DesktopShell.scene(dialog.node()));
        stage.setOnCloseRequest(e -> {
            if (!vm.canClose()) {
                e.consume(); // Cancel first: the run stops between steps and Retry continues later
            }
        });
        stage.setOnHidden(e -> {
            if (vm.resultProperty().get() != null) {
                onRecovered.run();
            }
        });
        stage.setWidth(860);
        stage.setHeight(660);
        stage.show();
    }

    private static Optional<Path> choose(Window owner, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(kind == FileKind.KIT ? "recovery.kit.choose" : "recovery.spec.choose")
                .replace("_", ""));
        if (kind == FileKind.SPEC) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("recovery.spec.filter"),
                    "*.yaml", "*.yml"));
        }
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    public Parent node() {
        Label title = new Label();
        title.getStyleClass().add(Css.PAGE_TITLE);
        Label subtitle = new Label();
        subtitle.getStyleClass().add(Css.PAGE_SUBTITLE);
        subtitle.setWrapText(true);
        VBox header = new VBox(6, title, subtitle);

        Node kit = kitPage();
        Node details = detailsPage();
        Node confirm = confirmPage();
        Node progress = DeployPage.progress(vm.progress());
        VBox done = new VBox(16);
        vm.resultProperty().addListener((o, was, now) -> renderDone(done, now));

        Button back = new Button(Messages.get("recovery.back"));
        back.setId("recovery-back");
        back.setMnemonicParsing(true);
        back.setOnAction(e -> vm.back());
        Button next = new Button();
        next.setId("recovery-next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        Button closeButton = new Button(Messages.get("recovery.close"));
        closeButton.setId("recovery-close");
        closeButton.setMnemonicParsing(true);
        closeButton.setOnAction(e -> close.run());
        closeButton.disableProperty().bind(vm.progress().phaseProperty().isEqualTo(DeployViewModel.Phase.RUNNING));
        HBox buttons = new HBox(10, back, next, closeButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add(Css.BUTTON_BAR);

        Runnable render = () -> {
            RecoveryViewModel.Step step = vm.stepProperty().get();
            String key = "recovery." + step.name().toLowerCase(java.util.Locale.ROOT);
            title.setText(Messages.get(key + ".title"));
            subtitle.setText(Messages.get(key + ".subtitle"));
            Node body = switch (step) {
                case KIT -> kit;
                case DETAILS -> details;
                case CONFIRM -> confirm;
                case PROGRESS -> progress;
                case DONE -> done;
            };
            ScrollPane scroll = new ScrollPane(body);
            scroll.setFitToWidth(true);
            scroll.setFitToHeight(step == RecoveryViewModel.Step.PROGRESS);
            scroll.getStyleClass().add("edge-to-edge");
            VBox page = new VBox(12, header, scroll);
            VBox.setVgrow(scroll, Priority.ALWAYS);
            page.getStyleClass().add(Css.PAGE);
            root.setCenter(page);
            boolean asking = step == RecoveryViewModel.Step.DETAILS || step == RecoveryViewModel.Step.CONFIRM;
            Controls.show(back, asking);
            Controls.show(next, step.ordinal() <= RecoveryViewModel.Step.CONFIRM.ordinal());
            next.setText(Messages.get(step == RecoveryViewModel.Step.CONFIRM ? "recovery.start" : "recovery.next"));
            next.disableProperty().unbind();
            if (step == RecoveryViewModel.Step.CONFIRM) {
                next.setDisable(false);
                next.setOnAction(e -> vm.recover());
            } else {
                next.disableProperty().bind(vm.canContinue().not());
                next.setOnAction(e -> vm.next());
            }
            closeButton.setText(Messages.get(step == RecoveryViewModel.Step.DONE ? "recovery.finish"
                    : "recovery.close"));
            closeButton.setCancelButton(step != RecoveryViewModel.Step.PROGRESS);
        };
        vm.stepProperty().addListener((o, was, now) -> render.run());
        render.run();
        root.setBottom(buttons);
        root.getStyleClass().add(Css.ROOT);
        return root;
    }

    private Node kitPage() {
        Button choose = new Button(Messages.get("recovery.kit.choose"));
        choose.setId("choose-kit");
        choose.setMnemonicParsing(true);
        choose.setOnAction(e -> files.pick(FileKind.KIT).ifPresent(vm::chooseKit));
        Label path = fileName(vm.kitFileProperty());
        HBox row = new HBox(12, choose, path);
        row.setAlignment(Pos.CENTER_LEFT);
        Label where = Controls.label("recovery.kit.where", Css.MUTED);
        where.setWrapText(true);
        VBox box = new VBox(12, where, row, Controls.checkStatus(vm.kitCheck(), null, openUrl));
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private static Label fileName(javafx.beans.value.ObservableValue<Path> file) {
        Label label = new Label();
        label.getStyleClass().add(Css.MONO);
        // the name, as the user picked it; the whole path on hover
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> file.getValue() == null ? "" : String.valueOf(file.getValue().getFileName()), file));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> file.getValue() == null ? "" : file.getValue().toString(), file));
        label.setTooltip(tip);
        return label;
    }

    private Node detailsPage() {
        // the spec
        Button chooseSpec = new Button(Messages.get("recovery.spec.choose"));
        chooseSpec.setId("choose-spec");
        chooseSpec.setMnemonicParsing(true);
        chooseSpec.setOnAction(e -> files.pick(FileKind.SPEC).ifPresent(vm::chooseSpec));
        HBox specRow = new HBox(12, chooseSpec, fileName(vm.specFileProperty()));
        specRow.setAlignment(Pos.CENTER_LEFT);
        Label specWhy = new Label();
        specWhy.setWrapText(true);
        VBox spec = section("recovery.spec.title", specWhy, specRow,
                Controls.checkStatus(vm.specCheck(), null, openUrl));

        // the storage keys
        TextField keyId = new TextField();
        keyId.setId("storage-key-id");
        keyId.textProperty().bindBidirectional(vm.storageKeyIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("storage-secret");
        secret.textProperty().bindBidirectional(vm.storageSecretProperty());
        GridPane keyForm = form();
        keyForm.add(Controls.fieldLabel("recovery.storage.keyId", keyId), 0, 0);
        keyForm.add(keyId, 1, 0);
        keyForm.add(Controls.fieldLabel("recovery.storage.secret", secret), 0, 1);
        keyForm.add(secret, 1, 1);
        Button checkKeys = checkButton("check-storage", vm::checkStorage);
        checkKeys.disableProperty().bind(vm.storageKeyIdProperty().isEmpty().or(vm.storageSecretProperty().isEmpty()));
        keyForm.add(checkKeys, 2, 1);
        Label keysWhy = Controls.label("recovery.storage.why", Css.MUTED);
        keysWhy.setWrapText(true);
        VBox storage = section("recovery.storage.title", keysWhy, keyForm,
                Controls.checkStatus(vm.storageCheck(), null, openUrl));

        // the tokens
        VBox cloud = tokenSection("recovery.cloud.title", "cloud-token", vm.cloudTokenProperty(), vm::checkCloud,
                vm.cloudCheck(), true);
        VBox dns = tokenSection("recovery.dns.title", "dns-token", vm.dnsTokenProperty(), vm::checkDns,
                vm.dnsCheck(), false);

        Label nothing = Controls.label("recovery.details.nothing", Css.MUTED);
        Runnable update = () -> {
            RecoveryNeeds needs = vm.needsProperty().get();
            boolean specShown = needs != null && (needs.specNeeded() || vm.specFileProperty().get() != null);
            Controls.show(spec, specShown);
            if (needs != null) {
                specWhy.setText(Messages.get("recovery.spec.why", needs.havenId()));
            }
            Controls.show(storage, needs != null && needs.storageKeysNeeded());
            Controls.show(cloud, needs != null && needs.cloudToken() != null);
            Controls.show(dns, needs != null && needs.dnsProvider() != null);
            Controls.show(nothing, needs != null && !specShown && needs.complete());
        };
        vm.needsProperty().addListener((o, was, now) -> update.run());
        vm.specFileProperty().addListener((o, was, now) -> update.run());
        update.run();
        VBox box = new VBox(16, spec, storage, cloud, dns, nothing);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private VBox tokenSection(String titleKey, String id, javafx.beans.property.StringProperty value, Runnable check,
                              CredentialCheck status, boolean cloud) {
        PasswordField token = new PasswordField();
        token.setId(id);
        token.textProperty().bindBidirectional(value);
        Label label = new Label();
        label.setLabelFor(token);
        Button checkButton = checkButton("check-" + id, check);
        checkButton.disableProperty().bind(value.isEmpty());
        GridPane form = form();
        form.add(label, 0, 0);
        form.add(token, 1, 0);
        form.add(checkButton, 2, 0);
        Label why = new Label();
        why.getStyleClass().add(Css.MUTED);
        why.setWrapText(true);
        Runnable name = () -> {
            RecoveryNeeds needs = vm.needsProperty().get();
            String providerId = needs == null ? null : cloud
                    ? (needs.cloudToken() == null ? null : needs.cloudToken().name().toLowerCase(java.util.Locale.ROOT))
                    : needs.dnsProvider();
            if (providerId == null) {
                return;
            }
            String provider = Messages.get((cloud ? "server.choice." : "dns.") + providerId).replace("_", "");
            label.setText(Messages.get("recovery.token.label", provider));
            boolean pair = providerId.equals("aws") || providerId.equals("route53");
            why.setText(Messages.get("recovery.token.why", provider)
                    + (pair ? " " + Messages.get("recovery.token.pair") : ""));
        };
        vm.needsProperty().addListener((o, was, now) -> name.run());
        name.run();
        Node statusNode = Controls.checkStatus(status, cloud ? () -> vm.needsProperty().get().cloudToken().tokenPage()
                : () -> Messages.get("dns.tokenPage." + vm.needsProperty().get().dnsProvider()), openUrl);
        return section(titleKey, why, form, statusNode);
    }

    private static Button checkButton(String id, Runnable action) {
        Button button = new Button(Messages.get("recovery.check"));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.getStyleClass().add(Css.FORM);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(170);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    private static VBox section(String titleKey, Node... content) {
        VBox box = new VBox(8, Controls.label(titleKey, Css.CARD_TITLE));
        box.getChildren().addAll(content);
        box.getStyleClass().add(Css.CARD);
        return box;
    }

    private Node confirmPage() {
        Label what = new Label();
        what.setId("recovery-confirmation");
        what.setWrapText(true);
        what.getStyleClass().add(Css.CALLOUT_WARNING);
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.needsProperty().get() == null ? "" : vm.needsProperty().get().confirmation(),
                vm.needsProperty()));
        Label resume = Controls.label("recovery.confirm.resume", Css.MUTED);
        resume.setWrapText(true);
        VBox box = new VBox(12, what, resume);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void renderDone(VBox done, RecoveryResult result) {
        done.getChildren().clear();
        if (result == null) {
            return;
        }
        Label restored = new Label(Messages.get("recovery.done.restored", result.domain(), result.snapshot()));
        restored.getStyleClass().add(Css.STATUS_OK);
        restored.setWrapText(true);
        done.getChildren().addAll(restored, DonePage.linksCard(result.serviceLinks(), openUrl));
        VBox old = section("recovery.done.oldServer");
        if (result.notes().isEmpty()) {
            Label none = Controls.label("recovery.done.noOldServer", Css.MUTED);
            none.setWrapText(true);
            old.getChildren().add(none);
        }
        for (String note : result.notes()) {
            Label line = new Label(note);
            line.setWrapText(true);
            old.getChildren().add(line);
        }
        done.getChildren().add(old);
        done.setPadding(new Insets(12, 0, 0, 0));
    }
}
