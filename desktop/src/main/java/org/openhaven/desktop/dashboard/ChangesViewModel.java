package org.openhaven.desktop.dashboard;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.wizard.DeployViewModel;
import org.openhaven.desktop.wizard.ReviewViewModel;
import org.openhaven.desktop.wizard.ServicesViewModel;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.ServiceSelection;

/**
 * "Apply changes" from the dashboard: edit the deployed spec's services, review the plan, apply. Reuses the
 * wizard's view-models for each stage so the rules are the same in both places.
 */
public final class ChangesViewModel {

    /** The three stages of a change. */
    public enum Stage { EDIT, REVIEW, APPLY }

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDIT);
    private final HavenSpec deployed;
    private final ServicesViewModel services;
    private final ReviewViewModel review;
    private final DeployViewModel apply;

    public ChangesViewModel(EngineGateway engine, Async async, HavenSpec deployed, int serverMemoryMb,
                            Runnable onApplied) {
        this.deployed = deployed;
        this.services = new ServicesViewModel(engine, async, () -> serverMemoryMb);
        deployed.serviceIds().forEach(id -> services.toggle(id, true));
        services.mailProperty().set(deployed.mailEnabled());
        this.review = new ReviewViewModel(engine, async, this::edited);
        this.apply = new DeployViewModel(engine, async, this::edited, result -> onApplied.run());
        services.entered();
    }

    /** The deployed spec with the edited service choice and mail switch. */
    public HavenSpec edited() {
        List<ServiceSelection> chosen = services.selected().stream().sorted().map(ServiceSelection::of).toList();
        return new HavenSpec(deployed.name(), deployed.domain(), deployed.owner(), deployed.server(), deployed.dns(),
                deployed.tls(), chosen, deployed.backup(), deployed.vpn(),
                mail(services.mailProperty().get()));
    }

    /** The deployed mail setting when unchanged (absent stays absent), else the switch's. */
    private MailSpec mail(boolean on) {
        boolean was = deployed.mailEnabled();
        return on == was ? deployed.mail() : new MailSpec(on);
    }

    public void toReview() {
        if (services.complete().get()) {
            stage.set(Stage.REVIEW);
            review.entered();
        }
    }

    public void toApply() {
        if (review.complete().get()) {
            stage.set(Stage.APPLY);
            apply.entered();
        }
    }

    public void backToEdit() {
        if (stage.get() == Stage.REVIEW) {
            stage.set(Stage.EDIT);
        }
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ServicesViewModel services() {
        return services;
    }

    public ReviewViewModel review() {
        return review;
    }

    public DeployViewModel apply() {
        return apply;
    }
}
