package org.openhaven.engine.haven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.dns.verify.DnsVerifier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.spec.TlsMode;

/**
 * Between pointing DNS at the server and deploying: makes sure Let's Encrypt will be able to reach the server. With
 * manual DNS it shows the records the user must add (and saves them as a zone-file snippet), then waits until the
 * zone's authoritative servers serve them; with HTTP-01 certificates it stops on records the DNS host would answer
 * itself (a proxied Cloudflare record), which would otherwise fail much later at Let's Encrypt.
 */
final class ConfirmDnsForCertificates extends HavenStep {

    static final String ID = "confirm-dns";
    /** How long apply waits for manually added records before stopping; apply again resumes here. */
    static final Duration PUBLISH_BUDGET = Duration.ofMinutes(15);
    static final String SNIPPET_FILE = "dns-records.zone";

    private final List<String> hostnames;
    private final Function<DnsZone, DnsVerifier> verifiers;
    private final Duration publishBudget;

    /**
     * @param hostnames the names certificates will be requested for
     * @param verifiers checks a zone against its authoritative servers (normally found through the system resolver)
     */
    ConfirmDnsForCertificates(FlowContext flow, List<String> hostnames, Function<DnsZone, DnsVerifier> verifiers,
                              Duration publishBudget) {
        super(flow, ID, "Check DNS for certificates", EnsureDnsRecords.ID);
        this.hostnames = List.copyOf(hostnames);
        this.verifiers = verifiers;
        this.publishBudget = publishBudget;
    }

    /** The production wiring: the zone's real authoritative servers. */
    static ConfirmDnsForCertificates standard(FlowContext flow, List<String> hostnames) {
        return new ConfirmDnsForCertificates(flow, hostnames, zone -> DnsVerifier.forZone(zone.name()),
                PUBLISH_BUDGET);
    }

    @Override
    public String fingerprint() {
        return hostnames + " " + flow.spec().tls();
    }

    @Override
    public boolean stillDone(StepContext context) {
        return false; // records can be changed behind our back at any time; the check is quick when all is well
    }

    @Override
    public StepOutcome run(StepContext context) {
        DnsProvider dns = flow.dns().get();
        DnsZone zone = dns.findZone(flow.spec().domain());
        return StepOutcome.unchanged(confirm(dns, zone, context::log));
    }

    /** The check itself; returns the step's summary or throws a CONFIG error naming what to fix. */
    String confirm(DnsProvider dns, DnsZone zone, Consumer<String> log) {
        String summary = "DNS is ready";
        if (dns instanceof ManualDnsProvider manual) {
            awaitManualRecords(manual, zone, log);
            summary = "your DNS host serves the haven's records";
        }
        if (flow.spec().tls() == TlsMode.HTTP_01) {
            List<String> blockers = dns.httpChallengeBlockers(zone, hostnames);
            if (!blockers.isEmpty()) {
                throw OpenHavenException.of(ErrorCategory.CONFIG, blockers.size() + " DNS record(s) would stop "
                                + "Let's Encrypt from issuing certificates: " + String.join(" ", blockers))
                        .remedy("Change the record(s) as described, then run 'openhaven apply' again; it continues "
                                + "where it stopped.")
                        .build();
            }
            summary += "; nothing stands in the way of the HTTP-01 check";
        }
        return summary;
    }

    private void awaitManualRecords(ManualDnsProvider manual, DnsZone zone, Consumer<String> log) {
        Path file = flow.directory().root().resolve(SNIPPET_FILE);
        manual.publish(zone, file, log);
        log.accept("Waiting up to " + publishBudget.toMinutes() + " min until the name servers of " + zone.name()
                + " serve them…");
        DnsVerifier verifier = verifiers.apply(zone);
        try {
            manual.awaitPublished(verifier, publishBudget);
        } catch (OpenHavenException notYet) {
            if (notYet.category() != ErrorCategory.CONFIG) {
                throw notYet;
            }
            throw OpenHavenException.of(ErrorCategory.CONFIG, notYet.userMessage())
                    .remedy("Add the missing record(s) at your DNS host exactly as listed in " + file + ", then run "
                            + "'openhaven apply' again; it continues where it stopped.")
                    .cause(notYet)
                    .build();
        }
    }
}
