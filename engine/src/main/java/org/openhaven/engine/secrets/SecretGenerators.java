package org.openhaven.engine.secrets;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** Makes the secrets a haven needs. Every method draws from one {@link SecureRandom}. */
public final class SecretGenerators {

    /** Letters and digits only: safe unquoted in .env files, YAML, URLs and shell words. */
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** 24 characters of a 62-letter alphabet: log2(62) * 24 ≈ 142.9 bits, above the 128 we require. */
    public static final int PASSWORD_LENGTH = 24;

    private final SecureRandom random;

    public SecretGenerators() {
        this(new SecureRandom());
    }

    public SecretGenerators(SecureRandom random) {
        this.random = random;
    }

    public Secret password() {
        char[] chars = new char[PASSWORD_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
        }
        return Secret.of(new String(chars));
    }

    /** A random key of {@code bytes} bytes, hex encoded (for JWT secrets and similar). */
    public Secret hexKey(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        StringBuilder hex = new StringBuilder(bytes * 2);
        for (byte b : raw) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return Secret.of(hex.toString());
    }

    /** An Ed25519 key pair in OpenSSH formats: the private key as PEM, the public key as an authorized_keys line. */
    public SshKeyPair ed25519(String comment) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        try {
            byte[] privateBlob = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
            byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey((Ed25519PublicKeyParameters) pair.getPublic());
            String publicLine = "ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob)
                    + (comment == null || comment.isBlank() ? "" : " " + comment);
            return new SshKeyPair(Secret.of(pem("OPENSSH PRIVATE KEY", privateBlob)), publicLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WireGuard key pair, both halves as the 44-character base64 strings {@code wg} uses. */
    public WireGuardKeyPair wireGuard() {
        X25519KeyPairGenerator generator = new X25519KeyPairGenerator();
        generator.init(new X25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        // BC clamps the scalar when it uses it, not when it stores it; wg expects the clamped form.
        byte[] privateKey = ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
        privateKey[0] &= (byte) 248;
        privateKey[31] &= (byte) 127;
        privateKey[31] |= (byte) 64;
        byte[] publicKey = ((X25519PublicKeyParameters) pair.getPublic()).getEncoded();
        return new WireGuardKeyPair(
                Secret.of(Base64.getEncoder().encodeToString(privateKey)),
                Base64.getEncoder().encodeToString(publicKey));
    }

    /** A WireGuard pre-shared key: 32 random bytes, base64. */
    public Secret wireGuardPresharedKey() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Secret.of(Base64.getEncoder().encodeToString(raw));
    }

    /** An RSA-2048 DKIM key: the private key as PKCS#8 PEM and the DNS TXT value, split into 255-character strings. */
    public DkimKey dkim() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair pair = generator.generateKeyPair();
            String txt = dkimTxtValue(pair.getPublic());
            return new DkimKey(Secret.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded())), txt, split255(txt));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /**
     * The DNS TXT value for a DKIM private key in PKCS#8 PEM form (as {@link #dkim()} makes it), so a vault that
     * keeps only the private key can always publish the matching record.
     */
    public static String dkimTxtValue(Secret privateKeyPem) {
        try (PemReader reader = new PemReader(new StringReader(privateKeyPem.reveal()))) {
            PemObject pem = reader.readPemObject();
            if (pem == null || !"PRIVATE KEY".equals(pem.getType())) {
                throw new IllegalArgumentException("not a PKCS#8 PEM private key");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem.getContent()));
            return dkimTxtValue(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    private static String dkimTxtValue(PublicKey publicKey) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    static List<String> split255(String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            parts.add(value.substring(i, Math.min(value.length(), i + 255)));
        }
        return List.copyOf(parts);
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** An SSH key pair: the private key in OpenSSH PEM form, the public key as an authorized_keys line. */
    public record SshKeyPair(Secret privateKeyPem, String publicKeyLine) {
    }

    /** A WireGuard key pair. The public half is not secret. */
    public record WireGuardKeyPair(Secret privateKey, String publicKey) {
    }

    /** A DKIM key: the private PEM, the whole TXT value, and the value split for DNS (255 characters each). */
    public record DkimKey(Secret privateKeyPem, String txtValue, List<String> txtStrings) {
    }
}
