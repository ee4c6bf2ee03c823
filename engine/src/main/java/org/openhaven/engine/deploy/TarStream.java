package org.openhaven.engine.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a POSIX ustar archive in memory, so a whole bundle goes to the server as one stream through one
 * command ({@code tar -x}) instead of one SFTP round trip per file. Deterministic: fixed owner and times, sorted
 * names, so equal bundles give equal bytes.
 */
final class TarStream {

    private static final int BLOCK = 512;

    private TarStream() {
    }

    /** @param files relative path → content; {@code modes} gives each file's permission bits (default 0644) */
    static byte[] of(Map<String, byte[]> files, Map<String, Integer> modes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new java.util.TreeMap<>(files).forEach((name, content) -> {
            out.writeBytes(header(name, content.length, modes.getOrDefault(name, 0644)));
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[BLOCK * 2]);
        return out.toByteArray();
    }

    private static byte[] header(String name, long size, int mode) {
        byte[] h = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 155 + 100) {
            throw new IllegalArgumentException("path too long for a tar header: " + name);
        }
        if (nameBytes.length <= 100) {
            put(h, 0, nameBytes);
        } else {
            int slash = name.lastIndexOf('/', 155);
            put(h, 0, name.substring(slash + 1).getBytes(StandardCharsets.UTF_8));
            put(h, 345, name.substring(0, slash).getBytes(StandardCharsets.UTF_8));
        }
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = '0';
        put(h, 257, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
        put(h, 265, "root".getBytes(StandardCharsets.US_ASCII));
        put(h, 297, "root".getBytes(StandardCharsets.US_ASCII));
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        put(h, offset, padded.getBytes(StandardCharsets.US_ASCII));
    }

    private static void put(byte[] h, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, h, offset, bytes.length);
    }
}
