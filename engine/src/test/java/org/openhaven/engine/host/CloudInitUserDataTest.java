package org.openhaven.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;

class CloudInitUserDataTest {

    @Test
    void userDataCreatesTheAdminWithTheHavensKeyAndOpensMailPortsOnlyWithMail() {
        String key = new SecretGenerators().ed25519("haven").publicKeyLine();
        HavenSpec withMail = new HavenSpec("h", "example.org", null, null, null, null, List.of(), null, null,
                new MailSpec(true));
        HavenSpec noMail = new HavenSpec("h", "example.org", null, null, null, null, List.of(), null, null, null);
        String mail = new CloudInitUserData().userData(withMail, key + "\n");
        assertThat(mail).startsWith("#cloud-config\n").contains("ADMIN_USER=openhaven", key, "tcp dport { 22, 25, 80, 443, 465, 587, 993 } accept",
                "INSTALL_PACKAGES=yes");
        assertThat(new CloudInitUserData().userData(noMail, key)).contains("tcp dport { 22, 80, 443 } accept");
    }
}
