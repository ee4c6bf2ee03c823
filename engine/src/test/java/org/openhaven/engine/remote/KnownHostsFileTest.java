package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.OpenHavenException;

class KnownHostsFileTest {

    private static final String FIRST = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
    private static final String SECOND = "SHA256:" + Base64.getEncoder().withoutPadding()
            .encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @Test
    void firstKeySeenIsPinnedAndNotReplacedByALaterRecord(@TempDir Path home) {
        KnownHostsFile pins = KnownHostsFile.in(home);
        assertThat(pins.pinned("203.0.113.7", 22)).isEmpty();
        pins.record("203.0.113.7", 22, FIRST);
        pins.record("203.0.113.7", 22, SECOND);
        assertThat(KnownHostsFile.in(home).pinned("203.0.113.7", 22)).hasValue(FIRST);
        assertThat(pins.pinned("203.0.113.7", 2222)).isEmpty();
    }

    @Test
    void trustReplacesThePinOnPurpose(@TempDir Path home) {
        KnownHostsFile pins = KnownHostsFile.in(home);
        pins.record("h", 22, FIRST);
        assertThat(pins.trust("h", 22, SECOND)).hasValue(FIRST);
        assertThat(pins.pinned("h", 22)).hasValue(SECOND);
    }

    @Test
    void forgetDropsOnlyThatServersPinSoANewServerAtTheAddressIsAFirstContact(@TempDir Path home) {
        KnownHostsFile pins = KnownHostsFile.in(home);
        pins.record("h", 22, FIRST);
        pins.record("other", 22, FIRST);

        pins.forget("h", 22);
        pins.record("h", 22, SECOND);

        assertThat(KnownHostsFile.in(home).pinned("h", 22)).hasValue(SECOND);
        assertThat(pins.pinned("other", 22)).hasValue(FIRST);
    }

    @Test
    void aMistypedFingerprintIsRefused(@TempDir Path home) {
        assertThatThrownBy(() -> KnownHostsFile.in(home).trust("h", 22, "SHA256:abc"))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("not an SSH host key fingerprint");
    }
}
