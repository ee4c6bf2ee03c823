package org.openhaven.engine.secrets;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where secrets are kept, by key ({@code keycloak/admin-password}, {@code ssh/haven-key}, {@code hetzner/token}).
 * The real one is the encrypted vault; renderers and steps only see this interface.
 */
public interface SecretStore {

    Optional<Secret> find(String key);

    void put(String key, Secret value);

    Set<String> keys();

    /** The secret under {@code key}, generating and storing it on first use so re-runs see the same value. */
    default Secret getOrCreate(String key, Supplier<Secret> generator) {
        Optional<Secret> existing = find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Secret created = generator.get();
        put(key, created);
        return created;
    }
}
