package org.openhaven.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openhaven.desktop.engine.Choice;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.ClipboardPort;
import org.openhaven.desktop.ui.SecretClipboard;
import org.junit.jupiter.api.Test;

class WizardViewModelTest {

    private final ScriptedTestEngine engine = new ScriptedTestEngine();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final WizardViewModel wizard = new WizardViewModel(engine, Async.direct(),
            new SecretClipboard(clipboard, (delay, task) -> {
                delays.add(delay);
                scheduled.add(task);
            }));

    @Test
    void nextIsGatedUntilTheTokenIsCheckedAndASizeChosen() {
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.SERVER);
        assertThat(wizard.canGoNextProperty().get()).isFalse();

        wizard.server().tokenProperty().set(ScriptedTestEngine.GOOD_TOKEN);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        wizard.server().verify();

        assertThat(wizard.server().check().resultProperty().get()).contains("family-cloud");
        assertThat(wizard.server().regionProperty().get().id()).isEqualTo("fsn1");
        assertThat(wizard.server().sizeProperty().get().id()).as("cheapest with 4 GB").isEqualTo("cx22");
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void rejectedTokenShowsMessageAndRemedyAndKeepsNextDisabled() {
        wizard.next();
        wizard.server().tokenProperty().set("typo-token");
        wizard.server().verify();

        CredentialCheck check = wizard.server().check();
        assertThat(check.stateProperty().get()).isEqualTo(CredentialCheck.State.FAILED);
        assertThat(check.errorProperty().get()).isEqualTo("Hetzner rejected the token (401).");
        assertThat(check.remedyProperty().get()).contains("Read & Write token");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(Choice.HETZNER.tokenPage()).startsWith("https://");
    }

