package org.openhaven.desktop.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;

class CompanionProtocolTest {

    @Test
    void eachMessageIsOneExactLine() {
        assertThat(CompanionWriter.format(new CompanionMessage.Unlock("home", Secret.of("correct horse"))))
                .isEqualTo("unlock home Y29ycmVjdCBob3JzZQ==");
        assertThat(CompanionWriter.format(new CompanionMessage.DeployFinished(ProgressEvent.Outcome.SUCCEEDED, 7)))
                .isEqualTo("deploy-finished succeeded 7");
        assertThat(CompanionWriter.format(new CompanionMessage.Focus())).isEqualTo("focus");
        assertThat(CompanionWriter.format(new CompanionMessage.Quit())).isEqualTo("quit");
        assertThat(CompanionWriter.format(new CompanionMessage.TrayReady())).isEqualTo("tray-ready");
        assertThat(CompanionWriter.format(new CompanionMessage.NoTray())).isEqualTo("no-tray");
    }

    @Test
    void aPassphraseWithSpacesLineBreaksAndNonAsciiSurvivesTheRoundTrip() {
        Secret passphrase = Secret.of("grüne Äpfel \n über  alles ");

        String line = CompanionWriter.format(new CompanionMessage.Unlock("family-2", passphrase));

        assertThat(line).doesNotContain("\n");
        assertThat(CompanionParser.parse(line)).contains(new CompanionMessage.Unlock("family-2", passphrase));
    }

    @Test
    void parsesWhatTheWriterWrites() {
        assertThat(CompanionParser.parse("deploy-finished failed 0"))
                .contains(new CompanionMessage.DeployFinished(ProgressEvent.Outcome.FAILED, 0));
        assertThat(CompanionParser.parse("deploy-finished cancelled 3"))
                .contains(new CompanionMessage.DeployFinished(ProgressEvent.Outcome.CANCELLED, 3));
        assertThat(CompanionParser.parse("focus")).contains(new CompanionMessage.Focus());
        assertThat(CompanionParser.parse("quit\r")).contains(new CompanionMessage.Quit());
        assertThat(CompanionParser.parse("tray-ready")).contains(new CompanionMessage.TrayReady());
        assertThat(CompanionParser.parse("no-tray")).contains(new CompanionMessage.NoTray());
    }

    @Test
    void unknownOrMalformedLinesAreNotMessages() {
        assertThat(CompanionParser.parse("")).isEmpty();
        assertThat(CompanionParser.parse("open-window")).isEmpty();
        assertThat(CompanionParser.parse("focus now")).isEmpty();
        assertThat(CompanionParser.parse("unlock home")).isEmpty();
        assertThat(CompanionParser.parse("unlock ../etc cGFzcw==")).isEmpty();
        assertThat(CompanionParser.parse("unlock home not*base64")).isEmpty();
        assertThat(CompanionParser.parse("unlock home ")).isEmpty();
        assertThat(CompanionParser.parse("deploy-finished exploded 1")).isEmpty();
        assertThat(CompanionParser.parse("deploy-finished succeeded -1")).isEmpty();
        assertThat(CompanionParser.parse("deploy-finished succeeded 99999999999")).isEmpty();
    }

    @Test
    void theReaderHandsOnMessagesInOrderSkipsGarbageAndReportsTheEnd() {
        String lines = "unlock home cGFzcw==\nsomething a newer version says\nfocus\n";
        List<Object> seen = new ArrayList<>();

        CompanionLink.read("tray", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), seen::add,
                () -> seen.add("closed"));

        assertThat(seen).containsExactly(new CompanionMessage.Unlock("home", Secret.of("pass")),
                new CompanionMessage.Focus(), "closed");
    }

    @Test
    void writesLinesAndAfterTheOtherSideIsGoneDropsMessagesInsteadOfFailing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompanionWriter writer = new CompanionWriter(bytes);

        assertThat(writer.send(new CompanionMessage.Focus())).isTrue();
        assertThat(writer.send(new CompanionMessage.Quit())).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("focus\nquit\n");

        CompanionWriter toGone = new CompanionWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        assertThat(toGone.send(new CompanionMessage.Focus())).isFalse();
        assertThat(toGone.send(new CompanionMessage.Focus())).isFalse();
    }

    @Test
    void anUnlockMessageNeverShowsItsPassphrase() {
        assertThat(new CompanionMessage.Unlock("home", Secret.of("s3cret-passphrase")).toString())
                .doesNotContain("s3cret-passphrase");
    }
}
