package org.openhaven.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.desktop.engine.Choice;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.wizard.CredentialCheck;
import org.openhaven.desktop.wizard.DeployRow;
import org.openhaven.desktop.wizard.DeployViewModel;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

/** The recovery dialog's model, without a window, against the scripted engine. */
class RecoveryViewModelTest {

    private static final String GOOD = ScriptedTestEngine.GOOD_TOKEN;

    @TempDir
    Path dir;

    private final ScriptedTestEngine engine = new ScriptedTestEngine();
    private final RecoveryViewModel vm = new RecoveryViewModel(engine, Async.direct());

    private Path kit(String havenId, String domain) {
        Path file = dir.resolve(havenId + "-recovery-kit.txt");
        RecoveryKitFile.write(new RecoveryKit(havenId, domain, ResticRepository.of(new BackupSpec(
                "https://s3.example.test", "eu-1", "haven-backups", havenId, null, null)),
                Secret.of("kit-password-123"), Instant.parse("2026-11-24T20:30:00Z")), file);
        return file;
    }

    private Path spec(String name) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\ndomain: " + name + ".example.org\n");
        return file;
    }

    @Test
    void aFileThatIsNoRecoveryKitIsRefusedWithMessageAndRemedy() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "shopping list: milk, eggs\n");

        vm.chooseKit(notes);

        assertThat(vm.kitCheck().stateProperty().get()).isEqualTo(CredentialCheck.State.FAILED);
        assertThat(vm.kitCheck().errorProperty().get()).isNotBlank().doesNotContain("Exception");
        assertThat(vm.kitCheck().remedyProperty().get()).isNotBlank();
        assertThat(vm.canContinue().get()).isFalse();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.KIT);
    }

    @Test
    void anUnknownHavenAsksForItsSpecAndRefusesTheSpecOfAnotherHaven() throws IOException {
        vm.chooseKit(kit("lost-haven", "lost-haven.example.org"));
        assertThat(vm.kitCheck().resultProperty().get()).contains("lost-haven.example.org");
        vm.next();

        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.DETAILS);
        assertThat(vm.needsProperty().get().specNeeded()).isTrue();
        assertThat(vm.canContinue().get()).isFalse();

        vm.chooseSpec(spec("other-haven"));
        assertThat(vm.specCheck().stateProperty().get()).isEqualTo(CredentialCheck.State.FAILED);
        assertThat(vm.specCheck().errorProperty().get()).contains("lost-haven");
        assertThat(vm.canContinue().get()).isFalse();

        vm.chooseSpec(spec("lost-haven"));
        assertThat(vm.specCheck().passed()).isTrue();
        assertThat(vm.needsProperty().get().specNeeded()).isFalse();
        assertThat(vm.needsProperty().get().cloudToken()).isEqualTo(Choice.HETZNER);
        assertThat(vm.canContinue().get()).as("storage keys and tokens are still missing").isFalse();
    }

    @Test
    void refusedStorageKeysKeepTheRecoveryFromStartingUntilGoodOnesAreChecked() {
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        vm.storageKeyIdProperty().set("AKIA-wrong");
        vm.storageSecretProperty().set("wrong-secret");

        vm.checkStorage();

        assertThat(vm.storageCheck().stateProperty().get()).isEqualTo(CredentialCheck.State.FAILED);
        assertThat(vm.storageCheck().errorProperty().get()).contains("refused the keys");
        assertThat(vm.storageCheck().remedyProperty().get()).contains("bucket named in the kit");
        passTokens();
        assertThat(vm.canContinue().get()).isFalse();

        vm.storageKeyIdProperty().set(GOOD);
        vm.storageSecretProperty().set(GOOD);
        vm.checkStorage();
        assertThat(vm.storageCheck().resultProperty().get()).contains("haven-backups");
        assertThat(vm.canContinue().get()).isTrue();
    }

    @Test
    void aRejectedCloudTokenShowsTheProvidersWordsAndTypingAgainResetsTheCheck() {
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        vm.cloudTokenProperty().set("typo");
        vm.checkCloud();
        assertThat(vm.cloudCheck().errorProperty().get()).contains("rejected the token");

        vm.cloudTokenProperty().set(GOOD);
        assertThat(vm.cloudCheck().stateProperty().get()).isEqualTo(CredentialCheck.State.IDLE);
    }

    @Test
    void theConfirmationIsTheEnginesTextAndNothingRunsBeforeIt() {
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        passEverything();
        vm.next();

        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.CONFIRM);
        assertThat(vm.needsProperty().get().confirmation()).contains("NEW server for example-org")
                .contains("paid").contains("points example.org at it").contains("old server is kept");
        assertThat(engine.recoverCalls()).isZero();
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.DETAILS);
    }

    @Test
    void aFailedStepShowsMessageAndRemedyAndRetryResumesWhereItStopped() {
        engine.failOnceAt("server");
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        passEverything();
        vm.next();

        vm.recover();

        DeployViewModel run = vm.progress();
        assertThat(run.phaseProperty().get()).isEqualTo(DeployViewModel.Phase.FAILED);
        assertThat(run.failureMessageProperty().get()).contains("out of capacity");
        assertThat(run.failureRemedyProperty().get()).isNotBlank();
        assertThat(vm.canClose()).isTrue();
        assertThat(run.rows()).extracting(DeployRow::stepId).startsWith("set-aside-server", "ssh-key", "firewall",
                "server");

        run.retry();

        assertThat(engine.recoverCalls()).isEqualTo(2);
        assertThat(run.phaseProperty().get()).isEqualTo(DeployViewModel.Phase.SUCCEEDED);
        assertThat(run.rows().get(1).stateProperty().get()).as("done before the failure: not done twice")
                .isEqualTo(DeployRow.State.UNCHANGED);
        assertThat(run.rows()).extracting(DeployRow::stepId).endsWith("restore").doesNotHaveDuplicates();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.DONE);
        assertThat(vm.resultProperty().get().notes()).singleElement().asString().contains("kept, not deleted");
        assertThat(vm.resultProperty().get().serviceLinks()).isNotEmpty();
    }

    @Test
    void aCancelledRecoverySaysSoInItsOwnWordsAndRetryResumes() {
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        passEverything();
        vm.next();
        DeployViewModel run = vm.progress();
        run.rows().addListener((javafx.collections.ListChangeListener<DeployRow>) change -> {
            if (run.rows().size() == 2) {
                run.cancel(); // while the second step runs: the engine stops before the next one
            }
        });

        vm.recover();

        assertThat(run.phaseProperty().get()).isEqualTo(DeployViewModel.Phase.CANCELLED);
        assertThat(run.failureMessageProperty().get()).isEqualTo("The recovery was cancelled.");
        assertThat(run.failureRemedyProperty().get()).contains("Retry continues where it stopped");
        run.retry();
        assertThat(run.phaseProperty().get()).isEqualTo(DeployViewModel.Phase.SUCCEEDED);
    }

    @Test
    void theTypedKeysAndTokensReachTheVaultUnderTheProvidersNames() {
        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();
        passEverything();
        vm.next();
        vm.recover();

        assertThat(engine.vault()).containsEntry(ProviderEnvironment.HETZNER_TOKEN, Secret.of(GOOD))
                .containsEntry(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of(GOOD))
                .containsEntry(BackupCredentials.ACCESS_KEY_ID_KEY, Secret.of(GOOD));
    }

    @Test
    void aComputerWithEverythingGoesFromTheKitStraightToTheConfirmation() {
        engine.vault().put(BackupCredentials.ACCESS_KEY_ID_KEY, Secret.of(GOOD));
        engine.vault().put(ProviderEnvironment.HETZNER_TOKEN, Secret.of(GOOD));
        engine.vault().put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of(GOOD));

        vm.chooseKit(kit("example-org", "example.org"));
        vm.next();

        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.CONFIRM);
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.KIT);
    }

    private void passTokens() {
        vm.cloudTokenProperty().set(GOOD);
        vm.checkCloud();
        vm.dnsTokenProperty().set(GOOD);
        vm.checkDns();
    }

    private void passEverything() {
        vm.storageKeyIdProperty().set(GOOD);
        vm.storageSecretProperty().set(GOOD);
        vm.checkStorage();
        passTokens();
    }
}
