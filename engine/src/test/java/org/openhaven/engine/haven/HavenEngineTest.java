package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.Action;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.status.StatusReport;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

class HavenEngineTest {

    @TempDir
    Path dir;

    private FileBackedTestProvider provider;
    private FileBackedTestHost host;
    private HavenEngine engine;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final HavenSpec spec = TestHavens.cloudSpec("family");

    @BeforeEach
    void setUp() {
        provider = new FileBackedTestProvider(dir.resolve("provider.json"));
        host = new FileBackedTestHost(dir.resolve("host.log"));
        engine = TestHavens.engine(dir.resolve("home"), provider, host);
    }

    private RunResult apply(Plan plan) {
        return engine.apply(spec, secrets, plan, events::add, CancellationToken.none(), "test");
    }

    @Test
    void applyCreatesEveryResourceOnceAndASecondApplyChangesNothing() {
        RunResult first = apply(null);

        assertThat(first.succeeded()).as("%s", first.failures()).isTrue();
        assertThat(provider.snapshot().resources).hasSize(4);
        assertThat(provider.snapshot().dnsRecords).hasSize(2);
        assertThat(host.actions()).anyMatch(a -> a.startsWith("deploy "));
        assertThat(engine.plan(spec).hasChanges()).isFalse();
        assertThat(secrets.keys()).contains("ssh/haven-key", "ssh/haven-key.pub");

        RunResult second = apply(null);

        assertThat(second.succeeded()).isTrue();
        assertThat(provider.snapshot().creations.values()).containsOnly(1);
        assertThat(events).filteredOn(ProgressEvent.StepSucceeded.class::isInstance)
                .extracting(e -> ((ProgressEvent.StepSucceeded) e).summary())
                .anyMatch(s -> s.startsWith("already done: server family-server"));
    }

    @Test
    void withMailTheDnsStepPublishesMxSpfDmarcAndTheVaultsDkimKeyAndDestroyRemovesThem() {
        HavenSpec mail = new HavenSpec(spec.name(), spec.domain(), spec.owner(), spec.server(), spec.dns(), spec.tls(),
                spec.services(), null, spec.vpn(), new MailSpec(true));
        assertThat(engine.plan(mail).changes()).filteredOn(c -> c.kind() == ResourceKind.DNS_RECORD)
                .extracting(c -> c.name())
                .containsExactlyInAnyOrder("A family.example.org", "A *.family.example.org", "A mail.family.example.org",
                        "MX family.example.org", "TXT family.example.org", "TXT _dmarc.family.example.org",
                        "TXT mail._domainkey.family.example.org");

        RunResult first = engine.apply(mail, secrets, null, events::add, CancellationToken.none(), "test");

        assertThat(first.succeeded()).as("%s", first.failures()).isTrue();
        String ip = provider.snapshot().dnsRecords.stream().filter(r -> r.get("name").equals("family.example.org")
                && r.get("type").equals("A")).findFirst().orElseThrow().get("content");
        String dkim = SecretGenerators.dkimTxtValue(secrets.find("mail/dkim-private-key").orElseThrow());
        assertThat(provider.snapshot().dnsRecords)
                .extracting(r -> r.get("type") + " " + r.get("name") + " " + r.get("content") + " "
                        + r.getOrDefault("priority", "-"))
                .containsExactlyInAnyOrder(
                        "A family.example.org " + ip + " -", "A *.family.example.org " + ip + " -",
                        "A mail.family.example.org " + ip + " -", "MX family.example.org mail.family.example.org 10",
                        "TXT family.example.org v=spf1 mx -all -",
                        "TXT _dmarc.family.example.org v=DMARC1; p=quarantine; rua=mailto:postmaster@family.example.org -",
                        "TXT mail._domainkey.family.example.org " + dkim + " -");
        assertThat(engine.plan(mail).hasChanges()).isFalse();

        engine.destroy(mail, secrets, false, events::add, "test");

        assertThat(provider.snapshot().dnsRecords).isEmpty();
    }

    @Test
    void aProviderAnswering401NeverMarksAnythingGone() {
        assertThat(apply(null).succeeded()).isTrue();
        var recorded = engine.state("family").resources();
        provider.rejectCredentials(true);

        RunResult rejected = apply(null);
        HavenStatus status = engine.status(spec, secrets);

        assertThat(rejected.outcome()).isEqualTo(ProgressEvent.Outcome.FAILED);
        assertThat(rejected.failures()).allSatisfy(f -> assertThat(f.category()).isEqualTo(ErrorCategory.AUTH));
        assertThat(engine.state("family").resources()).isEqualTo(recorded);
        assertThat(status.resources()).filteredOn(r -> r.kind() != ResourceKind.RELEASE)
                .allSatisfy(r -> assertThat(r.presence()).isEqualTo(ResourceStatus.Presence.UNKNOWN));
        assertThat(status.problems()).anyMatch(p -> p.contains("401"));
        assertThat(engine.plan(spec).hasChanges()).isFalse();
        assertThatThrownBy(() -> engine.destroy(spec, secrets, false, events::add, "test"))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
        assertThat(engine.state("family").resources()).isEqualTo(recorded);
    }

