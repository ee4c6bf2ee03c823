package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhaven.engine.secrets.SecretGenerators;

class PublicKeysTest {

    @Test
    void publicLineDerivedFromThePrivateKeyEqualsTheGeneratedOne() {
        SecretGenerators.SshKeyPair pair = new SecretGenerators().ed25519("haven");
        assertThat(PublicKeys.authorizedKeyLine(pair.privateKeyPem(), "haven")).isEqualTo(pair.publicKeyLine());
    }
}
