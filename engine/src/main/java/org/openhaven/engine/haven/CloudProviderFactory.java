package org.openhaven.engine.haven;

import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.secrets.SecretStore;

/** Creates a cloud provider from its endpoint and the credentials in the vault; found by id in a registry. */
public interface CloudProviderFactory {

    /** The provider id used in {@code server.provider} ({@code hetzner}). */
    String id();

    /** @param endpoint the API base URL from the spec, or null for the provider's default */
    CloudProvider create(String endpoint, SecretStore secrets);

    /**
     * Creates the provider for a server spec. Providers whose API is regional (AWS EC2) need more of the spec than
     * the endpoint and override this; the others use {@link #create(String, SecretStore)}.
     */
    default CloudProvider create(org.openhaven.engine.spec.ServerSpec server, SecretStore secrets) {
        return create(server.endpoint(), secrets);
    }

    /**
     * What the user should know before deploying {@code spec} at this provider (its policy on outgoing mail, …), as
     * plain sentences for the plan. Needs no credentials and no network, since {@code plan} has neither.
     */
    default java.util.List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        return java.util.List.of();
    }
}
