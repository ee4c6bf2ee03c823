package org.openhaven.engine.spec;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known word a typo was meant to be, by optimal string alignment distance (Damerau–Levenshtein with
 * adjacent transpositions), so {@code servcies} suggests {@code services} and {@code nextclod} {@code nextcloud}.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}, when it is close enough to be a plausible typo: at most two edits,
     * and fewer edits than half the typed length (so {@code ab} does not suggest {@code xy}). Ties go to the
     * alphabetically first candidate, so the suggestion is deterministic.
     */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        String lowered = typed.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lowered, candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(2, Math.max(1, (typed.length() - 1) / 2));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code " — did you mean 'x'?"} when a candidate is close, otherwise the empty string. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).map(match -> " — did you mean '" + match + "'?").orElse("");
    }

    /** The optimal string alignment distance between two strings. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
