package org.openhaven.engine.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.openhaven.engine.catalog.ServiceCatalog;

/**
 * The rules a haven spec must follow beyond its shape. Collects every problem, scoped to its path, and returns
 * the spec normalised (domain in lower-case punycode, times as {@code HH:MM}) when there is none. Used by the
 * loader for {@code haven.yaml} and directly by the wizard for what the user typed.
 */
public final class SpecValidator {

    /** Where a server can run; {@code ssh} is a server the user already has. */
    public static final List<String> SERVER_PROVIDERS = List.of("hetzner", "digitalocean", "aws", "ssh");
    /** How DNS can be managed; {@code manual} means OpenHaven shows the records for the user to create. */
    public static final List<String> DNS_PROVIDERS = List.of("cloudflare", "route53", "manual");

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /** The longest haven name: it becomes part of cloud resource names and labels. */
    public static final int NAME_MAX = 40;
    private static final int PEER_MAX = 32;
    private static final int SUGGESTED_SIZES = 3;

    private final ServiceCatalog catalog;
    private final ServerSizes sizes;

    public SpecValidator(ServiceCatalog catalog, ServerSizes sizes) {
        this.catalog = catalog;
        this.sizes = sizes;
    }

    /**
     * Validates a spec built in memory (the wizard, {@code openhaven init}).
     *
     * @return the normalised spec
     * @throws org.openhaven.engine.error.OpenHavenException CONFIG, listing every problem as {@code path: message}
     */
    public HavenSpec validate(HavenSpec draft) {
        return validate(draft, new SpecProblems(), "");
    }

    /** Every problem of a spec built in memory, for showing next to the fields they concern. */
    public List<SpecProblem> problems(HavenSpec draft) {
        SpecProblems problems = new SpecProblems();
        check(draft, problems);
        return problems.list();
    }

    /**
     * Adds this validator's findings to problems already found (by the loader) and throws when there is any.
     *
     * @param draft null when the text could not be read as a spec at all
     */
    HavenSpec validate(HavenSpec draft, SpecProblems problems, String sourceName) {
        HavenSpec normalised = draft == null ? null : check(draft, problems);
        problems.throwIfAny(sourceName);
        return normalised;
    }

    private HavenSpec check(HavenSpec draft, SpecProblems problems) {
        Rules rules = new Rules(problems);
        String name = rules.name(draft.name());
        String domain = rules.domain(draft.domain());
        Owner owner = rules.owner(draft.owner());
        ServerSpec server = new ServerRules(problems, sizes).check(draft.server());
        DnsSpec dns = rules.dns(draft.dns());
        rules.tls(draft.tls(), dns);
        rules.services(draft.services());
        BackupSpec backup = new BackupRules(problems).check(draft.backup());
        rules.peers(draft.vpn());
        rules.memory(draft, server);
        TlsMode tls = draft.tls() == null ? TlsMode.HTTP_01 : draft.tls();
        return new HavenSpec(name, domain, owner, server, dns, tls, draft.services(), backup,
                draft.vpn() == null ? VpnSpec.NONE : draft.vpn(), draft.mail() == null ? MailSpec.OFF : draft.mail());
    }

