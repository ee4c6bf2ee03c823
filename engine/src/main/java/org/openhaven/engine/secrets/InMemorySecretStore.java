package org.openhaven.engine.secrets;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A secret store that lives only as long as the process: for dry runs and tests. Thread-safe. */
public final class InMemorySecretStore implements SecretStore {

    private final TreeMap<String, Secret> secrets = new TreeMap<>();

    @Override
    public synchronized Optional<Secret> find(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public synchronized void put(String key, Secret value) {
        secrets.put(key, value);
    }

    @Override
    public synchronized Set<String> keys() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(secrets.keySet()));
    }
}
