package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.Requirements;

class Sha512CryptTest {

    @Test
    void matchesTheVectorOfTheSpecification() {
        // "Unix crypt using SHA-256 and SHA-512" (Ulrich Drepper), test vector 1 of the SHA-512 table.
        assertThat(Sha512Crypt.crypt("Hello world!", "saltstring")).isEqualTo("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iK"
                + "wSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1");
    }

    @Test
    void cutsTheSaltToSixteenCharactersAsGlibcDoes() {
        assertThat(Sha512Crypt.crypt("secret", "0123456789abcdefXYZ"))
                .isEqualTo(Sha512Crypt.crypt("secret", "0123456789abcdef"))
                .startsWith("$6$0123456789abcdef$");
    }

    @Test
    void agreesWithOpensslForPasswordsOfEveryLengthClass() throws IOException, InterruptedException {
        Path openssl = Requirements.command("openssl");
        SecureRandom random = new SecureRandom();
        // Short, exactly one and two SHA-512 blocks, long, and non-ASCII: every branch of the byte sequences.
        for (String password : new String[] {"x", "a".repeat(64), "b".repeat(128), "c".repeat(200), "pässwörd ✓",
                new SecretGenerators(random).password().reveal()}) {
            String ours = Sha512Crypt.hash(Secret.of(password), random).reveal();
            String salt = ours.substring(3, ours.indexOf('$', 3));

            Process process = new ProcessBuilder(openssl.toString(), "passwd", "-6", "-salt", salt, "-stdin")
                    .redirectErrorStream(true).start();
            process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String theirs = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(ours).as("password of length " + password.length()).isEqualTo(theirs);
        }
    }

    @Test
    void matchesOnlyTheRightPassword() {
        Secret hash = Sha512Crypt.hash(Secret.of("right horse battery"), new SecureRandom());

        assertThat(Sha512Crypt.matches(Secret.of("right horse battery"), hash)).isTrue();
        assertThat(Sha512Crypt.matches(Secret.of("wrong horse battery"), hash)).isFalse();
        assertThat(Sha512Crypt.matches(Secret.of("right horse battery"), Secret.of("$2y$10$notsha512"))).isFalse();
    }
}
