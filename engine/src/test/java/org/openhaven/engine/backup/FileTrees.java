package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Generates trees of mixed files (text, random binary, empty, nested, unicode names) and compares trees. */
final class FileTrees {

    private FileTrees() {
    }

    /** About {@code totalBytes} of files under {@code root}, reproducible from {@code seed}. */
    static void generate(Path root, long totalBytes, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(root.resolve("empty-dir"));
        Files.writeString(root.resolve("Grüße – ünïcode.txt"), "hello, haven\n", StandardCharsets.UTF_8);
        Files.write(root.resolve("empty.bin"), new byte[0]);
        long written = 0;
        int index = 0;
        while (written < totalBytes) {
            Path dir = root.resolve("d" + (index % 7)).resolve("sub" + (index % 3));
            Files.createDirectories(dir);
            // Sizes from a few bytes to 8 MiB: many small files and some large, like real service data.
            int size = index % 10 == 0 ? 1 + random.nextInt(8 << 20) : 1 + random.nextInt(64 << 10);
            size = (int) Math.min(size, Math.max(1, totalBytes - written));
            Path file = dir.resolve("f" + index + (index % 2 == 0 ? ".txt" : ".bin"));
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] chunk = new byte[Math.min(size, 1 << 20)];
                int left = size;
                while (left > 0) {
                    int n = Math.min(left, chunk.length);
                    if (index % 2 == 0) {
                        // Compressible text-like content.
                        for (int i = 0; i < n; i++) {
                            chunk[i] = (byte) ('a' + random.nextInt(6));
                        }
                    } else {
                        random.nextBytes(chunk);
                    }
                    out.write(chunk, 0, n);
                    left -= n;
                }
            }
            written += size;
            index++;
        }
    }

    /** Asserts that both trees hold the same relative paths with the same bytes. */
    static void assertIdentical(Path expected, Path actual) throws IOException {
        List<Path> expectedPaths = relativePaths(expected);
        assertThat(relativePaths(actual)).containsExactlyElementsOf(expectedPaths);
        for (Path relative : expectedPaths) {
            Path e = expected.resolve(relative);
            if (Files.isRegularFile(e)) {
                assertThat(Files.mismatch(e, actual.resolve(relative)))
                        .as("first differing byte of %s", relative).isEqualTo(-1L);
            }
        }
    }

    static List<Path> relativePaths(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(root::relativize).map(Path::toString).sorted().map(Path::of).toList();
        }
    }

    /** Copies every directory and file under {@code from} into {@code to}, keeping the relative layout. */
    static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes {@code root} and everything below it, deepest paths first. */
    static void delete(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
