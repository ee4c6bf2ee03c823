package org.openhaven.desktop.wizard;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.openhaven.desktop.engine.CredentialKeys;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.SecretClipboard;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The wizard as a whole: the current step, one view-model per page, and Back/Next gated by the current page's
 * validity. Credentials typed on a page go into the vault when the user moves past that page.
 */
public final class WizardViewModel {

    private final EngineGateway engine;
    private final Async async;
    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.WELCOME);
    private final ReadOnlyStringWrapper vaultError = new ReadOnlyStringWrapper("");
    private final Map<WizardStep, PageViewModel> pages = new EnumMap<>(WizardStep.class);
    private final WelcomeViewModel welcome;
    private final ServerViewModel server;
    private final DomainViewModel domain;
    private final ServicesViewModel services;
    private final BackupsViewModel backups;
    private final ReviewViewModel review;
    private final DeployViewModel deploy;
    private final DoneViewModel done;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardViewModel(EngineGateway engine, Async async, SecretClipboard clipboard) {
        this.engine = engine;
        this.async = async;
        welcome = new WelcomeViewModel();
        server = new ServerViewModel(engine, async);
        domain = new DomainViewModel(engine, async);
        services = new ServicesViewModel(engine, async, server::serverMemoryMb, domain::normalisedDomain);
        backups = new BackupsViewModel(engine, async);
        review = new ReviewViewModel(engine, async, this::spec);
        done = new DoneViewModel(clipboard);
        deploy = new DeployViewModel(engine, async, this::spec, result -> {
            done.show(result);
            goTo(WizardStep.DONE);
        });
        pages.put(WizardStep.WELCOME, welcome);
        pages.put(WizardStep.SERVER, server);
        pages.put(WizardStep.DOMAIN, domain);
        pages.put(WizardStep.SERVICES, services);
        pages.put(WizardStep.BACKUPS, backups);
        pages.put(WizardStep.REVIEW, review);
        pages.put(WizardStep.DEPLOY, deploy);
        pages.put(WizardStep.DONE, done);
        canGoNext = Bindings.createBooleanBinding(() -> {
            WizardStep current = step.get();
            return !current.isLast() && current != WizardStep.DEPLOY && pages.get(current).complete().get();
        }, step, welcome.complete(), server.complete(), domain.complete(), services.complete(),
                backups.complete(), review.complete(), deploy.complete());
        canGoBack = Bindings.createBooleanBinding(() -> step.get().allowsBack(), step);
    }

    /** The spec as the answers stand now. */
    public HavenSpec spec() {
        return SpecAssembler.assemble(server, domain, services, backups);
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        storeCredentialsOf(step.get());
        goTo(step.get().next());
    }

    public void back() {
        if (canGoBack.get()) {
            goTo(step.get().previous());
        }
    }

    private void goTo(WizardStep target) {
        step.set(target);
        pages.get(target).entered();
    }

    private void storeCredentialsOf(WizardStep leaving) {
        switch (leaving) {
            case SERVER -> {
                storeAll(() -> CredentialKeys.cloud(server.providerProperty().get(), server.credential()));
            }
            case DOMAIN -> {
                storeAll(() -> CredentialKeys.dns(domain.dnsProviderProperty().get(), domain.dnsCredential()));
            }
            case BACKUPS -> {
                if (backups.enabledProperty().get()) {
                    storeAll(() -> CredentialKeys.backup(backups.accessKeySecret(), backups.secretKeySecret()));
                }
            }
            default -> { }
        }
    }

    private void storeAll(Supplier<Map<String, Secret>> credentials) {
        async.run(() -> {
            Map<String, Secret> keys = credentials.get();
            keys.forEach(engine::storeSecret);
            return keys.size();
        }, ok -> vaultError.set(""), failure -> vaultError.set(failure.userMessage() + " " + failure.remedy()));
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public ReadOnlyStringProperty vaultErrorProperty() {
        return vaultError.getReadOnlyProperty();
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public ServerViewModel server() {
        return server;
    }

    public DomainViewModel domain() {
        return domain;
    }

    public ServicesViewModel services() {
        return services;
    }

    public BackupsViewModel backups() {
        return backups;
    }

    public ReviewViewModel review() {
        return review;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    public DoneViewModel done() {
        return done;
    }
}
