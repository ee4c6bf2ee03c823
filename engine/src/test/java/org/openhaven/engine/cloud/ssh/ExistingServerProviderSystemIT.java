package org.openhaven.engine.cloud.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.deploy.ServerLayout;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.host.BootstrapOptions;
import org.openhaven.engine.host.HostBootstrap;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.BaseOpenings;
import org.openhaven.engine.testsupport.LabHost;

/** The "server I already have" provider against the lab host over real SSH. */
@Tag("system")
class ExistingServerProviderSystemIT {

    private static final HavenLabel LABEL = new HavenLabel("lab-haven");
    private static final ServerLayout LAYOUT = new ServerLayout("/srv/openhaven-provider-it");
    private final LabHost lab = LabHost.shared();

    private ExistingServerProvider provider() {
        return new ExistingServerProvider(lab.target("root"), lab.rootKey().privateKeyPem(), null, LAYOUT);
    }

    private static ServerRequest request() {
        return new ServerRequest("lab-haven-server", null, null, null, null, null, null);
    }

    @Test
    void preflightPassesOnASupportedServerThenMarksItAsTheHavensAndDestroyRemovesOnlyOurFiles() {
        CloudResource server = provider().ensureServer(LABEL, request());
        assertThat(server.kind()).isEqualTo(ResourceKind.SERVER);
        assertThat(server.attribute("hostKey")).startsWith("SHA256:");
        assertThat(server.attribute("os")).startsWith("Debian GNU/Linux 12");
        assertThat(lab.exec("cat", LAYOUT.root() + "/haven-id").strip()).isEqualTo("lab-haven");
        assertThat(provider().listOwned(LABEL)).hasSize(1);
        assertThat(provider().listOwned(new HavenLabel("someone-else"))).isEmpty();

        provider().destroy(server);
        assertThat(lab.exec("sh", "-c", "test -e " + LAYOUT.root() + " && echo present || echo gone").strip())
                .isEqualTo("gone");
        assertThat(lab.exec("sh", "-c", "test -x /usr/sbin/sshd && echo kept").strip()).isEqualTo("kept");
    }

    @Test
    void busyWebPortsAndMissingSudoAreReportedBeforeAnythingChanges() {
        lab.exec("sh", "-c", "id -u nosudo >/dev/null 2>&1 || useradd -m nosudo; install -d -m 0700 -o nosudo "
                + "/home/nosudo/.ssh; cp /root/.ssh/authorized_keys /home/nosudo/.ssh/; chown nosudo "
                + "/home/nosudo/.ssh/authorized_keys");
        // A web server squatting on port 80 in the host's network namespace (a stand-in for nginx or apache2).
        lab.exec("docker", "run", "-d", "--name", "squatter", "--network", "host", LabHost.STANDIN_IMAGE,
                "httpd", "-f", "-p", "80", "-h", "/");
        try {
            ExistingServerProvider asNosudo = new ExistingServerProvider(lab.target("nosudo"),
                    lab.rootKey().privateKeyPem(), null, LAYOUT);
            assertThatThrownBy(() -> asNosudo.ensureServer(LABEL, request()))
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                        assertThat(e.userMessage()).contains("may not run commands as root",
                                "Ports 80/443 are already in use");
                        assertThat(e.remedy()).contains("NOPASSWD", "systemctl disable --now");
                    });
            assertThat(lab.exec("sh", "-c", "test -e " + LAYOUT.root() + " && echo present || echo untouched")
                    .strip()).isEqualTo("untouched");
            // The bootstrap itself refuses too, before it changes anything.
            HostBootstrap bootstrap = new HostBootstrap(new BootstrapOptions("portcheck",
                    new SecretGenerators().ed25519("x").publicKeyLine(), BaseOpenings.WEB_AND_WIREGUARD, false));
            try (SshConnection root = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                    Duration.ofSeconds(10))) {
                assertThatThrownBy(() -> bootstrap.run(new SshExecutor(root), OutputConsumer.IGNORE))
                        .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                            assertThat(e.userMessage()).contains("ports 80/443 are already in use");
                            assertThat(e.remedy()).contains("port 80 or 443");
                        });
            }
            assertThat(lab.exec("sh", "-c", "id -u portcheck >/dev/null 2>&1 && echo created || echo untouched")
                    .strip()).isEqualTo("untouched");
        } finally {
            lab.exec("docker", "rm", "-f", "squatter");
        }
    }

    @Test
    void verifyCredentialsNamesTheLoginAndHostKey() {
        assertThat(provider().verifyCredentials()).startsWith("root@" + lab.address() + ":22 (host key SHA256:");
        try (SshConnection c = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                Duration.ofSeconds(10))) {
            assertThat(provider().verifyCredentials()).contains(c.hostKeyFingerprint());
        }
    }
}
