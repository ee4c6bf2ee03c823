package org.openhaven.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openhaven.engine.secrets.Secret;

/**
 * Argon2id hashes in the PHC string format Vaultwarden's {@code ADMIN_TOKEN} accepts, with the parameters of
 * its own {@code vaultwarden hash} command (the "Bitwarden" preset: m=64 MiB + 4 KiB, t=3, p=4, 32-byte hash):
 * {@code $argon2id$v=19$m=65540,t=3,p=4$<salt>$<hash>}, salt and hash in unpadded standard base64.
 */
public final class Argon2Phc {

    static final int MEMORY_KIB = 65540;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 4;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 32;

    private final SecureRandom random;

    public Argon2Phc(SecureRandom random) {
        this.random = random;
    }

    /** Hashes {@code password} with a fresh random salt. */
    public Secret hash(Secret password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    static Secret hash(Secret password, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .withParallelism(PARALLELISM)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[HASH_BYTES];
        generator.generateBytes(password.reveal().getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return Secret.of("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash));
    }
}
