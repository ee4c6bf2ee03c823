package org.openhaven.engine.cloud;

import java.time.Duration;
import java.util.List;

/**
 * The narrow contract a place to run servers implements. The engine owns the flow (what to ensure in which
 * order, journaling, retries); a provider only talks to its API.
 *
 * <p>Every {@code ensure…} method is idempotent: it first looks the resource up by the haven's label and
 * name, returns it when found, and creates it (labelled) only when it is missing. A retried create therefore
 * never makes a second resource.
 *
 * <p>Failures are {@link org.openhaven.engine.error.OpenHavenException}s: AUTH for 401/403 (never taken to mean
 * "resource gone"), throttling with retry-after for 429, NETWORK for timeouts and unreachable APIs.
 */
public interface CloudProvider {

    /** {@code hetzner}, {@code digitalocean}, {@code aws} or {@code ssh}. */
    String id();

    /** Checks the credentials with a cheap read call; returns a name for the account to show the user. */
    String verifyCredentials();

    List<Region> regions();

    /** Server sizes with monthly prices. */
    List<ServerType> serverTypes();

    /** Monthly price of one public IPv4 address (or reserved/elastic IP), in the provider's currency. */
    java.math.BigDecimal monthlyIpPrice();

    CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh);

    /**
     * Makes the labelled firewall exist with exactly {@code rules} as its inbound openings (default deny). An
     * existing firewall whose openings differ is updated in place with the provider's own update call, so the
     * firewall follows the plan when services or mail are added or removed; one that already matches causes no
     * write at all. Descriptions are not compared.
     */
    CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules);

    CloudResource ensureServer(HavenLabel label, ServerRequest request);

    /** A stable public address for the server, so DNS survives a server rebuild. */
    CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server);

    /** Waits until the server runs and has a public IPv4 address ({@code attribute("ipv4")}). */
    CloudResource waitUntilRunning(CloudResource server, Duration deadline);

    /** Everything at this provider that carries the haven's label. */
    List<CloudResource> listOwned(HavenLabel label);

    /** Deletes one owned resource; deleting something already gone is not an error. */
    void destroy(CloudResource resource);

    /**
     * Things the user should know before deploying this haven here, such as the provider's policy on outgoing
     * mail (port 25) when the haven runs a mail server. Empty when there is nothing to say.
     */
    default List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        return List.of();
    }
}
