package org.openhaven.desktop.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.openhaven.desktop.engine.CatalogEntry;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;

/**
 * Which services to run. Dependencies are resolved by the engine and shown as added automatically; their
 * memory counts toward the total, which is compared with the chosen server's memory. The mail server is a switch
 * of its own (the spec's {@code mail: true}, which also opens its ports and publishes its DNS records), offered
 * when the catalog has it; its memory counts too.
 */
public final class ServicesViewModel implements PageViewModel {

    /** The catalog's mail server: not a selectable service, but the spec's mail switch. */
    static final String MAIL_ID = "mail";

    private final EngineGateway engine;
    private final Async async;
    private final IntSupplier serverMemoryMb;
    private final ObservableList<CatalogEntry> selectable = FXCollections.observableArrayList();
    private final List<CatalogEntry> all = new ArrayList<>();
    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableList<String> autoAdded = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper totalMemoryMb = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper availableMemoryMb = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final BooleanProperty mail = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper mailAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper mailHost = new ReadOnlyStringWrapper("");
    private final Supplier<String> domain;
    private final BooleanBinding complete;
    private List<String> resolved = List.of();

    public ServicesViewModel(EngineGateway engine, Async async, IntSupplier serverMemoryMb) {
        this(engine, async, serverMemoryMb, () -> "");
    }

    /** @param domain the haven's domain as typed on the domain page, for the mail server's host name */
    public ServicesViewModel(EngineGateway engine, Async async, IntSupplier serverMemoryMb, Supplier<String> domain) {
        this.engine = engine;
        this.async = async;
        this.serverMemoryMb = serverMemoryMb;
        this.domain = domain;
        selected.addListener((javafx.collections.SetChangeListener<String>) change -> recompute());
        mail.addListener((o, was, now) -> recompute());
        complete = Bindings.createBooleanBinding(() -> !selected.isEmpty() && fits(),
                selected, totalMemoryMb, availableMemoryMb);
    }

    @Override
    public void entered() {
        availableMemoryMb.set(serverMemoryMb.getAsInt());
        String apex = domain.get();
        mailHost.set(apex == null || apex.isBlank() ? "" : MAIL_ID + "." + apex);
        if (all.isEmpty()) {
            async.run(engine::catalog, this::catalogLoaded, e -> loadError.set(e.userMessage()));
        } else {
            recompute();
        }
    }

    private void catalogLoaded(List<CatalogEntry> entries) {
        all.clear();
        all.addAll(entries);
        selectable.setAll(entries.stream().filter(CatalogEntry::selectable).filter(e -> !e.id().equals(MAIL_ID))
                .toList());
        mailAvailable.set(entries.stream().anyMatch(e -> e.id().equals(MAIL_ID)));
        if (selected.isEmpty()) {
            // A sensible start: the password manager and files, the two things most people come for.
            selectable.stream().map(CatalogEntry::id).filter(id -> id.equals("vaultwarden") || id.equals("nextcloud"))
                    .forEach(selected::add);
        }
        recompute();
    }

    public void toggle(String id, boolean on) {
        if (on) {
            selected.add(id);
        } else {
            selected.remove(id);
        }
    }

    private void recompute() {
        if (all.isEmpty()) {
            return;
        }
        resolved = selected.isEmpty() ? List.of() : engine.resolve(List.copyOf(selected));
        Set<String> extra = new LinkedHashSet<>(resolved);
        extra.removeAll(selected);
        autoAdded.setAll(extra);
        totalMemoryMb.set(resolved.stream().mapToInt(this::memoryOf).sum() + (mail.get() ? mailMemoryMb() : 0));
    }

    /** The mail server's memory from the catalog; 0 when the catalog has no mail server. */
    public int mailMemoryMb() {
        return memoryOf(MAIL_ID);
    }

    private int memoryOf(String id) {
        return all.stream().filter(e -> e.id().equals(id)).mapToInt(CatalogEntry::memoryMb).findFirst().orElse(0);
    }

    public String nameOf(String id) {
        return all.stream().filter(e -> e.id().equals(id)).map(CatalogEntry::name).findFirst().orElse(id);
    }

    /** True when the services fit the server; an existing server's memory is unknown, so it always fits here. */
    public boolean fits() {
        int available = availableMemoryMb.get();
        return available == 0 || totalMemoryMb.get() <= available;
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public ObservableList<CatalogEntry> selectable() {
        return selectable;
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    public ObservableList<String> autoAdded() {
        return autoAdded;
    }

    public List<String> resolved() {
        return resolved;
    }

    public ReadOnlyIntegerProperty totalMemoryMbProperty() {
        return totalMemoryMb.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty availableMemoryMbProperty() {
        return availableMemoryMb.getReadOnlyProperty();
    }

    /** On: the haven runs its own mail server ({@code mail: true} in the spec). */
    public BooleanProperty mailProperty() {
        return mail;
    }

    /** True once the catalog is loaded and has a mail server. */
    public ReadOnlyBooleanProperty mailAvailableProperty() {
        return mailAvailable.getReadOnlyProperty();
    }

    /** {@code mail.<domain>}: the MX target and the name the server IP's reverse DNS (PTR) should carry. */
    public ReadOnlyStringProperty mailHostProperty() {
        return mailHost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
