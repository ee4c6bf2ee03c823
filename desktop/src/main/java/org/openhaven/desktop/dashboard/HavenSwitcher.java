package org.openhaven.desktop.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.error.OpenHavenException;

/**
 * The dashboard's haven switcher: which havens this computer has, which one is shown, and whether the shown one
 * waits for its own vault passphrase. The choice is remembered for the next launch.
 */
public final class HavenSwitcher {

    private final EngineGateway engine;
    private final Async async;
    private final HavenMemory memory;
    private final ObservableList<HavenRef> havens = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<HavenRef> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HavenRef> locked = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding several = Bindings.size(havens).greaterThan(1);
    private Runnable onSwitched = () -> { };
    private Consumer<OpenHavenException> onFailure = e -> { };

    public HavenSwitcher(EngineGateway engine, Async async, HavenMemory memory) {
        this.engine = engine;
        this.async = async;
        this.memory = memory;
    }

    /** What to do once another haven is shown (or its vault was unlocked), and where failures are told. */
    void onSwitched(Runnable switched, Consumer<OpenHavenException> failed) {
        this.onSwitched = switched;
        this.onFailure = failed;
    }

    /** Reads the havens and the selected one; on the first call, selects the haven remembered from last time. */
    public void load() {
        async.run(() -> {
            List<HavenRef> all = engine.havens();
            Optional<String> remembered = memory.recall();
            if (selected.get() == null && remembered.isPresent()
                    && all.stream().anyMatch(h -> h.id().equals(remembered.get()))) {
                engine.selectHaven(remembered.get());
            }
            return new Loaded(all, engine.selectedHaven().orElse(null));
        }, loaded -> {
            if (!havens.equals(loaded.all())) {
                havens.setAll(loaded.all());
            }
            if (selected.get() == null) {
                selected.set(loaded.selected());
            }
        }, onFailure);
    }

    /**
     * Shows {@code haven}: selects it in the engine and remembers it. When its vault takes a passphrase not given
     * yet, {@link #lockedProperty()} names it, and the view asks for that passphrase.
     */
    public void switchTo(HavenRef haven) {
        if (haven == null || haven.equals(selected.get())) {
            return;
        }
        selected.set(haven);
        async.run(() -> engine.selectHaven(haven.id()), open -> {
            memory.remember(haven.id());
            locked.set(open ? null : haven);
            onSwitched.run();
        }, onFailure);
    }

    /** The locked haven's vault was opened with its passphrase. */
    public void unlocked() {
        locked.set(null);
        onSwitched.run();
    }

    public ObservableList<HavenRef> havens() {
        return havens;
    }

    public ReadOnlyObjectProperty<HavenRef> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The shown haven while its vault waits for its passphrase; null otherwise. */
    public ReadOnlyObjectProperty<HavenRef> lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Whether there is anything to switch between: the switcher is shown only then. */
    public BooleanBinding severalProperty() {
        return several;
    }

    private record Loaded(List<HavenRef> all, HavenRef selected) {
    }
}
