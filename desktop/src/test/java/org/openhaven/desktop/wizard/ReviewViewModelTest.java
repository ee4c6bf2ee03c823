package org.openhaven.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.dashboard.ChangesViewModel;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.ServerSpec;

/** The review's warnings: the provider's port-25 policy appears whenever the reviewed spec runs mail. */
class ReviewViewModelTest {

    private final ScriptedTestEngine engine = new ScriptedTestEngine();

    private static HavenSpec withMail(HavenSpec spec, boolean mail, String provider, String region) {
        return new HavenSpec(spec.name(), spec.domain(), spec.owner(),
                new ServerSpec(provider, region, spec.server().size(), null, null, null, null), spec.dns(),
                spec.tls(), spec.services(), spec.backup(), spec.vpn(), mail ? new MailSpec(true) : MailSpec.OFF);
    }

    @Test
    void hetznerWithMailShowsThePort25WarningOnceThePlanIsIn() {
        HavenSpec spec = withMail(engine.currentSpec(), true, "hetzner", "fsn1");
        ReviewViewModel review = new ReviewViewModel(engine, Async.direct(), () -> spec);

        review.entered();

        assertThat(review.warnings()).singleElement().asString()
                .startsWith("Hetzner blocks outgoing mail (ports 25 and 465) on new accounts until the first invoice");
        assertThat(review.previewProperty().get().warnings()).containsExactlyElementsOf(review.warnings());
    }

    @Test
    void warningsFollowTheSpecEachTimeTheReviewIsEntered() {
        AtomicReference<HavenSpec> spec = new AtomicReference<>(withMail(engine.currentSpec(), true, "digitalocean",
                "fra1"));
        ReviewViewModel review = new ReviewViewModel(engine, Async.direct(), spec::get);

        review.entered();
        assertThat(review.warnings()).singleElement().asString().startsWith("DigitalOcean blocks outgoing SMTP");

        spec.set(withMail(spec.get(), false, "digitalocean", "fra1"));
        review.entered();
        assertThat(review.warnings()).isEmpty();
    }

    @Test
    void dashboardApplyChangesReviewShowsTheWarningsOfTheDeployedSpec() {
        HavenSpec deployed = withMail(engine.currentSpec(), true, "aws", "eu-central-1");
        ChangesViewModel changes = new ChangesViewModel(engine, Async.direct(), deployed, 8192, () -> {
        });

        changes.toReview();

        assertThat(changes.review().warnings()).singleElement().asString()
                .startsWith("AWS throttles outgoing mail on port 25");
    }
}