    @Test
    void editingTheTokenAfterASuccessfulCheckRequiresCheckingAgain() {
        wizard.next();
        wizard.server().tokenProperty().set(ScriptedTestEngine.GOOD_TOKEN);
        wizard.server().verify();
        wizard.server().tokenProperty().set(ScriptedTestEngine.GOOD_TOKEN + "x");

        assertThat(wizard.server().check().stateProperty().get()).isEqualTo(CredentialCheck.State.IDLE);
        assertThat(wizard.server().sizes()).isEmpty();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void existingServerNeedsAValidLoginAndAPassingCheck() {
        wizard.next();
        wizard.server().providerProperty().set(Choice.EXISTING);
        wizard.server().hostProperty().set("not a host");
        assertThat(wizard.server().canCheck()).isFalse();
        wizard.server().hostProperty().set("203.0.113.7");
        wizard.server().portProperty().set("70000");
        assertThat(wizard.server().canCheck()).isFalse();
        wizard.server().portProperty().set("2222");
        assertThat(wizard.server().canCheck()).isTrue();
        assertThat(wizard.canGoNextProperty().get()).as("not before the check").isFalse();

        wizard.server().verify();

        assertThat(wizard.server().check().resultProperty().get())
                .startsWith("root@203.0.113.7:2222 · Debian GNU/Linux 12 (bookworm) · host key SHA256:");
        assertThat(wizard.server().serverMemoryMb()).isEqualTo(4096);
        assertThat(wizard.canGoNextProperty().get()).isTrue();

        wizard.server().userProperty().set("admin");
        assertThat(wizard.server().check().stateProperty().get()).isEqualTo(CredentialCheck.State.IDLE);
        assertThat(wizard.canGoNextProperty().get()).as("a changed login is checked again").isFalse();
    }

    @Test
    void existingServerShowsTheHavensKeyLineAndTheCommandMadeOncePerWizard() {
        wizard.next();
        wizard.server().providerProperty().set(Choice.EXISTING);
        String line = wizard.server().keyLineProperty().get();

        assertThat(line).startsWith("ssh-ed25519 ").endsWith(" openhaven");
        assertThat(wizard.server().addKeyCommandProperty().get())
                .isEqualTo("mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys");
        wizard.server().providerProperty().set(Choice.HETZNER);
        wizard.server().providerProperty().set(Choice.EXISTING);
        assertThat(wizard.server().keyLineProperty().get()).isEqualTo(line);
    }

    @Test
    void aRefusedKeyShowsTheLineToAddAndKeepsNextDisabled() {
        engine.authorizeServerKeys(false);
        wizard.next();
        wizard.server().providerProperty().set(Choice.EXISTING);
        wizard.server().hostProperty().set("203.0.113.7");

        wizard.server().verify();

        CredentialCheck check = wizard.server().check();
        assertThat(check.stateProperty().get()).isEqualTo(CredentialCheck.State.FAILED);
        assertThat(check.errorProperty().get()).isEqualTo("The server root@203.0.113.7:22 refused the haven's SSH key.");
        assertThat(check.remedyProperty().get()).contains(wizard.server().addKeyCommandProperty().get());
        assertThat(wizard.canGoNextProperty().get()).isFalse();

        engine.authorizeServerKeys(true);
        wizard.server().verify();
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void leavingTheServerPageKeepsTheHavensKeyWhereTypedCredentialsGo() {
        wizard.next();
        wizard.server().providerProperty().set(Choice.EXISTING);
        wizard.server().hostProperty().set("203.0.113.7");
        wizard.server().verify();

        wizard.next();

        assertThat(engine.vault().get("ssh/haven-key").reveal()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(engine.vault().get("ssh/haven-key.pub").reveal())
                .isEqualTo(wizard.server().keyLineProperty().get());
    }

    @Test
    void manualDnsNeedsNoTokenAndPreviewsApexAndWildcardRecords() {
        toDomainPage();
        DomainViewModel domain = wizard.domain();
        domain.domainProperty().set("Example.ORG.");
        domain.ownerNameProperty().set("Ada");
        domain.ownerEmailProperty().set("ada@example.org");
        assertThat(wizard.canGoNextProperty().get()).as("cloudflare needs a checked token").isFalse();

        domain.dnsProviderProperty().set("manual");

        assertThat(wizard.canGoNextProperty().get()).isTrue();
        assertThat(domain.recordsPreview("203.0.113.7")).extracting(r -> r.type() + " " + r.name() + " " + r.content())
                .containsExactly("A example.org 203.0.113.7", "A *.example.org 203.0.113.7");
    }

    @Test
    void servicesTotalIncludesDependenciesAndIsComparedWithTheServerSize() {
        toServicesPage();
        ServicesViewModel services = wizard.services();
        assertThat(services.selected()).containsExactlyInAnyOrder("vaultwarden", "nextcloud");
        assertThat(services.autoAdded()).containsExactly("traefik", "keycloak", "postgres", "redis");
        // traefik 64 + keycloak 768 + postgres 256 + redis 64 + nextcloud 1024 + vaultwarden 128
        assertThat(services.totalMemoryMbProperty().get()).isEqualTo(2304);
        assertThat(services.availableMemoryMbProperty().get()).isEqualTo(4096);
        assertThat(wizard.canGoNextProperty().get()).isTrue();

        services.toggle("onlyoffice", true);
        services.toggle("open-webui", true);

        assertThat(services.totalMemoryMbProperty().get()).isEqualTo(2304 + 2048 + 512 + 2048);
        assertThat(services.fits()).isFalse();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void mailIsASwitchWhoseMemoryCountsAndWhoseHostIsTheDomainsMailName() {
        toServicesPage();
        ServicesViewModel services = wizard.services();
        assertThat(services.mailAvailableProperty().get()).isTrue();
        assertThat(services.selectable()).extracting(e -> e.id()).doesNotContain("mail");
        assertThat(services.mailHostProperty().get()).isEqualTo("mail.example.org");
        assertThat(services.mailProperty().get()).as("off until asked for").isFalse();
        int without = services.totalMemoryMbProperty().get();

        services.mailProperty().set(true);

        assertThat(services.totalMemoryMbProperty().get()).isEqualTo(without + 512);
        assertThat(services.mailMemoryMb()).isEqualTo(512);
    }

    @Test
    void mailTurnedOnReachesTheSpecAndTheReviewShowsThePort25Warning() {
        toServicesPage();
        wizard.services().mailProperty().set(true);
        wizard.next();
        wizard.backups().enabledProperty().set(false);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.REVIEW);

        assertThat(wizard.spec().mail().enabled()).isTrue();
        assertThat(wizard.review().previewProperty().get().warnings()).anyMatch(w -> w.contains("25"));
    }

    @Test
    void backupsNeedASuccessfulTestWriteUnlessTurnedOff() {
        toBackupsPage();
        BackupsViewModel backups = wizard.backups();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        backups.bucketProperty().set("missing-bucket");
        backups.accessKeyProperty().set("AKIA");
        backups.secretKeyProperty().set("s3cr3t");
        backups.testWrite();
        assertThat(backups.check().errorProperty().get()).contains("missing-bucket");
        assertThat(wizard.canGoNextProperty().get()).isFalse();

        backups.bucketProperty().set("haven-backups");
        backups.testWrite();
        assertThat(wizard.canGoNextProperty().get()).isTrue();

        backups.enabledProperty().set(false);
        backups.bucketProperty().set("changed");
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void credentialsTypedInTheWizardGoToTheVault() {
        toReviewPage();
        assertThat(engine.vault()).containsKeys("hetzner/token", "cloudflare/api-token", "backup/s3-access-key-id",
                "backup/s3-secret-access-key");
        assertThat(engine.vault().get("hetzner/token").reveal()).isEqualTo(ScriptedTestEngine.GOOD_TOKEN);
        assertThat(wizard.spec().toString()).doesNotContain(ScriptedTestEngine.GOOD_TOKEN, "s3cr3t");
    }

    @Test
    void reviewShowsThePlanOfTheAssembledSpec() {
        toReviewPage();
        assertThat(wizard.review().previewProperty().get().create())
                .contains("server cx22 in fsn1", "DNS A *.example.org", "service nextcloud");
        assertThat(wizard.spec().name()).isEqualTo("example-org");
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void failedDeployShowsMessageAndRemedyAndRetryResumesWhereItStopped() {
        engine.failOnceAt("server");
        toReviewPage();
        wizard.next();

        DeployViewModel deploy = wizard.deploy();
        assertThat(deploy.phaseProperty().get()).isEqualTo(DeployViewModel.Phase.FAILED);
        assertThat(deploy.failureMessageProperty().get()).contains("out of capacity");
        assertThat(deploy.failureRemedyProperty().get()).contains("Retry in a few minutes");
        assertThat(deploy.rows()).extracting(r -> r.stepId() + "=" + r.stateProperty().get())
                .containsExactly("ssh-key=DONE", "firewall=DONE", "server=FAILED");
        assertThat(wizard.canGoBackProperty().get()).isFalse();

        deploy.retry();

        assertThat(engine.applyCalls()).isEqualTo(2);
        assertThat(deploy.rows()).extracting(r -> r.stepId() + "=" + r.stateProperty().get())
                .startsWith("ssh-key=UNCHANGED", "firewall=UNCHANGED", "server=DONE")
                .hasSize(ScriptedTestEngine.STEPS.size());
        assertThat(deploy.rows().get(6).progressProperty().get()).as("upload reported a fraction").isEqualTo(1.0);
        assertThat(deploy.rows().get(0).progressProperty().get()).isEqualTo(DeployRow.UNKNOWN);
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.DONE);
    }

    @Test
    void doneRevealsThePasswordOnlyOnRequestAndClearsTheClipboardAfterSixtySeconds() {
        toReviewPage();
        wizard.next();
        DoneViewModel done = wizard.done();
        assertThat(done.passwordShownProperty().get()).doesNotContain("correct-horse");
        done.reveal();
        assertThat(done.passwordShownProperty().get()).isEqualTo("correct-horse-battery-staple-42");

        done.copyPassword();
        assertThat(clipboard.text).isEqualTo("correct-horse-battery-staple-42");
        assertThat(delays).containsExactly(Duration.ofSeconds(60));
        scheduled.get(0).run();
        assertThat(clipboard.text).isEmpty();
    }

    @Test
    void clipboardIsLeftAloneWhenTheUserCopiedSomethingElse() {
        toReviewPage();
        wizard.next();
        wizard.done().copyPassword();
        clipboard.text = "their own text";
        scheduled.get(0).run();
        assertThat(clipboard.text).isEqualTo("their own text");
    }

    @Test
    void doneOffersQrCodesForEachPeerAndTheMobileApps() {
        toReviewPage();
        wizard.next();
        assertThat(wizard.done().qrCodes()).extracting(DoneViewModel.QrCode::payload)
                .contains("nc://login/server:https://nextcloud.example.org", "https://vaultwarden.example.org")
                .anySatisfy(p -> assertThat(p).startsWith("[Interface]"));
        assertThat(wizard.done().qrCodes()).hasSize(4);
    }

    private void toDomainPage() {
        wizard.next();
        wizard.server().tokenProperty().set(ScriptedTestEngine.GOOD_TOKEN);
        wizard.server().verify();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.DOMAIN);
    }

    private void toServicesPage() {
        toDomainPage();
        wizard.domain().domainProperty().set("example.org");
        wizard.domain().ownerNameProperty().set("Ada");
        wizard.domain().ownerEmailProperty().set("ada@example.org");
        wizard.domain().dnsTokenProperty().set(ScriptedTestEngine.GOOD_TOKEN);
        wizard.domain().verify();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.SERVICES);
    }

    private void toBackupsPage() {
        toServicesPage();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.BACKUPS);
    }

    private void toReviewPage() {
        toBackupsPage();
        wizard.backups().bucketProperty().set("haven-backups");
        wizard.backups().accessKeyProperty().set("AKIA");
        wizard.backups().secretKeyProperty().set("s3cr3t");
        wizard.backups().testWrite();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.REVIEW);
    }

    private static final class FakeClipboard implements ClipboardPort {
        String text = "";

        @Override
        public void put(String value) {
            text = value;
        }

        @Override
        public String current() {
            return text;
        }

        @Override
        public void clear() {
            text = "";
        }
    }
}
