package org.openhaven.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.openhaven.engine.secrets.Secret;

/**
 * SHA512-CRYPT ({@code $6$salt$hash}), the password scheme docker-mailserver's Dovecot reads from
 * {@code postfix-accounts.cf} (it is what its own {@code setup email add} writes). Implemented after Ulrich
 * Drepper's specification "Unix crypt using SHA-256 and SHA-512" with the default 5000 rounds, because neither
 * Bouncy Castle nor the JDK ships it; the tests check it against the specification's vectors and against
 * {@code openssl passwd -6}.
 */
final class Sha512Crypt {

    static final String PREFIX = "$6$";
    static final int ROUNDS = 5000;
    static final int SALT_LENGTH = 16;
    private static final String B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** The byte order of the final base-64 encoding, three bytes at a time, as the specification lists it. */
    private static final int[][] ORDER = {
        {0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48}, {28, 49, 7},
        {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13}, {56, 14, 35},
        {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};

    private Sha512Crypt() {
    }

    /** The hash of {@code password} with a fresh random 16-character salt. */
    static Secret hash(Secret password, SecureRandom random) {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(B64.charAt(random.nextInt(B64.length())));
        }
        return Secret.of(crypt(password.reveal(), salt.toString()));
    }

    /** Whether {@code hash} (a {@code $6$salt$…} string with default rounds) is the hash of {@code password}. */
    static boolean matches(Secret password, Secret hash) {
        String value = hash.reveal();
        if (!value.startsWith(PREFIX) || value.indexOf('$', PREFIX.length()) < 0) {
            return false;
        }
        String salt = value.substring(PREFIX.length(), value.indexOf('$', PREFIX.length()));
        return MessageDigest.isEqual(crypt(password.reveal(), salt).getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code $6$<salt>$<hash>} for the default 5000 rounds; the salt is cut to 16 characters as in glibc. */
    static String crypt(String password, String salt) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        String saltText = salt.length() > SALT_LENGTH ? salt.substring(0, SALT_LENGTH) : salt;
        byte[] saltBytes = saltText.getBytes(StandardCharsets.US_ASCII);

        MessageDigest b = sha512();
        b.update(key);
        b.update(saltBytes);
        b.update(key);
        byte[] bDigest = b.digest();

        MessageDigest a = sha512();
        a.update(key);
        a.update(saltBytes);
        repeat(a, bDigest, key.length);
        for (int n = key.length; n > 0; n >>= 1) {
            a.update((n & 1) != 0 ? bDigest : key);
        }
        byte[] aDigest = a.digest();

        MessageDigest dp = sha512();
        for (int i = 0; i < key.length; i++) {
            dp.update(key);
        }
        byte[] p = sequence(dp.digest(), key.length);

        MessageDigest ds = sha512();
        for (int i = 0; i < 16 + (aDigest[0] & 0xff); i++) {
            ds.update(saltBytes);
        }
        byte[] s = sequence(ds.digest(), saltBytes.length);

        byte[] c = aDigest;
        for (int round = 0; round < ROUNDS; round++) {
            MessageDigest r = sha512();
            r.update((round & 1) != 0 ? p : c);
            if (round % 3 != 0) {
                r.update(s);
            }
            if (round % 7 != 0) {
                r.update(p);
            }
            r.update((round & 1) != 0 ? c : p);
            c = r.digest();
        }
        Arrays.fill(p, (byte) 0);
        Arrays.fill(key, (byte) 0);

        StringBuilder out = new StringBuilder(PREFIX).append(saltText).append('$');
        for (int[] group : ORDER) {
            encode(out, c[group[0]], c[group[1]], c[group[2]], 4);
        }
        encode(out, (byte) 0, (byte) 0, c[63], 2);
        return out.toString();
    }

    /** Feeds {@code digest} into {@code md} for {@code length} bytes: whole digests, then the head of one. */
    private static void repeat(MessageDigest md, byte[] digest, int length) {
        int left = length;
        for (; left > 64; left -= 64) {
            md.update(digest);
        }
        md.update(digest, 0, left);
    }

    /** The byte sequence P or S of the specification: {@code digest} repeated to {@code length} bytes. */
    private static byte[] sequence(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % 64];
        }
        return out;
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int characters) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < characters; i++) {
            out.append(B64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
    }
}
