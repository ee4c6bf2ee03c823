package org.openhaven.desktop.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.openhaven.desktop.engine.CatalogEntry;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;

/**
 * Which services to run. Dependencies are resolved by the engine and shown as added automatically; their
 * memory counts toward the total, which is compared with the chosen server's memory.
 */
public final class ServicesViewModel implements PageViewModel {

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
    private final BooleanBinding complete;
    private List<String> resolved = List.of();

    public ServicesViewModel(EngineGateway engine, Async async, IntSupplier serverMemoryMb) {
        this.engine = engine;
        this.async = async;
        this.serverMemoryMb = serverMemoryMb;
        selected.addListener((javafx.collections.SetChangeListener<String>) change -> recompute());
        complete = Bindings.createBooleanBinding(() -> !selected.isEmpty() && fits(),
                selected, totalMemoryMb, availableMemoryMb);
    }

    @Override
    public void entered() {
        availableMemoryMb.set(serverMemoryMb.getAsInt());
        if (all.isEmpty()) {
            async.run(engine::catalog, this::catalogLoaded, e -> loadError.set(e.userMessage()));
        } else {
            recompute();
        }
    }

    private void catalogLoaded(List<CatalogEntry> entries) {
        all.clear();
        all.addAll(entries);
        selectable.setAll(entries.stream().filter(CatalogEntry::selectable).toList());
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
        totalMemoryMb.set(resolved.stream().mapToInt(this::memoryOf).sum());
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

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
