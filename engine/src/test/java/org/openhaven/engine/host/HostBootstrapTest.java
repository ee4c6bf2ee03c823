package org.openhaven.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.BaseOpenings;
import org.openhaven.engine.testsupport.Requirements;

class HostBootstrapTest {

    private static final List<FirewallRule> WITH_MAIL = java.util.stream.Stream.concat(
            BaseOpenings.WEB_AND_WIREGUARD.stream(), FirewallRuleset.MAIL.stream()).toList();

    private final String key = new SecretGenerators().ed25519("haven").publicKeyLine();
    private final HostBootstrap bootstrap = new HostBootstrap(new BootstrapOptions("haven", key, WITH_MAIL, true));

    @Test
    void scriptPassesShellcheck(@TempDir Path dir) throws Exception {
        Path shellcheck = Requirements.command("shellcheck");
        Path script = Files.writeString(dir.resolve("bootstrap.sh"), bootstrap.script());
        Process p = new ProcessBuilder(shellcheck.toString(), "-s", "sh", script.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void userDataPassesCloudInitSchemaValidation(@TempDir Path dir) throws Exception {
        Path cloudInit = Requirements.command("cloud-init");
        Path userData = Files.writeString(dir.resolve("user-data"), bootstrap.cloudInit());
        Process p = new ProcessBuilder(cloudInit.toString(), "schema", "--config-file", userData.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Valid cloud-config");
    }

    @Test
    void userDataEmbedsExactlyTheScriptThatRunsOverSsh() {
        String embedded = bootstrap.cloudInit().lines().filter(l -> l.startsWith("      ") || l.isEmpty())
                .map(l -> l.isEmpty() ? "" : l.substring(6)).reduce("", (a, b) -> a + b + "\n");
        assertThat(embedded).isEqualTo(bootstrap.script());
    }

    @Test
    void userDataCarriesOnlyThePublicKey() {
        String userData = bootstrap.cloudInit();
        assertThat(userData).contains(key).doesNotContain("PRIVATE KEY").doesNotContainIgnoringCase("token");
    }

    @Test
    void firewallOpensExactlyTheOpeningsItIsGiven() {
        String withoutMail = new HostBootstrap(new BootstrapOptions("haven", key, BaseOpenings.WEB_AND_WIREGUARD,
                true)).script();
        assertThat(bootstrap.script()).contains("FIREWALL_RULESET=" + org.openhaven.engine.remote.RemoteCommand.quote(FirewallRuleset.render(WITH_MAIL)) + "\n")
                .contains("        tcp dport { 22, 25, 80, 443, 465, 587, 993 } accept\n");
        assertThat(withoutMail).contains("        tcp dport { 22, 80, 443 } accept\n        udp dport { 51820 } accept\n")
                .doesNotContain("465");
    }

    @Test
    void hostileUserNamesAndMultiLineKeysAreRejected() {
        assertThatThrownBy(() -> new BootstrapOptions("a;rm -rf /", key, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapOptions("haven", key + "\nssh-ed25519 AAAA evil", List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(bootstrap.script().split("\n", 3)).get(1)).isEqualTo("ADMIN_USER=haven");
    }
}
