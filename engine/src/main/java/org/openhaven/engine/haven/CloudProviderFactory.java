package org.openhaven.engine.haven;

import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.secrets.SecretStore;

/** Creates a cloud provider from its endpoint and the credentials in the vault; found by id in a registry. */
public interface CloudProviderFactory {

    /** The provider id used in {@code server.provider} ({@code hetzner}). */
    String id();

    /** @param endpoint the API base URL from the spec, or null for the provider's default */
    CloudProvider create(String endpoint, SecretStore secrets);
}
