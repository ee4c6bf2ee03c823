package org.openhaven.engine.spec;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the {@code server} section: a cloud server needs region and size (a size the provider offers), an
 * existing server needs an address, port and user; fields of the other kind are refused rather than ignored.
 */
final class ServerRules {

    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private final SpecProblems problems;
    private final ServerSizes sizes;

    ServerRules(SpecProblems problems, ServerSizes sizes) {
        this.problems = problems;
        this.sizes = sizes;
    }

    /** The section normalised (host in lower case, fields of the other kind dropped); null when absent. */
    ServerSpec check(ServerSpec server) {
        if (server == null) {
            problems.add("server", "required — where the haven runs, e.g. {provider: hetzner, region: fsn1, "
                    + "size: cx32} or {provider: ssh, host: 203.0.113.7}");
            return null;
        }
        String provider = server.provider();
        if (SpecValidator.blank(provider)) {
            problems.add("server.provider", "required — one of " + String.join(", ", SpecValidator.SERVER_PROVIDERS));
            return server;
        }
        if (!SpecValidator.SERVER_PROVIDERS.contains(provider)) {
            problems.add("server.provider", SpecValidator.unknown("provider", provider, SpecValidator.SERVER_PROVIDERS));
            return server;
        }
        String endpoint = server.endpoint() == null ? null
                : problems.checked("server.endpoint", NetworkNames.url(server.endpoint()), server.endpoint());
        return server.isExistingServer() ? existingServer(server, endpoint) : cloudServer(server, endpoint);
    }

    private ServerSpec cloudServer(ServerSpec server, String endpoint) {
        String provider = server.provider();
        if (SpecValidator.blank(server.region())) {
            problems.add("server.region", "required for " + provider + ", e.g. " + ProviderDefaults.region(provider));
        }
        if (SpecValidator.blank(server.size())) {
            problems.add("server.size", "required for " + provider + ", e.g. " + ProviderDefaults.size(provider));
        } else {
            knownSize(provider, server.size());
        }
        String created = "; " + provider + " creates the server itself — remove it";
        if (server.host() != null) {
            problems.add("server.host", "only applies to provider 'ssh'" + created);
        }
        if (server.port() != null) {
            problems.add("server.port", "only applies to provider 'ssh'" + created);
        }
        if (server.user() != null) {
            problems.add("server.user", "only applies to provider 'ssh'" + created);
        }
        return new ServerSpec(provider, server.region(), server.size(), null, null, null, endpoint);
    }

    private void knownSize(String provider, String size) {
        Set<String> known = sizes.knownSizes(provider);
        if (known.isEmpty() || known.contains(size)) {
            return;
        }
        String hint = Suggestions.didYouMean(size, known);
        problems.add("server.size", "unknown " + provider + " size " + SpecValidator.quoted(size)
                + (hint.isEmpty() ? "; sizes include " + String.join(", ", known.stream().limit(8).toList())
                : hint));
    }

    private ServerSpec existingServer(ServerSpec server, String endpoint) {
        String host = null;
        if (SpecValidator.blank(server.host())) {
            problems.add("server.host", "required for provider 'ssh' — the address of your server");
        } else {
            host = problems.checked("server.host", NetworkNames.host(server.host()), server.host());
        }
        if (server.port() == null) {
            problems.add("server.port", "required for provider 'ssh', usually 22");
        } else if (server.port() < 1 || server.port() > 65535) {
            problems.add("server.port", server.port() + " is not a port number (1–65535)");
        }
        if (SpecValidator.blank(server.user())) {
            problems.add("server.user", "required for provider 'ssh', usually root");
        } else if (!USER.matcher(server.user()).matches()) {
            problems.add("server.user", SpecValidator.quoted(server.user()) + " is not a valid user name");
        }
        String notApplicable = "does not apply to an existing server (provider 'ssh') — remove it";
        if (server.region() != null) {
            problems.add("server.region", notApplicable);
        }
        if (server.size() != null) {
            problems.add("server.size", notApplicable);
        }
        if (server.endpoint() != null) {
            problems.add("server.endpoint", notApplicable);
        }
        return new ServerSpec("ssh", null, null, host, server.port(), server.user(), endpoint);
    }
}
