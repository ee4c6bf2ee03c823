package org.openhaven.engine.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Writes a recovery kit to a file only its owner can read, and never over an existing file. */
public final class RecoveryKitFile {

    private RecoveryKitFile() {
    }

    /** Markdown for {@code .md} files, plain text otherwise. */
    public static void write(RecoveryKit kit, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".md") ? kit.markdown() : kit.plainText();
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                // Created with 0600 from the start, so the password is never readable by others, even briefly.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw OpenHavenException.config("The file " + file + " already exists; the recovery kit was not written.",
                    "Choose a new file name, or move the old file away first.");
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The recovery kit could not be written to " + file + ".")
                    .remedy("Check that the folder exists and that you may write to it.")
                    .cause(e)
                    .build();
        }
    }

    public static RecoveryKit read(Path file) {
        try {
            return RecoveryKit.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The recovery kit " + file + " could not be read.")
                    .remedy("Check the file name and that you may read it.")
                    .cause(e)
                    .build();
        }
    }
}
