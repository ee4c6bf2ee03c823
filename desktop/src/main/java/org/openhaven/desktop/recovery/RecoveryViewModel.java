package org.openhaven.desktop.recovery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.openhaven.desktop.engine.CredentialKeys;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.RecoveryInput;
import org.openhaven.desktop.engine.RecoveryNeeds;
import org.openhaven.desktop.engine.RecoveryResult;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.wizard.CredentialCheck;
import org.openhaven.desktop.wizard.DeployViewModel;
import org.openhaven.engine.secrets.Secret;

/**
 * The recovery dialog's state: the kit picked and read, then only what this computer lacks (the haven.yaml, the
 * storage keys, the cloud and DNS tokens), each checked live; the engine's confirmation; the run as deploy rows
 * with Cancel and a Retry that resumes; and the result. The engine decides what is missing; this class only asks.
 */
public final class RecoveryViewModel {

    /** The dialog's pages, in order. */
    public enum Step { KIT, DETAILS, CONFIRM, PROGRESS, DONE }

    private final EngineGateway engine;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.KIT);
    private final ReadOnlyObjectWrapper<Path> kitFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> specFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RecoveryNeeds> needs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RecoveryResult> result = new ReadOnlyObjectWrapper<>();
    private final CredentialCheck kitCheck;
    private final CredentialCheck specCheck;
    private final CredentialCheck storageCheck;
    private final CredentialCheck cloudCheck;
    private final CredentialCheck dnsCheck;
    private final StringProperty storageKeyId = new SimpleStringProperty("");
    private final StringProperty storageSecret = new SimpleStringProperty("");
    private final StringProperty cloudToken = new SimpleStringProperty("");
    private final StringProperty dnsToken = new SimpleStringProperty("");
    private final DeployViewModel progress;
    private final BooleanBinding canContinue;
    /** What the last inspection found; handed from the background thread to the UI thread with its outcome. */
    private volatile RecoveryNeeds inspected;
    /** Whether the kit left something to ask, so Back from the confirmation returns to those questions. */
    private boolean detailsAsked;

    public RecoveryViewModel(EngineGateway engine, Async async) {
        this.engine = engine;
        kitCheck = new CredentialCheck(async);
        specCheck = new CredentialCheck(async);
        storageCheck = new CredentialCheck(async);
        cloudCheck = new CredentialCheck(async);
        dnsCheck = new CredentialCheck(async);
        storageKeyId.addListener((o, was, now) -> storageCheck.reset());
        storageSecret.addListener((o, was, now) -> storageCheck.reset());
        cloudToken.addListener((o, was, now) -> cloudCheck.reset());
        dnsToken.addListener((o, was, now) -> dnsCheck.reset());
        progress = new DeployViewModel(async, (listener, cancellation) -> engine.recover(input(), listener,
                cancellation), done -> {
                    result.set(done);
                    step.set(Step.DONE);
                }, "recovery.cancelled");
        canContinue = Bindings.createBooleanBinding(this::computeCanContinue, step, needs, specFile, kitCheck.stateProperty(),
                specCheck.stateProperty(), storageCheck.stateProperty(), cloudCheck.stateProperty(),
                dnsCheck.stateProperty());
    }

    /** Reads the kit the user picked and finds out what else is needed; a file that is no kit fails here. */
    public void chooseKit(Path file) {
        kitFile.set(file);
        specFile.set(null);
        needs.set(null);
        specCheck.reset();
        kitCheck.run(() -> {
            inspected = engine.inspectRecovery(file, null);
            return Messages.get("recovery.kitRead", inspected.domain(), inspected.backupLocation());
        }, () -> needs.set(inspected));
    }

    /** Reads the haven.yaml the user picked and checks it describes the kit's haven and backups. */
    public void chooseSpec(Path file) {
        Path kit = kitFile.get();
        if (kit == null) {
            return;
        }
        specFile.set(file);
        specCheck.run(() -> {
            inspected = engine.inspectRecovery(kit, file);
            return Messages.get("recovery.specRead", inspected.domain());
        }, () -> needs.set(inspected));
    }

    public void checkStorage() {
        Path kit = kitFile.get();
        Secret id = Secret.of(storageKeyId.get().strip());
        Secret secret = Secret.of(storageSecret.get().strip());
        storageCheck.run(() -> Messages.get("recovery.storageOk", engine.checkRecoveryStorage(kit, id, secret)),
                () -> { });
    }

    public void checkCloud() {
        RecoveryNeeds current = needs.get();
        Secret token = Secret.of(cloudToken.get().strip());
        cloudCheck.run(() -> engine.verifyCloudCredentials(current.cloudToken(), token), () -> { });
    }

    public void checkDns() {
        RecoveryNeeds current = needs.get();
        Secret token = Secret.of(dnsToken.get().strip());
        dnsCheck.run(() -> engine.verifyDnsCredentials(current.dnsProvider(), token), () -> { });
    }

    /** From the kit to what is missing (skipped when nothing is), and from there to the confirmation. */
    public void next() {
        if (!canContinue.get()) {
            return;
        }
        switch (step.get()) {
            case KIT -> {
                detailsAsked = !needs.get().complete();
                step.set(detailsAsked ? Step.DETAILS : Step.CONFIRM);
            }
            case DETAILS -> step.set(Step.CONFIRM);
            default -> { }
        }
    }

    public void back() {
        switch (step.get()) {
            case DETAILS -> step.set(Step.KIT);
            case CONFIRM -> step.set(detailsAsked ? Step.DETAILS : Step.KIT);
            default -> { }
        }
    }

    /** The user confirmed: the new server is created, DNS moves, the data is restored. */
    public void recover() {
        if (step.get() != Step.CONFIRM) {
            return;
        }
        step.set(Step.PROGRESS);
        progress.start();
    }

    /** Whether closing now leaves nothing half-done behind unannounced: not while the run is under way. */
    public boolean canClose() {
        return progress.phaseProperty().get() != DeployViewModel.Phase.RUNNING;
    }

    private boolean computeCanContinue() {
        RecoveryNeeds current = needs.get();
        return switch (step.get()) {
            case KIT -> current != null && kitCheck.passed();
            case DETAILS -> current != null && !current.specNeeded()
                    && (specFile.get() == null || specCheck.passed())
                    && (!current.storageKeysNeeded() || storageCheck.passed())
                    && (current.cloudToken() == null || cloudCheck.passed())
                    && (current.dnsProvider() == null || dnsCheck.passed());
            default -> false;
        };
    }

    /** What goes to the engine: the files, the storage keys when typed, the tokens under the providers' keys. */
    private RecoveryInput input() {
        RecoveryNeeds current = needs.get();
        Map<String, Secret> credentials = new LinkedHashMap<>();
        if (current.cloudToken() != null) {
            credentials.putAll(CredentialKeys.cloud(current.cloudToken(), Secret.of(cloudToken.get().strip())));
        }
        if (current.dnsProvider() != null) {
            credentials.putAll(CredentialKeys.dns(current.dnsProvider(), Secret.of(dnsToken.get().strip())));
        }
        boolean keys = current.storageKeysNeeded();
        return new RecoveryInput(kitFile.get(), Optional.ofNullable(specFile.get()),
                keys ? Optional.of(Secret.of(storageKeyId.get().strip())) : Optional.empty(),
                keys ? Optional.of(Secret.of(storageSecret.get().strip())) : Optional.empty(), credentials);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> kitFileProperty() {
        return kitFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> specFileProperty() {
        return specFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecoveryNeeds> needsProperty() {
        return needs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecoveryResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canContinue() {
        return canContinue;
    }

    public CredentialCheck kitCheck() {
        return kitCheck;
    }

    public CredentialCheck specCheck() {
        return specCheck;
    }

    public CredentialCheck storageCheck() {
        return storageCheck;
    }

    public CredentialCheck cloudCheck() {
        return cloudCheck;
    }

    public CredentialCheck dnsCheck() {
        return dnsCheck;
    }

    public StringProperty storageKeyIdProperty() {
        return storageKeyId;
    }

    public StringProperty storageSecretProperty() {
        return storageSecret;
    }

    public StringProperty cloudTokenProperty() {
        return cloudToken;
    }

    public StringProperty dnsTokenProperty() {
        return dnsToken;
    }

    public DeployViewModel progress() {
        return progress;
    }
}
