package org.openhaven.engine.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * The vault's file format. Layout (big-endian):
 * <pre>
 *   header: "OHVAULT" (7 bytes) · format version (1) · Argon2 iterations t (4) · memory KiB (4) · parallelism (4)
 *           · salt (16)
 *   body:   IV (12) · AES-256-GCM ciphertext with 128-bit tag
 * </pre>
 * The whole header is the GCM additional data, so changing a KDF parameter or the salt is detected like a
 * changed ciphertext byte. The key comes from Argon2id v1.3 over the passphrase.
 */
final class VaultCipher {

    static final byte[] MAGIC = "OHVAULT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SALT_BYTES = 16;
    static final int IV_BYTES = 12;
    static final int HEADER_BYTES = MAGIC.length + 1 + 4 + 4 + 4 + SALT_BYTES;
    private static final int TAG_BITS = 128;

    /** Key derivation parameters; the defaults are t=3, m=64 MiB, p=1. */
    record KdfParams(int iterations, int memoryKib, int parallelism) {
        static final KdfParams DEFAULT = new KdfParams(3, 64 * 1024, 1);

        /** Bounds that reject a damaged header before it makes us allocate gigabytes. */
        boolean plausible() {
            return iterations >= 1 && iterations <= 16 && memoryKib >= 8 * 1024 && memoryKib <= 1024 * 1024
                    && parallelism >= 1 && parallelism <= 16;
        }
    }

    /** A derived key together with the header it belongs to. */
    record SealingKey(byte[] header, byte[] key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    static SealingKey newKey(char[] passphrase, KdfParams params) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] header = header(params, salt);
        return new SealingKey(header, derive(passphrase, params, salt));
    }

    static byte[] seal(SealingKey key, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(key.header());
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(key.header().length + IV_BYTES + body.length)
                    .put(key.header()).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw OpenHavenException.internal("Could not encrypt the vault.", e);
        }
    }

    /** Parses the header and derives the key; the returned key can seal later versions of the same vault. */
    static SealingKey keyFor(byte[] file, char[] passphrase) {
        if (file.length < HEADER_BYTES + IV_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw damaged("it is not an OpenHaven vault or it was cut short");
        }
        ByteBuffer in = ByteBuffer.wrap(file, MAGIC.length, HEADER_BYTES - MAGIC.length);
        int version = in.get();
        if (version != VERSION) {
            throw damaged("its format version " + version + " is unknown");
        }
        KdfParams params = new KdfParams(in.getInt(), in.getInt(), in.getInt());
        if (!params.plausible()) {
            throw damaged("its key-derivation settings are out of range");
        }
        byte[] salt = new byte[SALT_BYTES];
        in.get(salt);
        return new SealingKey(Arrays.copyOf(file, HEADER_BYTES), derive(passphrase, params, salt));
    }

    static byte[] open(SealingKey key, byte[] file) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.key(), "AES"),
                    new GCMParameterSpec(TAG_BITS, file, HEADER_BYTES, IV_BYTES));
            cipher.updateAAD(file, 0, HEADER_BYTES);
            return cipher.doFinal(file, HEADER_BYTES + IV_BYTES, file.length - HEADER_BYTES - IV_BYTES);
        } catch (AEADBadTagException e) {
            // GCM cannot tell a wrong key from a changed byte: say both, wrong passphrase first (far likelier)
            throw OpenHavenException.of(ErrorCategory.CONFIG,
                            "The vault could not be opened: wrong passphrase or the vault file was changed.")
                    .remedy("Check the passphrase (OPENHAVEN_PASSPHRASE or the one you typed). If it is right, "
                            + "the vault file was modified or damaged: restore it from a backup.")
                    .build();
        } catch (GeneralSecurityException e) {
            throw OpenHavenException.internal("Could not decrypt the vault.", e);
        }
    }

    private static byte[] header(KdfParams params, byte[] salt) {
        return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put((byte) VERSION)
                .putInt(params.iterations()).putInt(params.memoryKib()).putInt(params.parallelism())
                .put(salt).array();
    }

    private static byte[] derive(char[] passphrase, KdfParams params, byte[] salt) {
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(params.iterations())
                .withMemoryAsKB(params.memoryKib())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon);
        byte[] key = new byte[32];
        generator.generateBytes(passphrase, key);
        return key;
    }

    private static OpenHavenException damaged(String why) {
        return OpenHavenException.of(ErrorCategory.CONFIG, "The vault file is damaged: " + why + ".")
                .remedy("Restore the vault file from a backup.").build();
    }
}
