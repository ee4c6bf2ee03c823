package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cli.InitAnswers.Answer;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecContext;

class InitInterviewTest {

    private final StringWriter printed = new StringWriter();

    private HavenSpec interview(String typed, InitAnswers answers) {
        PrintWriter out = new PrintWriter(printed, true);
        InitQuestions questions = new InitQuestions(new BufferedReader(new StringReader(typed)), out);
        return new InitInterview(questions, SpecContext.builtIn(), out).run(answers);
    }

    @Test
    void wrongAnswersAreShownAndOnlyTheirQuestionsAskedAgain() {
        String typed = String.join("\n",
                "my_home.example.org", "", "ada@example.org", "", "", "", "", "", "vaultwarden,nextclod",
                "example.org", "vaultwarden,nextcloud", "");

        HavenSpec spec = interview(typed, new InitAnswers());

        assertThat(spec.domain()).isEqualTo("example.org");
        assertThat(spec.name()).isEqualTo("my-home");
        assertThat(spec.owner().name()).isEqualTo("Ada");
        assertThat(spec.server().size()).isEqualTo("cx32");
        assertThat(spec.serviceIds()).containsExactly("vaultwarden", "nextcloud");
        assertThat(printed.toString())
                .contains("  domain: 'my_home.example.org' contains '_', which host names cannot; use '-' instead\n"
                        + "  services[1]: unknown service 'nextclod' — did you mean 'nextcloud'?\n"
                        + "Domain your services live under, e.g. example.org [my_home.example.org]: "
                        + "Services, separated by commas;");
    }

    @Test
    void questionsAnsweredByFlagsAreNotAsked() {
        InitAnswers answers = new InitAnswers();
        answers.put(Answer.DOMAIN, "example.org");
        answers.put(Answer.OWNER_EMAIL, "ada@example.org");
        answers.put(Answer.PROVIDER, "ssh");
        answers.put(Answer.HOST, "203.0.113.7");

        HavenSpec spec = interview("\n\nubuntu\n\n\n\n", answers);

        assertThat(spec.server().host()).isEqualTo("203.0.113.7");
        assertThat(spec.server().user()).isEqualTo("ubuntu");
        assertThat(spec.server().port()).isEqualTo(22);
        assertThat(printed.toString()).contains("The user OpenHaven logs in as (root, or one with passwordless sudo) "
                + "[root]: ", "Its SSH port [22]: ");
        assertThat(printed.toString()).doesNotContain("Domain", "email", "Where should the server run", "Region");
    }
}
