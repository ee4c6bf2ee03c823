package org.openhaven.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SortedMap;

/**
 * SHA-256 over bundle files, each as path, length and bytes, in path order: the same files give the same digest,
 * and a renamed file or a changed byte gives another (the length keeps one file's end from passing as the next
 * one's start). Used for the release hash and the containers' config-hash labels.
 */
final class BundleDigest {

    private BundleDigest() {
    }

    /** A SHA-256 digest already fed {@code files}; callers may add more before finishing it. */
    static MessageDigest over(SortedMap<String, byte[]> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (var file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.getValue());
        }
        return digest;
    }
}
