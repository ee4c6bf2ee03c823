package org.openhaven.desktop.engine;

/** Where the server runs, as offered on the wizard's server page; {@link #id()} is the spec's provider id. */
public enum Choice {
    HETZNER("hetzner", "https://docs.hetzner.cloud/#getting-started"),
    DIGITALOCEAN("digitalocean", "https://cloud.digitalocean.com/account/api/tokens"),
    AWS("aws", "https://console.aws.amazon.com/iam/home#/security_credentials"),
    EXISTING("ssh", "https://github.com/openhaven/openhaven/blob/main/docs/existing-server.md");

    private final String id;
    private final String tokenPage;

    Choice(String id, String tokenPage) {
        this.id = id;
        this.tokenPage = tokenPage;
    }

    public String id() {
        return id;
    }

    /** The page where a user creates a credential with the scopes OpenHaven needs. */
    public String tokenPage() {
        return tokenPage;
    }

    public boolean isCloud() {
        return this != EXISTING;
    }
}
