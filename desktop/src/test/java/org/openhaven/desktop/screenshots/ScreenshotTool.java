package org.openhaven.desktop.screenshots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.dashboard.DashboardView;
import org.openhaven.desktop.vault.RecordingPassphraseStore;
import org.openhaven.desktop.vault.RememberedPassphrases;
import org.openhaven.desktop.vault.SavedPassphraseViewModel;
import org.openhaven.desktop.dashboard.DashboardViewModel;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.wizard.WizardStep;
import org.openhaven.desktop.wizard.WizardViewModel;

/**
 * Renders every wizard page and the dashboard in a real window (run under Xvfb by scripts/screenshots.sh) and
 * saves them as PNGs. Drives the view-models as a user would, against the scripted test engine.
 */
public final class ScreenshotTool {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 760;

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        boolean dark = args.length > 1 && args[1].equals("dark");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // two havens, so the dashboard shows its haven switcher as a user with a home and a family haven sees it
        java.util.Map<HavenRef, String> havens = new java.util.LinkedHashMap<>();
        havens.put(new HavenRef("example-org", "example.org"), "");
        havens.put(new HavenRef("family", "family.example.net"), "");
        ScriptedTestEngine engine = new ScriptedTestEngine().failOnceAt("bootstrap").withHavens(havens);
        Stage stage = fx(() -> {
            DesktopShell.applyTheme(dark);
            Stage s = new Stage();
            s.setWidth(WIDTH);
            s.setHeight(HEIGHT);
            return s;
        });
        DesktopShell shell = fx(() -> new DesktopShell(engine, url -> { }));
        WizardViewModel wizard = shell.wizard();
        fx(() -> {
            shell.showWizard(stage, () -> { });
            stage.show();
            return null;
        });
        String suffix = dark ? "-dark" : "";
        snap(stage, out.resolve("wizard-welcome" + suffix + ".png"));
        fx(() -> {
            wizard.next();
            wizard.server().tokenProperty().set(ScriptedTestEngine.GOOD_TOKEN);
            wizard.server().verify();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-server" + suffix + ".png"));
        fx(() -> {
            wizard.server().providerProperty().set(org.openhaven.desktop.engine.Choice.EXISTING);
            wizard.server().hostProperty().set("203.0.113.7");
            engine.authorizeServerKeys(false);
            return null;
        });
        settle(); // the haven's key is made in the background
        fx(() -> {
            wizard.server().verify();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-server-existing-refused" + suffix + ".png"));
        fx(() -> {
            engine.authorizeServerKeys(true);
            wizard.server().verify();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-server-existing" + suffix + ".png"));
        fx(() -> {
            wizard.server().providerProperty().set(org.openhaven.desktop.engine.Choice.HETZNER);
            wizard.server().verify();
            return null;
        });
        settle();
        fx(() -> {
            wizard.next();
            wizard.domain().domainProperty().set("example.org");
            wizard.domain().ownerNameProperty().set("Ada Lovelace");
            wizard.domain().ownerEmailProperty().set("ada@example.org");
            wizard.domain().dnsProviderProperty().set("manual");
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-domain" + suffix + ".png"));
        fx(() -> {
            wizard.next();
            return null;
        });
        settle();
        fx(() -> {
            wizard.services().toggle("gitea", true);
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-services" + suffix + ".png"));
        fx(() -> {
            wizard.next();
            wizard.backups().endpointProperty().set("https://s3.eu-central-1.amazonaws.com");
            wizard.backups().regionProperty().set("eu-central-1");
            wizard.backups().bucketProperty().set("haven-backups");
            wizard.backups().accessKeyProperty().set("AKIAIOSFODNN7EXAMPLE");
            wizard.backups().secretKeyProperty().set("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            wizard.backups().testWrite();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-backups" + suffix + ".png"));
        fx(() -> {
            wizard.next();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-review" + suffix + ".png"));
        fx(() -> {
            wizard.next();
            return null;
        });
        settle();
        snap(stage, out.resolve("wizard-deploy" + suffix + ".png"));
        fx(() -> {
            wizard.deploy().retry();
            return null;
        });
        settle();
        if (wizard.stepProperty().get() != WizardStep.DONE) {
            throw new IllegalStateException("the deploy did not reach Done: " + wizard.stepProperty().get());
        }
        snap(stage, out.resolve("wizard-done" + suffix + ".png"));

        DashboardViewModel dashboard = fx(shell::dashboardForScreenshot);
        fx(() -> {
            // a desktop with a keychain keeping this haven's passphrase: the Vault menu shows, as it does there
            SavedPassphraseViewModel saved = new SavedPassphraseViewModel(new RememberedPassphrases(
                    new RecordingPassphraseStore().with("vault-passphrase:example-org", "kept")), shell.async());
            stage.setScene(DesktopShell.scene(stage,
                    new DashboardView(dashboard, url -> { }, peer -> { }, () -> { }, saved).node()));
            dashboard.refresh();
            dashboard.log("Deployed 9 steps; every service answers.");
            dashboard.log("Nightly backup finished: 1.2 GB, 38 files changed.");
            return null;
        });
        settle();
        snap(stage, out.resolve("dashboard" + suffix + ".png"));
        shell.shutdown();
        Platform.exit();
    }

    private static void settle() throws Exception {
        // Engine calls run on a background pool and report back via runLater; give them and layout a moment.
        Thread.sleep(700);
        fx(() -> null);
    }

    private static void snap(Stage stage, Path file) throws Exception {
        Thread.sleep(300);
        WritableImage image = fx(() -> {
            Scene scene = stage.getScene();
            return scene.snapshot(null);
        });
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + file.toString().toLowerCase(Locale.ROOT));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
