package org.openhaven.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.wizard.WizardStep;

/** Every key the code names literally, and every per-step key, exists in messages.properties. */
class MessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:Messages\\.get|Controls\\.label|Controls\\.fieldLabel)\\(\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

    @Test
    void everyLiteralKeyInTheSourcesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!Messages.has(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyWizardStepHasNavigationTitleAndSubtitle() {
        for (WizardStep step : WizardStep.values()) {
            assertThat(Messages.has(step.key() + ".nav")).as(step.key()).isTrue();
            assertThat(Messages.has(step.key() + ".title")).as(step.key()).isTrue();
            assertThat(Messages.has(step.key() + ".subtitle")).as(step.key()).isTrue();
        }
    }

    @Test
    void everyKeyBuiltFromAnEnumOrListExists() {
        List<String> keys = new ArrayList<>();
        for (org.openhaven.desktop.engine.Choice c : org.openhaven.desktop.engine.Choice.values()) {
            keys.add("server.choice." + c.name().toLowerCase());
            keys.add("server.tokenPrompt." + c.name().toLowerCase());
        }
        for (String dns : org.openhaven.desktop.wizard.DomainViewModel.DNS_PROVIDERS) {
            keys.add("dns." + dns);
            keys.add("dns.tokenPage." + dns);
        }
        for (var o : org.openhaven.engine.plan.ProgressEvent.Outcome.values()) {
            keys.add("deploy.logFinished." + o.name().toLowerCase());
        }
        for (var s : org.openhaven.desktop.tray.TrayStatus.values()) {
            keys.add("tray.status." + s.name().toLowerCase());
        }
        for (var v : org.openhaven.desktop.vpn.VpnState.values()) {
            keys.add("tray.vpn." + v.name().toLowerCase());
        }
        for (var h : org.openhaven.desktop.engine.ServiceHealth.State.values()) {
            keys.add("dashboard.health." + h.name().toLowerCase());
        }
        keys.addAll(List.of("tray.sync.ok", "tray.sync.problem", "tray.sync.none", "tray.sync.unknown"));
        assertThat(keys).allMatch(Messages::has, "exists in messages.properties");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.get("tray.open", "Gitea")).isEqualTo("Open Gitea");
        assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
