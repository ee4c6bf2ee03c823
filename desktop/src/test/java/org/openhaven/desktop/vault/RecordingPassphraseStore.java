package org.openhaven.desktop.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openhaven.engine.secrets.Secret;

/**
 * A keychain in memory that records every call by account, so tests can assert exactly which entries exist and in
 * which order they were written and removed. It can be told to refuse writes, as a locked keychain does.
 */
public final class RecordingPassphraseStore implements PassphraseStore {

    private final Map<String, Secret> entries = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private boolean refusesWrites;

    public RecordingPassphraseStore with(String account, String passphrase) {
        entries.put(account, Secret.of(passphrase));
        return this;
    }

    RecordingPassphraseStore refusingWrites() {
        refusesWrites = true;
        return this;
    }

    /** Account → passphrase, revealed for assertions. */
    synchronized Map<String, String> entries() {
        return entries.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().reveal(),
                (a, b) -> a, TreeMap::new));
    }

    /** The writes and removals so far, as "save ACCOUNT" and "forget ACCOUNT". */
    synchronized List<String> changes() {
        return calls.stream().filter(c -> !c.startsWith("load ")).toList();
    }

    @Override
    public synchronized Optional<Secret> load(String account) {
        calls.add("load " + account);
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public synchronized boolean save(String account, Secret passphrase) {
        if (refusesWrites) {
            calls.add("refused " + account);
            return false;
        }
        calls.add("save " + account);
        entries.put(account, passphrase);
        return true;
    }

    @Override
    public synchronized void forget(String account) {
        calls.add("forget " + account);
        entries.remove(account);
    }

    @Override
    public boolean canRemember() {
        return true;
    }
}
