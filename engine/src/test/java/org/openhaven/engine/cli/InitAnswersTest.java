package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cli.InitAnswers.Answer;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.SpecProblem;

class InitAnswersTest {

    @Test
    void defaultsFollowEarlierAnswers() {
        InitAnswers answers = new InitAnswers();
        answers.put(Answer.DOMAIN, "bücher.example");
        answers.put(Answer.OWNER_EMAIL, "ada.lovelace@example.org");
        answers.put(Answer.PROVIDER, "digitalocean");

        assertThat(answers.current(Answer.NAME)).isEqualTo("bucher");
        assertThat(answers.current(Answer.OWNER_NAME)).isEqualTo("Ada Lovelace");
        assertThat(answers.current(Answer.REGION)).isEqualTo("fra1");
        assertThat(answers.current(Answer.SIZE)).isEqualTo("s-2vcpu-4gb");
    }

    @Test
    void existingServerDraftIsReachedAsRootOnPort22() {
        InitAnswers answers = new InitAnswers();
        answers.put(Answer.PROVIDER, "ssh");
        answers.put(Answer.HOST, "203.0.113.7");
        answers.put(Answer.SERVICES, " vaultwarden , ,gitea ");

        HavenSpec draft = answers.draft();

        assertThat(draft.server()).isEqualTo(new ServerSpec("ssh", null, null, "203.0.113.7", 22, "root", null));
        assertThat(draft.serviceIds()).containsExactly("vaultwarden", "gitea");
    }

    @Test
    void blankAnswersCountAsMissing() {
        InitAnswers answers = new InitAnswers();
        answers.put(Answer.DOMAIN, "  ");

        assertThat(answers.missingFlags(List.of(Answer.DOMAIN, Answer.OWNER_EMAIL)))
                .containsExactly("--domain", "--owner-email");
    }

    @Test
    void problemsPointAtTheFlagThatFixesThem() {
        assertThat(InitAnswers.withFlag(new SpecProblem("services[1]", 0, "unknown service 'x'")))
                .isEqualTo("services[1] (--services): unknown service 'x'");
        assertThat(InitAnswers.withFlag(new SpecProblem("server.port", 0, "70000 is not a port number (1–65535)")))
                .isEqualTo("server.port (--ssh-port): 70000 is not a port number (1–65535)");
        assertThat(InitAnswers.withFlag(new SpecProblem("server.endpoint", 0, "not a URL")))
                .as("a path no flag sets").isEqualTo("server.endpoint: not a URL");
    }
}
