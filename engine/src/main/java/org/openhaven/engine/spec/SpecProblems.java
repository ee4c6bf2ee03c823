package org.openhaven.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Collects every problem of a spec, so the user fixes them all in one round instead of one per run. Keeps one
 * problem per path (the first): a value the loader already rejected is not reported again by the validator.
 */
public final class SpecProblems {

    private final Map<String, Integer> lines;
    private final Map<String, SpecProblem> byPath = new LinkedHashMap<>();

    /**
     * @param lines the 1-based YAML line of each spec path, read live so the loader can fill it while it walks
     *              the file; empty for specs built in memory (the wizard)
     */
    public SpecProblems(Map<String, Integer> lines) {
        this.lines = lines;
    }

    public SpecProblems() {
        this(Map.of());
    }

    /**
     * Records a problem at {@code path}, unless one is already recorded there or at a parent path: once
     * {@code server} is rejected as a whole, its missing {@code server.provider} is no news.
     */
    public void add(String path, String message) {
        addAt(path, lineOf(path), message);
    }

    /** Records a problem at {@code path} on a known line (a key written twice: the second occurrence). */
    public void addAt(String path, int line, String message) {
        for (String current = path; !current.isEmpty(); current = parent(current)) {
            if (byPath.containsKey(current)) {
                return;
            }
        }
        byPath.put(path, new SpecProblem(path, line, message));
    }

    /** The checked value when it passed; otherwise records its problem at {@code path} and returns the original. */
    String checked(String path, Checked checked, String original) {
        if (!checked.passed()) {
            add(path, checked.problem());
            return original;
        }
        return checked.value();
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** Whether a problem is already recorded at this exact path. */
    public boolean has(String path) {
        return byPath.containsKey(path);
    }

    public List<SpecProblem> list() {
        List<SpecProblem> problems = new ArrayList<>(byPath.values());
        // File order reads naturally; problems without a line keep the order they were found in.
        problems.sort(java.util.Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
        return problems;
    }

    /** Throws one CONFIG exception listing every problem, when there is any. */
    public void throwIfAny(String sourceName) {
        if (!isEmpty()) {
            throw toException(sourceName);
        }
    }

    /** One CONFIG exception whose message lists every problem as {@code file:line: path: message}. */
    public InvalidSpecException toException(String sourceName) {
        List<SpecProblem> problems = list();
        String subject = sourceName == null || sourceName.isEmpty() ? "The haven spec" : sourceName;
        String header = problems.size() == 1
                ? subject + " has a problem:"
                : subject + " has " + problems.size() + " problems:";
        String body = problems.stream()
                .map(problem -> "  " + problem.describe(sourceName))
                .collect(Collectors.joining("\n"));
        return new InvalidSpecException(OpenHavenException.of(ErrorCategory.CONFIG, header + "\n" + body)
                .remedy("Fix " + (problems.size() == 1 ? "it" : "them") + " in " + subject
                        + " (examples/haven.yaml explains every field), then run 'openhaven validate' again."),
                problems);
    }

    /** The line of a path, or of its nearest parent that has one (a missing key is reported at its mapping). */
    private int lineOf(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            current = parent(current);
        }
        return lines.getOrDefault("", 0);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
