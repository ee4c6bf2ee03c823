package org.openhaven.desktop.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

/** An S3-compatible backup target, proven with a test write before Next is allowed. */
public final class BackupsViewModel implements PageViewModel {

    private final EngineGateway engine;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty bucket = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final CredentialCheck check;
    private final BooleanBinding canTest;
    private final BooleanBinding complete;

    public BackupsViewModel(EngineGateway engine, Async async) {
        this.engine = engine;
        this.check = new CredentialCheck(async);
        for (StringProperty p : new StringProperty[] {endpoint, region, bucket, accessKey, secretKey}) {
            p.addListener((o, was, now) -> check.reset());
        }
        canTest = Bindings.createBooleanBinding(() -> !bucket.get().isBlank() && !accessKey.get().isBlank()
                && !secretKey.get().isBlank() && endpointValid(), bucket, accessKey, secretKey, endpoint);
        complete = Bindings.createBooleanBinding(() -> !enabled.get() || check.passed(),
                enabled, check.stateProperty());
    }

    private boolean endpointValid() {
        String e = endpoint.get().trim();
        return e.isEmpty() || e.startsWith("https://") || e.startsWith("http://");
    }

    /** The target as the spec stores it; null when backups are off. */
    public BackupSpec spec(String havenName) {
        if (!enabled.get()) {
            return null;
        }
        String e = endpoint.get().trim();
        String r = region.get().trim();
        return new BackupSpec(e.isEmpty() ? null : e, r.isEmpty() ? "us-east-1" : r, bucket.get().trim(),
                havenName, "03:30", BackupSpec.Retention.DEFAULT);
    }

    public void testWrite() {
        if (!canTest.get()) {
            return;
        }
        BackupSpec target = spec("openhaven-test");
        Secret access = accessKeySecret();
        Secret secret = secretKeySecret();
        check.run(() -> {
            engine.testBackupTarget(target, access, secret);
            return Messages.get("backups.testPassed", target.bucket());
        }, () -> { });
    }

    public Secret accessKeySecret() {
        return Secret.of(accessKey.get().trim());
    }

    public Secret secretKeySecret() {
        return Secret.of(secretKey.get().trim());
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    public CredentialCheck check() {
        return check;
    }
}
