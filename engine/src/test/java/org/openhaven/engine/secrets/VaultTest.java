package org.openhaven.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.testsupport.Requirements;

class VaultTest {

    /** Cheapest parameters the format accepts, so the byte-flipping test can open the vault hundreds of times. */
    private static final VaultCipher.KdfParams FAST = new VaultCipher.KdfParams(1, 8 * 1024, 1);
    private static final Secret PASSPHRASE = Secret.of("correct horse battery staple");

    @TempDir
    Path dir;

    @Test
    void secretsSurviveARoundTripThroughTheFile() {
        Path file = dir.resolve("vault.ohv");
        Vault vault = Vault.openOrCreate(file, PASSPHRASE);
        vault.put("hetzner/token", Secret.of("tok-123"));
        vault.put("keycloak/admin-password", Secret.of("pä$$ wörd"));

        Vault reopened = Vault.openOrCreate(file, PASSPHRASE);

        assertThat(reopened.keys()).containsExactly("hetzner/token", "keycloak/admin-password");
        assertThat(reopened.find("keycloak/admin-password").orElseThrow().reveal()).isEqualTo("pä$$ wörd");
        assertThat(reopened.find("nope")).isEmpty();
    }

    @Test
    void theDefaultKeyDerivationIsArgon2idWithSixtyFourMebibytes() throws Exception {
        Path file = dir.resolve("vault.ohv");
        Vault.openOrCreate(file, PASSPHRASE);
        byte[] header = Files.readAllBytes(file);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(header, 8, 12);
        assertThat(new String(header, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OHVAULT");
        assertThat(in.getInt()).as("iterations").isEqualTo(3);
        assertThat(in.getInt()).as("memory KiB").isEqualTo(65536);
        assertThat(in.getInt()).as("parallelism").isEqualTo(1);
    }

    @Test
    void aWrongPassphraseIsReportedAsSuchWithoutRevealingAnything() {
        Path file = dir.resolve("vault.ohv");
        Vault.openOrCreate(file, PASSPHRASE, FAST).put("k", Secret.of("canary-value"));

        assertThatThrownBy(() -> Vault.openOrCreate(file, Secret.of("wrong"), FAST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("wrong passphrase or the vault file was changed");
                    assertThat(e.remedy()).contains("OPENHAVEN_PASSPHRASE");
                    assertThat(e.getMessage()).doesNotContain("canary-value");
                });
    }

    @Test
    void flippingAnySingleByteOfTheFileIsDetected() throws Exception {
        Path file = dir.resolve("vault.ohv");
        Vault.openOrCreate(file, PASSPHRASE, FAST).put("hetzner/token", Secret.of("tok-123"));
        byte[] original = Files.readAllBytes(file);
        int detected = 0;
        for (int i = 0; i < original.length; i++) {
            byte[] damaged = original.clone();
            damaged[i] ^= 0x01; // the low bit keeps KDF parameters small enough to try
            Files.write(file, damaged);
            int position = i;
            assertThatThrownBy(() -> Vault.openOrCreate(file, PASSPHRASE, FAST))
                    .as("byte %d flipped", position)
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> assertThat(e.userMessage())
                            .containsAnyOf("wrong passphrase or the vault file was changed", "vault file is damaged"));
            detected++;
        }
        assertThat(detected).isEqualTo(original.length);
    }

    @Test
    void aTruncatedFileIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("vault.ohv");
        Vault.openOrCreate(file, PASSPHRASE, FAST);
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20));

        assertThatThrownBy(() -> Vault.openOrCreate(file, PASSPHRASE, FAST))
                .hasMessageContaining("vault file is damaged");
    }

    @Test
    void eachSaveUsesAFreshIv() throws Exception {
        Path file = dir.resolve("vault.ohv");
        Vault vault = Vault.openOrCreate(file, PASSPHRASE, FAST);
        vault.put("a", Secret.of("1"));
        byte[] first = Files.readAllBytes(file);
        vault.put("a", Secret.of("1"));
        byte[] second = Files.readAllBytes(file);
        int ivStart = VaultCipher.HEADER_BYTES;
        assertThat(java.util.Arrays.copyOfRange(first, ivStart, ivStart + 12))
                .isNotEqualTo(java.util.Arrays.copyOfRange(second, ivStart, ivStart + 12));
    }

    @Test
    void theVaultFileIsReadableByItsOwnerOnly() throws Exception {
        Requirements.linux();
        Path file = dir.resolve("vault.ohv");
        Vault.openOrCreate(file, PASSPHRASE, FAST).put("k", Secret.of("v"));

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void thePassphraseComesFromTheEnvironmentOrAHiddenPrompt() {
        assertThat(PassphraseSource.obtain(java.util.Map.of("OPENHAVEN_PASSPHRASE", "from-env"), null, "h", false)
                .reveal()).isEqualTo("from-env");
        assertThat(PassphraseSource.obtain(java.util.Map.of(), prompt -> "typed-it".toCharArray(), "h", false)
                .reveal()).isEqualTo("typed-it");
        assertThatThrownBy(() -> PassphraseSource.obtain(java.util.Map.of(), null, "h", false))
                .hasMessageContaining("no terminal")
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.remedy()).contains("OPENHAVEN_PASSPHRASE"));
    }
}
