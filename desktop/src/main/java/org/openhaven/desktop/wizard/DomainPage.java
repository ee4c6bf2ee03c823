package org.openhaven.desktop.wizard;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.openhaven.desktop.ui.Controls;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.dns.DnsRecord;

/** The domain, the owner, and the DNS provider with its token or the records to add by hand. */
public final class DomainPage extends WizardPage {

    private final DomainViewModel vm;
    private final Consumer<String> openUrl;
    private TextField domain;

    public DomainPage(DomainViewModel vm, Consumer<String> openUrl) {
        super(WizardStep.DOMAIN);
        this.vm = vm;
        this.openUrl = openUrl;
    }

    @Override
    protected Node body() {
        domain = new TextField();
        domain.setId("domain");
        domain.setPromptText(Messages.get("domain.prompt"));
        domain.textProperty().bindBidirectional(vm.domainProperty());
        Label domainError = Controls.bound(vm.domainProblemProperty(), Css.FIELD_ERROR);
        domainError.visibleProperty().bind(vm.domainProperty().isNotEmpty()
                .and(vm.domainProblemProperty().isNotEmpty()));
        domainError.managedProperty().bind(domainError.visibleProperty());
        TextField name = new TextField();
        name.setId("owner-name");
        name.textProperty().bindBidirectional(vm.ownerNameProperty());
        TextField email = new TextField();
        email.setId("owner-email");
        email.setPromptText(Messages.get("domain.emailPrompt"));
        email.textProperty().bindBidirectional(vm.ownerEmailProperty());

        ComboBox<String> dns = new ComboBox<>(FXCollections.observableArrayList(DomainViewModel.DNS_PROVIDERS));
        dns.setId("dns-provider");
        dns.valueProperty().bindBidirectional(vm.dnsProviderProperty());
        dns.setCellFactory(ServerPage.cells(id -> Messages.get("dns." + id)));
        dns.setButtonCell(dns.getCellFactory().call(null));
        dns.setMaxWidth(Double.MAX_VALUE);
        PasswordField token = new PasswordField();
        token.setId("dns-token");
        token.textProperty().bindBidirectional(vm.dnsTokenProperty());
        Button check = new Button(Messages.get("domain.check"));
        check.setId("check-dns");
        check.setMnemonicParsing(true);
        check.setOnAction(e -> vm.verify());
        check.disableProperty().bind(vm.dnsTokenProperty().isEmpty());
        token.setOnAction(e -> vm.verify());

        GridPane form = ServerPage.form();
        form.addRow(0, Controls.fieldLabel("domain.domain", domain), domain);
        form.add(domainError, 1, 1);
        form.addRow(2, Controls.fieldLabel("domain.ownerName", name), name);
        form.addRow(3, Controls.fieldLabel("domain.ownerEmail", email), email);
        form.addRow(4, Controls.fieldLabel("domain.dns", dns), dns);
        Label tokenLabel = Controls.fieldLabel("domain.token", token);
        form.addRow(5, tokenLabel, token, check);
        Node status = Controls.checkStatus(vm.check(),
                () -> Messages.get("dns.tokenPage." + vm.dnsProviderProperty().get()), openUrl);
        form.add(status, 1, 6, 2, 1);

        ObservableList<DnsRecord> records = FXCollections.observableArrayList();
        TableView<DnsRecord> table = new TableView<>(records);
        table.setId("records");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("domain.records.type", DnsRecord::type));
        table.getColumns().add(column("domain.records.name", DnsRecord::name));
        table.getColumns().add(column("domain.records.content", DnsRecord::content));
        table.setFixedCellSize(32);
        table.prefHeightProperty().bind(Bindings.size(records).multiply(32).add(44));
        Label recordsTitle = Controls.label("domain.records.title", Css.SECTION_TITLE);
        Label recordsHint = Controls.label("domain.records.hint", Css.MUTED);
        VBox manual = new VBox(8, recordsTitle, recordsHint, table);
        Runnable refresh = () -> {
            boolean isManual = vm.isManual();
            Controls.show(tokenLabel, !isManual);
            Controls.show(token, !isManual);
            Controls.show(check, !isManual);
            Controls.show(status, !isManual);
            Controls.show(manual, isManual);
            records.setAll(vm.recordsPreview(Messages.get("domain.records.serverAddress")));
        };
        vm.dnsProviderProperty().addListener((o, was, now) -> refresh.run());
        vm.domainProperty().addListener((o, was, now) -> refresh.run());
        refresh.run();
        VBox box = new VBox(20, form, manual);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private static TableColumn<DnsRecord, String> column(String key,
                                                         java.util.function.Function<DnsRecord, String> value) {
        TableColumn<DnsRecord, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    @Override
    public Node initialFocus() {
        return domain;
    }
}
