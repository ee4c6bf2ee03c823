package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openhaven.engine.cli.InitAnswers.Answer;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.spec.SpecProblem;
import org.openhaven.engine.spec.SpecValidator;

/**
 * The questions of {@code openhaven init} on a terminal: asks what the flags left open, validates, and asks
 * again only what the problems are about, until the answers make a valid spec.
 */
final class InitInterview {

    private final InitQuestions questions;
    private final SpecContext context;
    private final PrintWriter out;

    InitInterview(InitQuestions questions, SpecContext context, PrintWriter out) {
        this.questions = questions;
        this.context = context;
        this.out = out;
    }

    /** The validated spec the answers make. */
    HavenSpec run(InitAnswers answers) {
        out.println("A few questions for your haven.yaml; press Enter to take the answer in [brackets].");
        Set<Answer> toAsk = EnumSet.allOf(Answer.class);
        toAsk.removeIf(answers::has);
        while (true) {
            ask(toAsk, answers);
            List<SpecProblem> problems = context.validator().problems(answers.draft());
            if (problems.isEmpty()) {
                return context.validator().validate(answers.draft());
            }
            toAsk.clear();
            for (SpecProblem problem : problems) {
                out.println("  " + problem.describe());
                Answer answer = Answer.forPath(problem.path());
                if (answer != null) {
                    toAsk.add(answer);
                }
            }
            if (toAsk.isEmpty()) {
                // Nothing init asks about can fix these; asking the same questions again would loop forever.
                throw OpenHavenException.config("The answers do not make a valid haven; nothing was written.",
                        "Write haven.yaml by hand from examples/haven.yaml and run 'openhaven validate'.");
            }
        }
    }

    private void ask(Set<Answer> toAsk, InitAnswers answers) {
        for (Answer answer : Answer.values()) {
            if (!toAsk.contains(answer)) {
                continue;
            }
            String current = answers.current(answer);
            boolean existing = answers.existingServer();
            String value = switch (answer) {
                case DOMAIN -> questions.ask("Domain your services live under, e.g. example.org", current);
                case NAME -> questions.ask("A short id for this haven", current);
                case OWNER_EMAIL -> questions.ask("Your email address", current);
                case OWNER_NAME -> questions.ask("Your name", current);
                case PROVIDER -> questions.choose("Where should the server run", SpecValidator.SERVER_PROVIDERS, current);
                case REGION -> existing ? null : questions.ask("Region", current);
                case SIZE -> existing ? null : questions.ask("Server size", current);
                case HOST -> existing ? questions.ask("Your server's address", current) : null;
                case SSH_USER -> existing
                        ? questions.ask("The user OpenHaven logs in as (root, or one with passwordless sudo)", current)
                        : null;
                case SSH_PORT -> existing ? questions.ask("Its SSH port", current) : null;
                case DNS -> questions.choose("Who manages DNS", SpecValidator.DNS_PROVIDERS, current);
                case SERVICES -> questions.ask("Services, separated by commas; available: "
                        + String.join(", ", new TreeSet<>(context.catalog().selectableIds())), current);
            };
            answers.put(answer, value);
        }
    }
}
