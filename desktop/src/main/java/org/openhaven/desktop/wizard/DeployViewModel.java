package org.openhaven.desktop.wizard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.openhaven.desktop.engine.Cancellation;
import org.openhaven.desktop.engine.DeployResult;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Runs the apply and turns its progress events into rows and log lines. Retry calls apply again: the engine
 * resumes, and steps already done report "unchanged", so their rows stay green.
 */
public final class DeployViewModel implements PageViewModel {

    /** Lines kept in the live log; older ones are dropped so a chatty step cannot exhaust memory. */
    static final int LOG_LIMIT = 2000;

    /** Where the run stands. */
    public enum Phase { IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** A resumable engine run that reports progress: the deploy, or a recovery. */
    @FunctionalInterface
    public interface Run<R> {
        R run(ProgressListener listener, Cancellation cancellation);
    }

    private final Async async;
    /** Starts the run in the background; success and failure come back on the UI thread. */
    private final Launch launch;
    /** The bundle key said when the user cancels: "the deploy", "the recovery"… */
    private final String cancelledKey;
    private final ObservableList<DeployRow> rows = FXCollections.observableArrayList();
    private final Map<String, DeployRow> byStep = new LinkedHashMap<>();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper failureMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureRemedy = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private final BooleanBinding complete;
    private Cancellation cancellation;

    public DeployViewModel(EngineGateway engine, Async async, Supplier<HavenSpec> spec,
                           Consumer<DeployResult> onSucceeded) {
        // the spec is read on the UI thread, where the wizard's properties live, before the run goes off it
        this(async, launcher(async, () -> {
            HavenSpec current = spec.get();
            return (listener, cancellation) -> engine.apply(current, listener, cancellation);
        }, onSucceeded), "deploy.cancelled");
    }

    /**
     * Rows, log, Cancel and Retry for any resumable run, such as a recovery.
     *
     * @param cancelledKey the bundle key of what a cancelled run says, naming the run
     */
    public <R> DeployViewModel(Async async, Run<R> run, Consumer<R> onSucceeded, String cancelledKey) {
        this(async, launcher(async, () -> run, onSucceeded), cancelledKey);
    }

    private DeployViewModel(Async async, Launch launch, String cancelledKey) {
        this.async = async;
        this.launch = launch;
        this.cancelledKey = cancelledKey;
        complete = Bindings.createBooleanBinding(() -> phase.get() == Phase.SUCCEEDED, phase);
    }

    @Override
    public void entered() {
        if (phase.get() == Phase.IDLE) {
            start();
        }
    }

    /** Starts the apply, or resumes it after a failure or cancel. */
    public void start() {
        if (phase.get() == Phase.RUNNING) {
            return;
        }
        Cancellation mine = new Cancellation();
        cancellation = mine;
        phase.set(Phase.RUNNING);
        canRetry.set(false);
        failureMessage.set("");
        failureRemedy.set("");
        launch.start(event -> async.ui().execute(() -> onEvent(event)), mine,
                () -> phase.set(Phase.SUCCEEDED),
                failure -> {
                    boolean cancelled = failure.category() == ErrorCategory.CANCELLED || mine.isRequested();
                    phase.set(cancelled ? Phase.CANCELLED : Phase.FAILED);
                    failureMessage.set(cancelled ? Messages.get(cancelledKey) : failure.userMessage());
                    failureRemedy.set(cancelled ? Messages.get("deploy.cancelledRemedy") : failure.remedy());
                    canRetry.set(true);
                });
    }

    public void retry() {
        start();
    }

    public void cancel() {
        if (cancellation != null && phase.get() == Phase.RUNNING) {
            cancellation.cancel();
            appendLog(Messages.get("deploy.cancelling"));
        }
    }

    /** Applies one event to the rows and the log; on the UI thread. */
    void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.StepStarted s) {
            byStep.computeIfAbsent(s.stepId(), id -> {
                DeployRow row = new DeployRow(id, s.title());
                rows.add(row);
                return row;
            }).started(s.title());
        } else if (event instanceof ProgressEvent.LogLine l) {
            appendLog(l.line());
        } else if (event instanceof ProgressEvent.StepProgress p) {
            row(p.stepId()).progress(p.fraction());
        } else if (event instanceof ProgressEvent.StepSucceeded s) {
            row(s.stepId()).finished(s.changed(), s.summary());
        } else if (event instanceof ProgressEvent.StepFailed f) {
            row(f.stepId()).failed(f.userMessage());
            appendLog(Messages.get("deploy.logFailed", f.stepId(), f.userMessage()));
        } else if (event instanceof ProgressEvent.RunFinished r) {
            if (r.outcome() == ProgressEvent.Outcome.CANCELLED) {
                rows.stream().filter(row -> row.stateProperty().get() == DeployRow.State.RUNNING)
                        .forEach(DeployRow::cancelled);
            }
            appendLog(Messages.get("deploy.logFinished." + r.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    r.stepsRun(), r.stepsChanged()));
        }
    }

    /** How a run is started, with its outcome handed back on the UI thread. */
    @FunctionalInterface
    private interface Launch {
        void start(ProgressListener listener, Cancellation cancellation, Runnable succeeded,
                   Consumer<OpenHavenException> failed);
    }

    private static <R> Launch launcher(Async async, Supplier<Run<R>> prepare, Consumer<R> onSucceeded) {
        return (listener, cancellation, succeeded, failed) -> {
            Run<R> run = prepare.get();
            async.run(() -> run.run(listener, cancellation), result -> {
                succeeded.run();
                onSucceeded.accept(result);
            }, failed);
        };
    }

    private DeployRow row(String stepId) {
        return byStep.computeIfAbsent(stepId, id -> {
            DeployRow row = new DeployRow(id, id);
            rows.add(row);
            return row;
        });
    }

    private void appendLog(String line) {
        log.add(line);
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public ObservableList<DeployRow> rows() {
        return rows;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureMessageProperty() {
        return failureMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureRemedyProperty() {
        return failureRemedy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }
}
