package org.openhaven.desktop.wizard;

import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.openhaven.desktop.engine.Choice;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.haven.HavenSshKey;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.secrets.Secret;

/**
 * Where the server runs: a cloud provider with a token checked live, then region and size; or an existing
 * server reached over SSH with the haven's own key, generated once per wizard, whose line the user adds to the
 * server before "Check connection" logs in with it. For AWS the credential is an access key id plus a secret
 * access key; for an existing server it is that private key, which goes to the vault like a typed token.
 */
public final class ServerViewModel implements PageViewModel {

    private static final String HOST_PATTERN = "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$";

    private final EngineGateway engine;
    private final Async async;
    private final ObjectProperty<Choice> provider = new SimpleObjectProperty<>(Choice.HETZNER);
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty awsSecret = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("root");
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<ServerType> sizes = FXCollections.observableArrayList();
    private final ObjectProperty<Region> region = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerType> size = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper keyLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addKeyCommand = new ReadOnlyStringWrapper("");
    /** The haven's key for an existing server: made once per wizard, so a line the user added stays valid. */
    private volatile Secret serverKey;
    private volatile int existingMemoryMb;
    private final CredentialCheck check;
    private final BooleanBinding complete;

    public ServerViewModel(EngineGateway engine, Async async) {
        this.engine = engine;
        this.async = async;
        this.check = new CredentialCheck(async);
        provider.addListener((o, was, now) -> credentialsChanged());
        token.addListener((o, was, now) -> credentialsChanged());
        awsSecret.addListener((o, was, now) -> credentialsChanged());
        host.addListener((o, was, now) -> credentialsChanged());
        port.addListener((o, was, now) -> credentialsChanged());
        user.addListener((o, was, now) -> credentialsChanged());
        provider.addListener((o, was, now) -> {
            if (now == Choice.EXISTING) {
                ensureServerKey();
            }
        });
        BooleanBinding cloudReady = Bindings.createBooleanBinding(
                () -> check.passed() && region.get() != null && size.get() != null,
                check.stateProperty(), region, size);
        BooleanBinding existingReady = Bindings.createBooleanBinding(
                () -> loginValid() && check.passed(), host, port, user, check.stateProperty());
        if (provider.get() == Choice.EXISTING) {
            ensureServerKey();
        }
        complete = Bindings.createBooleanBinding(
                () -> provider.get().isCloud() ? cloudReady.get() : existingReady.get(),
                provider, cloudReady, existingReady);
    }

    private void credentialsChanged() {
        check.reset();
        existingMemoryMb = 0;
        regions.clear();
        sizes.clear();
        region.set(null);
        size.set(null);
    }

    /** The credential as the engine takes it; for AWS {@code accessKeyId:secretAccessKey}. */
    public Secret credential() {
        if (provider.get() == Choice.EXISTING) {
            return serverKey;
        }
        String value = provider.get() == Choice.AWS ? token.get().trim() + ":" + awsSecret.get().trim()
                : token.get().trim();
        return Secret.of(value);
    }

    public boolean canCheck() {
        if (provider.get() == Choice.EXISTING) {
            return loginValid() && serverKey != null;
        }
        return !token.get().isBlank()
                && (provider.get() != Choice.AWS || !awsSecret.get().isBlank());
    }

    /**
     * Checks the credential live. For a cloud: the token, then regions and sizes (cheapest first) with it. For an
     * existing server: logs in with the haven's key and runs the read-only preflight; a refused key fails with the
     * line to add.
     */
    public void verify() {
        if (!canCheck()) {
            return;
        }
        if (provider.get() == Choice.EXISTING) {
            String h = host.get().trim();
            int p = Integer.parseInt(port.get().trim());
            String u = user.get().trim();
            Secret key = serverKey;
            check.run(() -> {
                ServerInspection found = engine.checkExistingServer(h, p, u, key);
                existingMemoryMb = found.memoryMb();
                return found.describe();
            }, () -> { });
            return;
        }
        Choice chosen = provider.get();
        Secret secret = credential();
        check.run(() -> {
            String account = engine.verifyCloudCredentials(chosen, secret);
            List<Region> foundRegions = engine.regions(chosen, secret);
            List<ServerType> foundSizes = engine.serverTypes(chosen, secret).stream()
                    .sorted(Comparator.comparing(ServerType::monthlyPrice)).toList();
            async.ui().execute(() -> {
                regions.setAll(foundRegions);
                sizes.setAll(foundSizes);
                region.set(foundRegions.isEmpty() ? null : foundRegions.get(0));
                size.set(smallestFitting(foundSizes, 4096));
            });
            return account;
        }, () -> { });
    }

    /** The cheapest size with at least {@code memoryMb}, else the largest one. */
    static ServerType smallestFitting(List<ServerType> sorted, int memoryMb) {
        return sorted.stream().filter(t -> t.memoryMb() >= memoryMb).findFirst()
                .orElse(sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    }

    /** Memory of the chosen server; for an existing server, what its check found (0 before a passing check). */
    public int serverMemoryMb() {
        if (provider.get() == Choice.EXISTING) {
            return check.passed() ? existingMemoryMb : 0;
        }
        return size.get() != null ? size.get().memoryMb() : 0;
    }

    /** Makes the haven's key for an existing server, once; its public line and the command adding it follow. */
    private void ensureServerKey() {
        if (serverKey != null) {
            return;
        }
        async.run(HavenSshKey::generate, key -> {
            serverKey = key;
            keyLine.set(HavenSshKey.publicLine(key));
            addKeyCommand.set(HavenSshKey.addCommand(keyLine.get()));
        }, failure -> keyLine.set(""));
    }

    boolean loginValid() {
        return hostValid() && portValid() && !user.get().isBlank();
    }

    boolean hostValid() {
        String h = host.get().trim();
        return !h.isEmpty() && h.matches(HOST_PATTERN);
    }

    boolean portValid() {
        try {
            int p = Integer.parseInt(port.get().trim());
            return p > 0 && p < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public ObjectProperty<Choice> providerProperty() {
        return provider;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty awsSecretProperty() {
        return awsSecret;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObservableList<Region> regions() {
        return regions;
    }

    public ObservableList<ServerType> sizes() {
        return sizes;
    }

    public ObjectProperty<Region> regionProperty() {
        return region;
    }

    public ObjectProperty<ServerType> sizeProperty() {
        return size;
    }

    /** The haven's public key as an authorized_keys line; empty until it is made. */
    public ReadOnlyStringProperty keyLineProperty() {
        return keyLine.getReadOnlyProperty();
    }

    /** The one command that adds the key on the server, run there as the login user. */
    public ReadOnlyStringProperty addKeyCommandProperty() {
        return addKeyCommand.getReadOnlyProperty();
    }

    public CredentialCheck check() {
        return check;
    }
}
