package org.openhaven.engine.render;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * A rendered stack: the files uploaded to the server (sorted by path), the files that stay with the user
 * (WireGuard client configurations: they hold the devices' private keys), and the manifest.
 *
 * @param files          server files by relative path, including compose.yaml, .env and manifest.json
 * @param sensitiveFiles paths in {@code files} that hold secrets: written with mode 0600 (client files always are)
 * @param clientFiles    files for the user's devices, by path relative to {@code clients/}
 */
public record RenderedBundle(
        SortedMap<String, byte[]> files,
        SortedSet<String> sensitiveFiles,
        SortedMap<String, byte[]> clientFiles,
        Manifest manifest) {

    /** The folder under {@code openhaven render}'s output that receives {@link #clientFiles()}; never uploaded. */
    public static final String CLIENTS_DIRECTORY = "clients";

    public RenderedBundle {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        sensitiveFiles = Collections.unmodifiableSortedSet(new TreeSet<>(sensitiveFiles));
        clientFiles = Collections.unmodifiableSortedMap(new TreeMap<>(clientFiles));
    }

    public String text(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("the bundle has no file " + path);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes the server files into {@code directory} (created if needed): exactly what is uploaded. Files holding
     * secrets are created with mode 0600 before any byte is written, so they are never readable by others, not
     * even briefly.
     */
    public void writeTo(Path directory) {
        writeAll(directory, files, sensitiveFiles);
    }

    /** Writes the device configurations (private keys) into {@code directory}, each with mode 0600. */
    public void writeClientFilesTo(Path directory) {
        writeAll(directory, clientFiles, clientFiles.keySet());
    }

    private static void writeAll(Path directory, SortedMap<String, byte[]> which, Set<String> secret) {
        try {
            Files.createDirectories(directory);
            for (var file : which.entrySet()) {
                write(directory.resolve(file.getKey()), file.getValue(), secret.contains(file.getKey()));
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The bundle could not be written to " + directory + ".")
                    .remedy("Check that the directory is writable and the disk has space.").cause(e).build();
        }
    }

    private static void write(Path target, byte[] bytes, boolean secret) throws IOException {
        Files.createDirectories(target.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (secret && posix) {
            Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            if (!Files.exists(target)) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            Files.setPosixFilePermissions(target, ownerOnly);
        }
        Files.write(target, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }
}
