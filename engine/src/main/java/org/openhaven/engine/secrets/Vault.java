package org.openhaven.engine.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.AtomicFiles;

/**
 * The encrypted secret store of one haven: a single file sealed with AES-256-GCM under a key derived from a
 * passphrase with Argon2id (see {@code VaultCipher} for the format). Every {@link #put} re-seals the file with a
 * fresh IV and writes it atomically with mode 0600. Thread-safe.
 */
public final class Vault implements SecretStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final VaultCipher.SealingKey key;
    private final TreeMap<String, String> secrets;

    private Vault(Path file, VaultCipher.SealingKey key, TreeMap<String, String> secrets) {
        this.file = file;
        this.key = key;
        this.secrets = secrets;
    }

    /** Opens the vault at {@code file}, or creates an empty one sealed with this passphrase if there is none. */
    public static Vault openOrCreate(Path file, Secret passphrase) {
        return openOrCreate(file, passphrase, VaultCipher.KdfParams.DEFAULT);
    }

    static Vault openOrCreate(Path file, Secret passphrase, VaultCipher.KdfParams params) {
        char[] chars = passphrase.reveal().toCharArray();
        try {
            byte[] content = readIfExists(file);
            if (content == null) {
                Vault created = new Vault(file, VaultCipher.newKey(chars, params), new TreeMap<>());
                created.save();
                return created;
            }
            VaultCipher.SealingKey key = VaultCipher.keyFor(content, chars);
            byte[] plaintext = VaultCipher.open(key, content);
            try {
                TreeMap<String, String> secrets = JSON.readValue(plaintext, new TypeReference<TreeMap<String, String>>() { });
                return new Vault(file, key, secrets);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The vault " + file + " could not be read.")
                    .remedy("Check that the file exists and that you may read it.").build();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether a vault file exists at this path. */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Secret> find(String key) {
        return Optional.ofNullable(secrets.get(key)).map(Secret::of);
    }

    @Override
    public synchronized void put(String key, Secret value) {
        if (key == null || key.isBlank()) {
            throw OpenHavenException.config("A secret needs a name.", "Use a name such as 'hetzner/token'.");
        }
        secrets.put(key, value.reveal());
        save();
    }

    /** Removes a secret; returns whether it was there. */
    public synchronized boolean remove(String key) {
        boolean had = secrets.remove(key) != null;
        if (had) {
            save();
        }
        return had;
    }

    @Override
    public synchronized Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(secrets.keySet()));
    }

    private void save() {
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(secrets);
        } catch (IOException e) {
            throw OpenHavenException.internal("Could not encode the vault.", e);
        }
        try {
            AtomicFiles.write(file, VaultCipher.seal(key, plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