    @Test
    void statusReportsAResourceDeletedBehindOurBackAsMissingAndApplyRecreatesIt() {
        apply(null);
        var server = provider.listOwned(new org.openhaven.engine.cloud.HavenLabel("family")).stream()
                .filter(r -> r.kind() == ResourceKind.SERVER).findFirst().orElseThrow();
        provider.destroy(server);

        assertThat(engine.status(spec, secrets).resources()).filteredOn(r -> r.key().equals("server"))
                .singleElement().satisfies(r -> assertThat(r.presence()).isEqualTo(ResourceStatus.Presence.MISSING));
        assertThat(apply(null).succeeded()).isTrue();
        assertThat(provider.snapshot().creations).containsEntry("SERVER:family-server", 2);
    }

    @Test
    void throttledProviderCallsAreRetriedAfterTheirRetryAfter() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        engine = TestHavens.engine(dir.resolve("home"), provider, host, (d, c) -> sleeps.add(d));
        provider.throttleNext(2, Duration.ofSeconds(20));

        assertThat(engine.apply(spec, secrets, null, events::add, CancellationToken.none(), "test").succeeded()).isTrue();
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void serverReportIsEmptyBeforeTheFirstDeployAndThenCarriesTheHostsServices() {
        assertThat(engine.serverReport(spec, secrets)).isEmpty();
        apply(null);
        host.serviceState(spec.serviceIds().get(0), "exited", "none");

        StatusReport report = engine.serverReport(spec, secrets).orElseThrow();

        assertThat(report.services()).extracting(StatusReport.ServiceStatus::service)
                .containsExactlyInAnyOrderElementsOf(spec.serviceIds());
        assertThat(report.allHealthy()).isFalse();
        assertThat(report.lastBackupJson()).isEmpty();
    }

    @Test
    void aSavedPlanIsRefusedOnceTheStateHasMoved() {
        Plan plan = engine.plan(spec);
        apply(null);

        assertThatThrownBy(() -> apply(plan)).hasMessageContaining("The plan is stale");
    }

    @Test
    void aSecondApplyWhileTheLockIsHeldFailsNamingTheHolder() {
        engine.store().create("family");
        try (HavenLock held = HavenLock.acquire(engine.directory("family").lockFile(), "openhaven apply",
                java.time.Instant.parse("2026-11-24T10:00:00Z"))) {
            assertThatThrownBy(() -> apply(null)).isInstanceOfSatisfying(OpenHavenException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.LOCKED);
                assertThat(e.userMessage()).contains("process " + ProcessHandle.current().pid())
                        .contains("2026-11-24T10:00:00Z").contains("openhaven apply");
            });
        }
        assertThat(apply(null).succeeded()).isTrue();
    }

    @Test
    void removingAServiceFromTheSpecPlansAnUpdateOfTheReleaseAndClosesItsPort() {
        apply(null);
        Plan plan = engine.plan(TestHavens.cloudSpec("family", List.of("vaultwarden")));
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.UPDATE)
                .extracting(c -> c.key(), c -> c.details())
                .containsExactly(
                        tuple("firewall", List.of("inbound: tcp/22 tcp/80 tcp/443 udp/51820 tcp/2222 → "
                                + "tcp/22 tcp/80 tcp/443 udp/51820")),
                        tuple("stack", List.of("services: vaultwarden,gitea → vaultwarden")));
    }

    @Test
    void destroyRemovesEverythingLabelledAndReportsIt() {
        apply(null);
        DestroyReport dry = engine.destroy(spec, secrets, true, events::add, "test");
        assertThat(dry.removed()).hasSize(6);
        assertThat(provider.snapshot().resources).hasSize(4);

        DestroyReport done = engine.destroy(spec, secrets, false, events::add, "test");

        assertThat(done.removed()).hasSize(6).anyMatch(r -> r.startsWith("server family-server"));
        assertThat(provider.snapshot().resources).isEmpty();
        assertThat(provider.snapshot().dnsRecords).isEmpty();
        assertThat(engine.state("family").resources()).isEmpty();
        assertThat(engine.plan(spec).count(Action.CREATE)).isEqualTo(7);
    }

    @Test
    void anUnknownProviderIsASpecMistakeReportedBeforeAnythingRuns() {
        HavenSpec typo = new HavenSpec("family", "family.example.org", spec.owner(),
                new org.openhaven.engine.spec.ServerSpec("hetzenr", "fsn1", "cx22", null, null, null, null),
                spec.dns(), spec.tls(), spec.services(), null, spec.vpn(), spec.mail());
        assertThatThrownBy(() -> engine.apply(typo, secrets, null, events::add, CancellationToken.none(), "test"))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("No cloud provider 'hetzenr' is available.");
                    assertThat(e.remedy()).isEqualTo("Use one of: testcloud.");
                });
        assertThat(events).isEmpty();
    }
}
