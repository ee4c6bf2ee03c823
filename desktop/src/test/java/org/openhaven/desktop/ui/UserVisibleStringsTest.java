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

/**
 * Every word the desktop shows comes from the resource bundle: no string literal with letters in it reaches a
 * control's text, prompt, title or tooltip, and none reaches an error the UI packages raise. Literals without
 * letters (a bullet, separators) may stay.
 */
class UserVisibleStringsTest {

    private static final Path SOURCES = Path.of("src/main/java/org/openhaven/desktop");

    /** A call that puts text on screen, up to its opening parenthesis (and an Alert's type argument). */
    private static final Pattern SHOWN = Pattern.compile(
            "(?:\\.set(?:Text|PromptText|Title|HeaderText|ContentText|AccessibleText)"
                    + "|new (?:Label|Button|Tooltip|CheckBox|RadioButton|Hyperlink|MenuItem|CheckMenuItem|Menu"
                    + "|ToggleButton|Text|Tab|TitledPane|TableColumn|ButtonType)(?:<[^>]*>)?"
                    + "|new Alert\\([^,()]+,)\\s*\\(?\\s*([^;]*)");
    /** An error raised from the UI packages, whose message and remedy the user reads. */
    private static final Pattern RAISED = Pattern.compile(
            "(?:OpenHavenException\\.(?:of|config|internal)\\(|\\.remedy\\()\\s*([^;]*)");
    private static final List<String> UI_PACKAGES = List.of("app", "dashboard", "tray", "ui", "vault", "wizard");

    @Test
    void noControlTextOrUiErrorIsAHardCodedLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = withoutComments(Files.readString(file));
                String pkg = SOURCES.relativize(file).getName(0).toString();
                scan(file, source, SHOWN, true, found);
                if (UI_PACKAGES.contains(pkg)) {
                    scan(file, source, RAISED, false, found);
                }
            }
        }
        assertThat(found).as("user-visible literals; put them into i18n/messages.properties").isEmpty();
    }

    @Test
    void theScanCatchesWhatItLooksFor() {
        List<String> found = new ArrayList<>();
        scan(Path.of("Example.java"), """
                label.setText("Hello");
                Button b = new Button("Save " + name);
                alert = new Alert(Alert.AlertType.ERROR, "Broken");
                throw OpenHavenException.config("No VPN.", "Add one.");
                label.setText(Messages.get("ok") + " ● ");
                row = new Label(rule.protocol() + " " + rule.port() + "  ·  " + rule.description());
                """, SHOWN, true, found);
        scan(Path.of("Example.java"), "throw OpenHavenException.config(x, \"Add one.\");", RAISED, false, found);
        assertThat(found).hasSize(4).allMatch(line -> line.startsWith("Example.java:"));
        assertThat(found.get(0)).isEqualTo("Example.java:1 \"Hello\"");
    }

    /** @param firstOnly whether only the first argument is shown (a button's text, not its data) */
    private static void scan(Path file, String source, Pattern call, boolean firstOnly, List<String> found) {
        Matcher m = call.matcher(source);
        while (m.find()) {
            for (String literal : literals(m.group(1), firstOnly)) {
                if (literal.codePoints().anyMatch(Character::isLetter)) {
                    int line = source.substring(0, m.start()).split("\n", -1).length;
                    found.add(file.getFileName() + ":" + line + " \"" + literal + "\"");
                }
            }
        }
    }

    /**
     * The string literals of the call's arguments (or of its first only) at their own level: what nested calls
     * take (a bundle key inside Messages.get(...), an id) is not shown text.
     */
    private static List<String> literals(String rest, boolean firstOnly) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder literal = null;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (literal != null) {
                if (c == '\\' && i + 1 < rest.length()) {
                    literal.append(rest.charAt(++i));
                } else if (c == '"') {
                    if (depth == 0) {
                        out.add(literal.toString());
                    }
                    literal = null;
                } else {
                    literal.append(c);
                }
            } else if (c == '"') {
                literal = new StringBuilder();
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0 && firstOnly) {
                break;
            }
        }
        return out;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }
}
