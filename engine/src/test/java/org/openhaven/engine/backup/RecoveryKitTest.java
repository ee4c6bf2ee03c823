package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

class RecoveryKitTest {

    private static final RecoveryKit KIT = new RecoveryKit("my-haven", "example.org",
            ResticRepository.of(new BackupSpec("https://s3.eu-central-003.backblazeb2.com", "eu-central-003",
                    "haven-backups", "home", null, null)),
            Secret.of("Tr0ub4dor&3-long-enough"), Instant.parse("2026-11-24T20:30:00Z"));

    @Test
    void plainTextNamesTheLocationPasswordDateAndBothWaysToRecover() {
        String text = KIT.plainText();
        assertThat(text).contains("Repository:  s3:https://s3.eu-central-003.backblazeb2.com/haven-backups/home\n")
                .contains("Password:    Tr0ub4dor&3-long-enough\n")
                .contains("Created:     2026-11-24 20:30 UTC\n")
                .contains("openhaven recover --kit")
                .contains("\"Restore a haven from its recovery kit\" on the welcome page")
                .contains("restic restore latest --target /restore")
                .contains("psql -v ON_ERROR_STOP=1 -d <database> -f <file>");
    }

    @Test
    void bothRenderingsReadBackToTheSameKit() {
        for (String rendering : new String[] {KIT.plainText(), KIT.markdown()}) {
            RecoveryKit parsed = RecoveryKit.parse(rendering);
            assertThat(parsed.repository()).isEqualTo(KIT.repository());
            assertThat(parsed.password()).isEqualTo(KIT.password());
            assertThat(parsed.havenId()).isEqualTo("my-haven");
            assertThat(parsed.domain()).isEqualTo("example.org");
            assertThat(parsed.createdAt()).isEqualTo(KIT.createdAt());
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(KIT.toString()).doesNotContain("Tr0ub4dor");
    }

    @Test
    void kitFileIsOwnerOnlyAndNeverOverwritesAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kit.md");
        RecoveryKitFile.write(KIT, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file).content().startsWith("# OpenHaven recovery kit: example.org");
        assertThatThrownBy(() -> RecoveryKitFile.write(KIT, file))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("already exists");
        assertThat(RecoveryKitFile.read(file).password()).isEqualTo(KIT.password());
    }

    @Test
    void fileThatIsNotAKitIsRejectedByName() {
        assertThatThrownBy(() -> RecoveryKit.parse("Dear diary"))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("not an OpenHaven recovery kit");
    }
}
