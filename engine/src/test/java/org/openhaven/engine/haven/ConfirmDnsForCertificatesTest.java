package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.plan.Step;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** The DNS check between pointing DNS at the server and deploying, for HTTP-01 blockers. */
class ConfirmDnsForCertificatesTest {

    static final String PROXIED = "family.example.org: the Cloudflare A record is proxied (orange cloud).";

    @TempDir
    Path dir;

    private FileBackedTestProvider provider;
    private BlockingDns dns;

    /** The test provider's DNS, reporting the configured HTTP-01 blockers and remembering what it was asked. */
    static final class BlockingDns implements DnsProvider {
        final DnsProvider delegate;
        final List<String> blockers = new ArrayList<>();
        final List<List<String>> asked = new ArrayList<>();

        BlockingDns(DnsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String verifyCredentials() {
            return delegate.verifyCredentials();
        }

        @Override
        public DnsZone findZone(String domain) {
            return delegate.findZone(domain);
        }

        @Override
        public DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record) {
            return delegate.upsert(label, zone, record);
        }

        @Override
        public List<DnsRecord> listOwned(HavenLabel label, DnsZone zone) {
            return delegate.listOwned(label, zone);
        }

        @Override
        public void delete(DnsZone zone, DnsRecord record) {
            delegate.delete(zone, record);
        }

        @Override
        public List<String> httpChallengeBlockers(DnsZone zone, List<String> hostnames) {
            asked.add(hostnames);
            return blockers;
        }
    }

    @BeforeEach
    void setUp() {
        provider = new FileBackedTestProvider(dir.resolve("provider.json"));
        dns = new BlockingDns(provider);
    }

    private FlowContext flow(HavenSpec spec) {
        return new FlowContext(spec, new HavenStore(dir.resolve("home")).create(spec.havenId()),
                new InMemorySecretStore(), () -> provider, () -> dns, null, new AtomicReference<>());
    }

    private HavenEngine engine(FileBackedTestHost host) {
        return TestHavens.engine(dir.resolve("home"), TestHavens.registry(provider, dns), host);
    }

    @Test
    void theCheckRunsAfterTheDnsRecordsAndBeforeTheDeploy() {
        List<Step> steps = HavenFlow.steps(flow(TestHavens.cloudSpec("family")));

        assertThat(steps).filteredOn(s -> s.id().equals(ConfirmDnsForCertificates.ID)).singleElement()
                .satisfies(s -> assertThat(s.dependsOn()).containsExactly(EnsureDnsRecords.ID));
        assertThat(steps).filteredOn(s -> s.id().equals(HostSteps.DEPLOY)).singleElement()
                .satisfies(s -> assertThat(s.dependsOn()).contains(ConfirmDnsForCertificates.ID));
    }

    @Test
    void aProxiedRecordStopsTheApplyBeforeTheDeployNamingTheRecordAndTheRemedy() {
        dns.blockers.add(PROXIED);
        FileBackedTestHost host = new FileBackedTestHost(dir.resolve("host.log"));
        List<ProgressEvent> events = new ArrayList<>();

        RunResult result = engine(host).apply(TestHavens.cloudSpec("family"), new InMemorySecretStore(), null,
                events::add, CancellationToken.none(), "test");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(ErrorCategory.CONFIG);
            assertThat(f.userMessage()).isEqualTo("1 DNS record(s) would stop Let's Encrypt from issuing "
                    + "certificates: " + PROXIED);
            assertThat(f.remedy()).isEqualTo("Change the record(s) as described, then run 'openhaven apply' again; "
                    + "it continues where it stopped.");
        });
        assertThat(dns.asked).containsExactly(List.of("family.example.org", "*.family.example.org"));
        assertThat(host.actions()).noneMatch(a -> a.startsWith("deploy "));
        assertThat(provider.snapshot().dnsRecords).hasSize(2);
    }

    @Test
    void withNothingInTheWayTheSummarySaysSo() {
        HavenSpec spec = TestHavens.cloudSpec("family");
        ConfirmDnsForCertificates step = ConfirmDnsForCertificates.standard(flow(spec), List.of("family.example.org"));

        assertThat(step.confirm(dns, dns.findZone(spec.domain()), line -> { }))
                .isEqualTo("DNS is ready; nothing stands in the way of the HTTP-01 check");
    }

    @Test
    void dnsChallengeCertificatesDoNotAskForHttpBlockers() {
        HavenSpec http = TestHavens.cloudSpec("family");
        HavenSpec dns01 = new HavenSpec(http.name(), http.domain(), http.owner(), http.server(), http.dns(),
                TlsMode.DNS_01, http.services(), http.backup(), http.vpn(), http.mail());
        dns.blockers.add(PROXIED);
        ConfirmDnsForCertificates step = ConfirmDnsForCertificates.standard(flow(dns01), List.of("family.example.org"));

        assertThat(step.confirm(dns, dns.findZone(http.domain()), line -> { })).isEqualTo("DNS is ready");
        assertThat(dns.asked).isEmpty();
    }
}
