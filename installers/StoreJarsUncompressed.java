import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in a folder with its entries stored, not deflated, keeping their order and content (so jar
 * signatures stay valid). An installer's own compression (xz in a .deb, LZX in an .msi) then works across all
 * classes at once and the package shrinks by about a third. Run by installers/build.sh as a single-file program:
 * {@code java installers/StoreJarsUncompressed.java DIR} — it needs nothing but the JDK.
 */
public final class StoreJarsUncompressed {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java StoreJarsUncompressed.java DIR");
            System.exit(2);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                store(jar);
            }
        }
    }

    private static void store(Path jar) throws IOException {
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(stored);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry source = entries.nextElement();
                byte[] data;
                try (InputStream content = in.getInputStream(source)) {
                    data = content.readAllBytes();
                }
                ZipEntry entry = new ZipEntry(source.getName());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setCrc(crc.getValue());
                if (source.getLastModifiedTime() != null) {
                    entry.setLastModifiedTime(source.getLastModifiedTime());
                }
                out.putNextEntry(entry);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
