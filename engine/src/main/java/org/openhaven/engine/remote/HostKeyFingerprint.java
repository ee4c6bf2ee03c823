package org.openhaven.engine.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;

/** The OpenSSH-style SHA-256 fingerprint of a host key ({@code SHA256:} + unpadded base64), as {@code ssh-keygen -l} prints it. */
public final class HostKeyFingerprint {

    private HostKeyFingerprint() {
    }

    public static String of(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return ofBlob(blob);
    }

    /** The fingerprint of a key in SSH wire encoding (the base64 middle of a {@code known_hosts} line, decoded). */
    public static String ofBlob(byte[] sshWireBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sshWireBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
