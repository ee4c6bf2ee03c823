package org.openhaven.engine.spec;

/** How Traefik proves domain ownership to Let's Encrypt. */
public enum TlsMode {
    /** One certificate per host name, proven over port 80. Works with any DNS setup. */
    HTTP_01("http-01"),
    /** A wildcard certificate proven through the DNS provider's API (Cloudflare or Route53). */
    DNS_01("dns-01");

    private final String yamlName;

    TlsMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
