package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.testsupport.Requirements;

class TarStreamTest {

    private final Map<String, byte[]> files = Map.of(
            "compose.yaml", "services: {}\n".getBytes(StandardCharsets.UTF_8),
            ".env", "A=b\n".getBytes(StandardCharsets.UTF_8),
            "traefik/dynamic/" + "very-long-directory-name-".repeat(4) + "/file.yml", new byte[1500]);

    @Test
    void gnuTarExtractsTheSameFilesWithTheirModes(@TempDir Path dir) throws Exception {
        Path tar = Requirements.command("tar");
        byte[] archive = TarStream.of(files, Map.of(".env", 0600));
        Process p = new ProcessBuilder(tar.toString(), "-x", "-f", "-", "-C", dir.toString()).redirectErrorStream(true)
                .start();
        p.getOutputStream().write(archive);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(file.getKey()))).isEqualTo(file.getValue());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env"))))
                .isEqualTo("rw-------");
    }

    @Test
    void equalBundlesGiveEqualBytes() {
        assertThat(TarStream.of(files, Map.of())).isEqualTo(TarStream.of(Map.copyOf(files), Map.of()));
    }
}