    /** A lower-case slug made from any text, at most {@code max} characters: a fix to offer for a rejected name. */
    public static String slugOf(String text, int max) {
        // Accents are dropped rather than turned into dashes: "Bücher" becomes "bucher", not "b-cher".
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > max ? slug.substring(0, max).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "home" : slug;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String quoted(String value) {
        return "'" + value + "'";
    }

    /** {@code unknown <what> 'x' — did you mean 'y'?}, or the list of valid values when nothing is close. */
    static String unknown(String what, String value, List<String> known) {
        String hint = Suggestions.didYouMean(value, known);
        return "unknown " + what + " " + quoted(value)
                + (hint.isEmpty() ? "; use one of " + String.join(", ", known) : hint);
    }

    /** One validation pass: each method checks one part of the spec and returns it normalised. */
    private final class Rules {
        private final SpecProblems problems;

        Rules(SpecProblems problems) {
            this.problems = problems;
        }

        String name(String name) {
            if (blank(name)) {
                problems.add("name", "required — a short id for this haven such as 'home' "
                        + "(lower-case letters, digits and dashes)");
            } else if (name.length() > NAME_MAX) {
                problems.add("name", quoted(name) + " is " + name.length() + " characters long; use at most "
                        + NAME_MAX + ", e.g. " + quoted(slugOf(name, NAME_MAX)));
            } else if (!NAME.matcher(name).matches()) {
                problems.add("name", quoted(name) + " must be lower-case letters, digits and dashes, starting and "
                        + "ending with a letter or digit (it labels every cloud resource), e.g. "
                        + quoted(slugOf(name, NAME_MAX)));
            }
            return name;
        }

        String domain(String domain) {
            if (blank(domain)) {
                problems.add("domain", "required — the domain your services live under, e.g. example.com");
                return domain;
            }
            return problems.checked("domain", NetworkNames.domain(domain), domain);
        }

        Owner owner(Owner owner) {
            if (owner == null) {
                problems.add("owner", "required — the name and email of the haven's first administrator");
                return null;
            }
            if (blank(owner.name())) {
                problems.add("owner.name", "required — the name of the haven's first administrator");
            }
            if (blank(owner.email())) {
                problems.add("owner.email", "required — the address for account recovery and certificate notices");
                return owner;
            }
            String email = problems.checked("owner.email", NetworkNames.email(owner.email()), owner.email());
            return new Owner(owner.name() == null ? null : owner.name().trim(), email);
        }

        DnsSpec dns(DnsSpec dns) {
            if (dns == null) {
                return new DnsSpec("manual", null);
            }
            if (blank(dns.provider())) {
                problems.add("dns.provider", "required — one of " + String.join(", ", DNS_PROVIDERS));
                return dns;
            }
            if (!DNS_PROVIDERS.contains(dns.provider())) {
                // For the shorthand 'dns: x' there is no 'dns.provider' line; the problem takes the line of 'dns'.
                problems.add("dns.provider", unknown("DNS provider", dns.provider(), DNS_PROVIDERS));
                return dns;
            }
            if (dns.endpoint() == null) {
                return dns;
            }
            if ("manual".equals(dns.provider())) {
                problems.add("dns.endpoint", "does not apply to manual DNS — remove it");
                return dns;
            }
            return new DnsSpec(dns.provider(), problems.checked("dns.endpoint", NetworkNames.url(dns.endpoint()), dns.endpoint()));
        }

        void tls(TlsMode tls, DnsSpec dns) {
            if (tls == TlsMode.DNS_01 && dns != null && "manual".equals(dns.provider())) {
                problems.add("tls", "dns-01 needs a DNS provider OpenHaven can drive (cloudflare or route53): "
                        + "Let's Encrypt checks a TXT record that must be created at every renewal; "
                        + "use http-01 with manual DNS");
            }
        }

        void services(List<ServiceSelection> services) {
            if (services == null || services.isEmpty()) {
                problems.add("services", "choose at least one service, e.g. [vaultwarden, nextcloud]");
                return;
            }
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < services.size(); i++) {
                String path = "services[" + i + "]";
                String id = services.get(i).id();
                if (blank(id)) {
                    problems.add(path, "a service id is required");
                } else if (firstIndex.containsKey(id)) {
                    problems.add(path, quoted(id) + " is listed twice (also services[" + firstIndex.get(id) + "])");
                } else if (catalog.selectableIds().contains(id)) {
                    firstIndex.put(id, i);
                } else if (id.equals("mail") && catalog.allIds().contains(id)) {
                    problems.add(path, "the mail server is turned on with 'mail: true', not listed here — "
                            + "remove it and add mail: true");
                } else if (catalog.allIds().contains(id)) {
                    problems.add(path, quoted(id) + " is added automatically with the services that need it — "
                            + "remove it");
                } else {
                    String hint = Suggestions.didYouMean(id, catalog.selectableIds());
                    problems.add(path, "unknown service " + quoted(id) + (hint.isEmpty()
                            ? "; choose from " + String.join(", ", catalog.selectableIds().stream().sorted().toList())
                            : hint));
                }
            }
        }

        void peers(VpnSpec vpn) {
            if (vpn == null) {
                return;
            }
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < vpn.peers().size(); i++) {
                String path = "vpn.peers[" + i + "]";
                String peer = vpn.peers().get(i).name();
                if (blank(peer)) {
                    problems.add(path, "a device name is required, e.g. phone");
                } else if (peer.length() > PEER_MAX || !NAME.matcher(peer).matches()) {
                    problems.add(path, quoted(peer) + " must be lower-case letters, digits and dashes, at most "
                            + PEER_MAX + " characters, e.g. " + quoted(slugOf(peer, PEER_MAX)));
                } else if (firstIndex.containsKey(peer)) {
                    problems.add(path, quoted(peer) + " is listed twice (also vpn.peers[" + firstIndex.get(peer) + "])");
                } else {
                    firstIndex.put(peer, i);
                }
            }
        }

        /** The chosen services must fit the server; checked only when both are otherwise valid. */
        void memory(HavenSpec draft, ServerSpec server) {
            if (server == null || server.isExistingServer() || blank(server.size())
                    || problems.has("server.size") || draft.services().isEmpty()
                    || draft.services().stream().anyMatch(s -> blank(s.id()) || !catalog.allIds().contains(s.id()))) {
                return;
            }
            OptionalInt available = sizes.memoryMb(server.provider(), server.size());
            if (available.isEmpty()) {
                return;
            }
            int needed = catalog.minimumMemoryMb(requestedServices(draft, catalog));
            if (needed <= available.getAsInt()) {
                return;
            }
            List<String> larger = sizes.sizesWithAtLeast(server.provider(), needed);
            String advice = larger.isEmpty()
                    ? "no " + server.provider() + " size is that large; choose fewer services"
                    : "choose a larger size such as " + oneOf(larger.stream().limit(SUGGESTED_SIZES).toList())
                    + ", or fewer services";
            problems.add("services", "need " + needed + " MiB of memory, but " + server.provider() + " "
                    + server.size() + " has " + available.getAsInt() + " MiB — " + advice);
        }

    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    private static String oneOf(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /**
     * The services a spec asks for: the chosen ones plus those its other sections imply (wireguard for VPN peers,
     * mail for mail, backup for backups), where the catalog has them.
     */
    public static List<String> requestedServices(HavenSpec spec, ServiceCatalog catalog) {
        Set<String> ids = new LinkedHashSet<>(spec.serviceIds());
        if (spec.vpn() != null && !spec.vpn().peers().isEmpty()) {
            ids.add("wireguard");
        }
        if (spec.mailEnabled()) {
            ids.add("mail");
        }
        if (spec.backup() != null) {
            ids.add("backup");
        }
        List<String> known = new ArrayList<>(ids);
        known.retainAll(catalog.allIds());
        return known;
    }
}
