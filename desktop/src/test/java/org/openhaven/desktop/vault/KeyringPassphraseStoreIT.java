package org.openhaven.desktop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.desktop.engine.TwoHavenHome;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The keychain for real on Linux: java-keyring speaking the freedesktop Secret Service over D-Bus to a
 * gnome-keyring-daemon on a session bus of the test's own. Each step is one start of the desktop's unlocking in a
 * child JVM (so the D-Bus address comes from the environment, as on a desktop), and {@code secret-tool}, another
 * client of the same service, checks what the keyring holds under which account.
 */
class KeyringPassphraseStoreIT {

    private static final String HOME = TwoHavenHome.HOME_PASSPHRASE.reveal();
    private static final String FAMILY = TwoHavenHome.FAMILY_PASSPHRASE.reveal();

    @TempDir
    Path dir;

    private SecretServiceSession keyring;
    private Path havenHome;
    private Path work;
    private Path userHome;

    @BeforeEach
    void aSecretServiceAndTwoHavens() throws IOException {
        Requirements.linux();
        keyring = SecretServiceSession.start(Files.createDirectories(dir.resolve("session")));
        havenHome = Files.createDirectories(dir.resolve("openhaven"));
        work = Files.createDirectories(dir.resolve("work"));
        userHome = Files.createDirectories(dir.resolve("user-home"));
        TwoHavenHome.of(havenHome, work);
    }

    @AfterEach
    void stopTheSecretService() {
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void eachHavensPassphraseIsSavedLoadedAndForgottenUnderItsOwnAccountAndTheOldEntryMoves() throws Exception {
        keyring.store("vault-passphrase", HOME);
        Map<String, String> before = tree();

        assertThat(step("start", "home")).as("the old single entry opens home's vault")
                .containsExactly("store KeyringPassphraseStore", "unlocked");
        assertThat(keyring.lookup("vault-passphrase:home")).contains(HOME);
        assertThat(keyring.lookup("vault-passphrase")).as("moved, not copied").isEmpty();

        assertThat(step("start", "family", FAMILY)).containsExactly("store KeyringPassphraseStore", "asked ",
                "unlocked");
        assertThat(keyring.lookup("vault-passphrase:family")).contains(FAMILY);

        assertThat(step("start", "family")).as("kept: nothing asked")
                .containsExactly("store KeyringPassphraseStore", "unlocked");
        assertThat(step("start", "home")).containsExactly("store KeyringPassphraseStore", "unlocked");

        assertThat(step("forget", "home")).containsExactly("store KeyringPassphraseStore", "saved true",
                "saved false");
        assertThat(keyring.lookup("vault-passphrase:home")).isEmpty();
        assertThat(keyring.lookup("vault-passphrase:family")).as("only home's goes").contains(FAMILY);
        assertThat(step("start", "home")).containsExactly("store KeyringPassphraseStore", "asked ", "locked ");

        assertThat(tree()).as("nothing written to the user's home or the havens' files: only the keyring holds it")
                .isEqualTo(before);
        assertThat(filesContaining(HOME, userHome, havenHome, keyring.keyringData())).isEmpty();
        assertThat(filesContaining(FAMILY, userHome, havenHome, keyring.keyringData())).isEmpty();
    }

    @Test
    void anEntryChangedElsewhereIsDroppedOnceAndTheNewOneKept() throws Exception {
        keyring.store("vault-passphrase:home", "the passphrase before it was changed");

        List<String> first = step("start", "home", HOME);

        assertThat(first).hasSize(3);
        assertThat(first.get(1)).startsWith("asked The passphrase saved in this computer's keychain no longer opens");
        assertThat(first.get(2)).isEqualTo("unlocked");
        assertThat(keyring.lookup("vault-passphrase:home")).contains(HOME);
        assertThat(step("start", "home")).containsExactly("store KeyringPassphraseStore", "unlocked");
    }

    /** One start of the desktop's unlocking in a child JVM on the test's bus; its output lines. */
    private List<String> step(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Duser.home=" + userHome, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", CliProcess.classPath(), KeyringScenario.class.getName(), args[0], havenHome.toString(),
                work.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Path log = dir.resolve("child-" + System.nanoTime() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OPENHAVEN") || k.startsWith("XDG_")
                || k.equals("DISPLAY"));
        builder.environment().put("HOME", userHome.toString());
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", keyring.address());
        Process child = builder.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the unlocking step did not finish: " + Files.readString(log));
        }
        assertThat(child.exitValue()).as("exit of %s; stderr: %s", List.of(args), Files.readString(log)).isZero();
        return out.lines().toList();
    }

    /** Every file under the user's home and the havens' home, with its size and modification time. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path root : List.of(userHome, havenHome)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(p.toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    private static List<Path> filesContaining(String secret, Path... roots) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    if (indexOf(Files.readAllBytes(p), needle) >= 0) {
                        found.add(p);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
