package org.openhaven.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.Suggestions;

/** Asks one question at a time on a terminal, offering a default that Enter accepts. */
final class InitQuestions {

    private final BufferedReader in;
    private final PrintWriter out;

    InitQuestions(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** The answer, or {@code defaultValue} on an empty line; asks again while there is neither. */
    String ask(String question, String defaultValue) {
        while (true) {
            out.print(question + (defaultValue == null || defaultValue.isEmpty() ? "" : " [" + defaultValue + "]") + ": ");
            out.flush();
            String line = readLine().trim();
            if (!line.isEmpty()) {
                return line;
            }
            if (defaultValue != null && !defaultValue.isEmpty()) {
                return defaultValue;
            }
            out.println("  An answer is needed here.");
        }
    }

    /** One of {@code choices}; a typo is answered with the nearest choice and the question is asked again. */
    String choose(String question, List<String> choices, String defaultValue) {
        while (true) {
            String answer = ask(question + " (" + String.join(", ", choices) + ")", defaultValue);
            if (choices.contains(answer)) {
                return answer;
            }
            out.println("  '" + answer + "' is not one of the choices" + Suggestions.didYouMean(answer, choices));
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw OpenHavenException.of(ErrorCategory.CANCELLED, "The questions ended before all were answered; "
                        + "nothing was written.").remedy("Run 'openhaven init' again, or pass every answer as a flag "
                        + "with --yes (see 'openhaven init --help').").build();
            }
            return line;
        } catch (IOException unreadable) {
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "The terminal could not be read; nothing was written.")
                    .remedy("Pass every answer as a flag with --yes (see 'openhaven init --help').")
                    .cause(unreadable)
                    .build();
        }
    }
}
