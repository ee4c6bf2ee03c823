package org.openhaven.engine.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.openhaven.engine.secrets.PassphraseSource;

/** The user's terminal: questions, hidden input, and whether anyone is there to answer. Tests script it. */
public interface Terminal extends PassphraseSource.PasswordPrompt {

    /** Whether a person can answer questions (a console is attached). */
    boolean interactive();

    /** Whether output goes to a terminal that can draw progress bars. */
    boolean drawsProgressBars();

    /** Asks a question and returns the answer line; null at end of input. */
    String readLine(String prompt);

    /** Reads all of standard input (for piped secrets). */
    String readStdin();

    /** The real terminal of this process. */
    static Terminal system() {
        Console console = System.console();
        return new Terminal() {
            @Override
            public boolean interactive() {
                return console != null;
            }

            @Override
            public boolean drawsProgressBars() {
                return console != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
            }

            @Override
            public String readLine(String prompt) {
                return console == null ? null : console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console == null ? null : console.readPassword("%s", prompt);
            }

            @Override
            public String readStdin() {
                try {
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    StringBuilder all = new StringBuilder();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        all.append(all.length() == 0 ? "" : "\n").append(line);
                    }
                    return all.toString();
                } catch (IOException e) {
                    return "";
                }
            }
        };
    }
}
