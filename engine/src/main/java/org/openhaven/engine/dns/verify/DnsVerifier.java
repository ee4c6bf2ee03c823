package org.openhaven.engine.dns.verify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.Polling;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks records against a zone's authoritative servers with dnsjava, bypassing every cache, and waits for them
 * with a deadline. When time runs out the message names each record that is missing or wrong and what was found.
 */
public final class DnsVerifier {

    private final List<Resolver> servers;
    private final Polling polling;

    /** Checks against these servers (the zone's authoritative ones; tests pass a local server and port). */
    public DnsVerifier(List<InetSocketAddress> servers, Duration queryTimeout, Polling polling) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is needed");
        }
        this.servers = servers.stream().map(address -> {
            SimpleResolver resolver = new SimpleResolver(address);
            resolver.setTimeout(queryTimeout);
            return (Resolver) resolver;
        }).toList();
        this.polling = polling;
    }

    /**
     * Finds the zone's authoritative servers by asking {@code bootstrap} (a recursive resolver, normally the
     * system's) for the zone's NS records and their addresses; the servers are then queried on {@code port}.
     */
    public static DnsVerifier forZone(String zone, InetSocketAddress bootstrap, int port, Duration queryTimeout,
                                      Polling polling) {
        SimpleResolver resolver = new SimpleResolver(bootstrap);
        resolver.setTimeout(queryTimeout);
        List<InetSocketAddress> servers = new ArrayList<>();
        for (Record ns : query(resolver, zone, Type.NS)) {
            if (ns instanceof NSRecord nsRecord) {
                String host = nsRecord.getTarget().toString(true);
                for (Record a : query(resolver, host, Type.A)) {
                    if (a instanceof ARecord address) {
                        servers.add(new InetSocketAddress(address.getAddress(), port));
                    }
                }
            }
        }
        if (servers.isEmpty()) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "No name servers were found for " + zone + ".")
                    .remedy("Check that the domain is registered and delegated to your DNS host (its NS records), "
                            + "then retry.")
                    .build();
        }
        return new DnsVerifier(servers, queryTimeout, polling);
    }

    /** The system's own resolver as bootstrap, authoritative servers on port 53. */
    public static DnsVerifier forZone(String zone) {
        try {
            InetSocketAddress system = new InetSocketAddress(
                    org.xbill.DNS.ResolverConfig.getCurrentConfig().servers().get(0).getAddress(), 53);
            return forZone(zone, system, 53, Duration.ofSeconds(5), Polling.standard());
        } catch (IndexOutOfBoundsException noResolver) {
            throw OpenHavenException.of(ErrorCategory.NETWORK, "This computer has no DNS resolver configured.")
                    .remedy("Check the network settings, then retry.")
                    .build();
        }
    }

    /** One pass over every record, against every server (all must agree, as resolvers pick any of them). */
    public List<RecordCheck> check(List<DnsRecord> expected) {
        List<RecordCheck> checks = new ArrayList<>();
        for (DnsRecord record : expected) {
            RecordCheck worst = null;
            for (Resolver server : servers) {
                List<String> found = query(server, record.name(), Type.value(record.type().toUpperCase(Locale.ROOT)))
                        .stream().map(DnsVerifier::presentation).toList();
                RecordCheck check = new RecordCheck(record, normalised(record), found);
                if (worst == null || !check.ok()) {
                    worst = check;
                }
            }
            checks.add(worst);
        }
        return checks;
    }

    /**
     * Waits until every record is served as expected.
     *
     * @throws OpenHavenException naming each missing or wrong record when the deadline passes
     */
    public void awaitAll(List<DnsRecord> expected, Duration deadline) {
        List<List<RecordCheck>> last = new ArrayList<>(List.of(List.of()));
        try {
            polling.until("the DNS records", deadline, "", () -> {
                List<RecordCheck> checks = check(expected);
                last.set(0, checks);
                return checks.stream().allMatch(RecordCheck::ok) ? Optional.of(true) : Optional.empty();
            });
        } catch (OpenHavenException timeout) {
            if (timeout.category() == ErrorCategory.CANCELLED) {
                throw timeout;
            }
            List<String> problems = last.get(0).stream().filter(c -> !c.ok()).map(RecordCheck::describe).toList();
            throw OpenHavenException.of(ErrorCategory.CONFIG, "After " + deadline.toMinutes() + " min the DNS "
                            + "servers still do not serve " + problems.size() + " record(s): " + String.join("; ", problems)
                            + ".")
                    .remedy("Add or correct these records at your DNS host; changes can take a few minutes to "
                            + "reach its servers. Then retry.")
                    .retryable(true)
                    .build();
        }
    }

    private static List<Record> query(Resolver resolver, String name, int type) {
        try {
            Name qname = Name.fromString(name.endsWith(".") ? name : name + ".");
            Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
            query.getHeader().unsetFlag(Flags.RD);
            Message response = resolver.send(query);
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw OpenHavenException.of(ErrorCategory.NETWORK, "The DNS server answered " + Rcode.string(rcode)
                        + " for " + name + " " + Type.string(type) + ".").retryable(true).build();
            }
            return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        } catch (TextParseException bad) {
            throw OpenHavenException.config("'" + name + "' is not a valid DNS name.", "Check the domain name.");
        } catch (IOException unreachable) {
            throw OpenHavenException.of(ErrorCategory.NETWORK, "The DNS server for " + name + " did not answer.")
                    .remedy("Check the network connection, then retry.")
                    .cause(unreachable)
                    .build();
        }
    }

    /** The value in the form {@link DnsRecord#content()} uses. */
    static String presentation(Record record) {
        if (record instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (record instanceof AAAARecord aaaa) {
            return canonicalIpv6(aaaa.getAddress());
        }
        if (record instanceof CNAMERecord cname) {
            return cname.getTarget().toString(true).toLowerCase(Locale.ROOT);
        }
        if (record instanceof MXRecord mx) {
            return mx.getTarget().toString(true).toLowerCase(Locale.ROOT);
        }
        if (record instanceof TXTRecord txt) {
            return String.join("", txt.getStrings());
        }
        return record.rdataToString();
    }

    /** Expected content in the form {@link #presentation} produces: canonical IPv6, lower-case names. */
    static String normalised(DnsRecord record) {
        String type = record.type().toUpperCase(Locale.ROOT);
        String content = record.content();
        return switch (type) {
            case "AAAA" -> {
                try {
                    // A literal address: getByName parses it without any lookup.
                    yield canonicalIpv6(InetAddress.getByName(content));
                } catch (UnknownHostException notAnAddress) {
                    yield content;
                }
            }
            case "CNAME", "MX" -> content.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            default -> content;
        };
    }

    private static String canonicalIpv6(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress();
        } catch (UnknownHostException impossible) {
            return address.getHostAddress();
        }
    }
}
