package org.openhaven.desktop.wizard;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.PlanPreview;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Asks the engine for the plan of the assembled spec each time the review page is shown, and offers its warnings
 * (such as the provider's port-25 policy when the haven runs mail) for the page to show above everything else.
 * The wizard's Review page and the dashboard's "Apply changes" review both use it.
 */
public final class ReviewViewModel implements PageViewModel {

    private final EngineGateway engine;
    private final Async async;
    private final Supplier<HavenSpec> spec;
    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remedy = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> warnings = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final BooleanBinding complete;

    public ReviewViewModel(EngineGateway engine, Async async, Supplier<HavenSpec> spec) {
        this.engine = engine;
        this.async = async;
        this.spec = spec;
        complete = Bindings.createBooleanBinding(() -> preview.get() != null && !loading.get(), preview, loading);
    }

    @Override
    public void entered() {
        HavenSpec current = spec.get();
        preview.set(null);
        warnings.clear();
        error.set("");
        remedy.set("");
        loading.set(true);
        async.run(() -> engine.plan(current), plan -> {
            warnings.setAll(plan.warnings());
            preview.set(plan);
            loading.set(false);
        }, failure -> {
            error.set(failure.userMessage());
            remedy.set(failure.remedy());
            loading.set(false);
        });
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public ReadOnlyObjectProperty<PlanPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The plan's warnings, one sentence each; empty while loading and when there is nothing to say. */
    public ReadOnlyListProperty<String> warnings() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remedyProperty() {
        return remedy.getReadOnlyProperty();
    }
}
