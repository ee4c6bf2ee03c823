package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class InitQuestionsTest {

    private final StringWriter printed = new StringWriter();

    private InitQuestions answering(String input) {
        return new InitQuestions(new BufferedReader(new StringReader(input)), new PrintWriter(printed, true));
    }

    @Test
    void emptyAnswerTakesTheDefault() {
        assertThat(answering("\n").ask("Region", "fsn1")).isEqualTo("fsn1");
        assertThat(printed.toString()).isEqualTo("Region [fsn1]: ");
    }

    @Test
    void questionWithoutDefaultIsAskedUntilAnswered() {
        assertThat(answering("\n  example.org \n").ask("Domain", null)).isEqualTo("example.org");
        assertThat(printed.toString()).isEqualTo("Domain:   An answer is needed here.\nDomain: ");
    }

    @Test
    void choiceTypoIsAnsweredWithTheNearestChoice() {
        String answer = answering("hetzer\nhetzner\n").choose("Where", List.of("hetzner", "aws"), "aws");

        assertThat(answer).isEqualTo("hetzner");
        assertThat(printed.toString()).isEqualTo("Where (hetzner, aws) [aws]: "
                + "  'hetzer' is not one of the choices — did you mean 'hetzner'?\n"
                + "Where (hetzner, aws) [aws]: ");
    }

    @Test
    void endOfInputCancelsWithoutWriting() {
        assertThatThrownBy(() -> answering("").ask("Domain", null))
                .isInstanceOfSatisfying(OpenHavenException.class, cancelled -> {
                    assertThat(cancelled.category()).isEqualTo(ErrorCategory.CANCELLED);
                    assertThat(cancelled.userMessage()).contains("nothing was written");
                });
    }
}
