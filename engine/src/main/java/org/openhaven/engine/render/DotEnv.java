package org.openhaven.engine.render;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code .env} file format both Compose v1.29 and v2 read: {@code NAME='value'} per line, sorted. Single
 * quotes keep values literal in both ({@code $} in an Argon2 hash is not interpolated).
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static String format(SortedMap<String, String> variables) {
        StringBuilder text = new StringBuilder(
                "# Secrets for this haven's services, rendered by OpenHaven. Readable by root only; never commit it.\n");
        variables.forEach((name, value) -> {
            if (value.indexOf('\'') >= 0 || value.indexOf('\n') >= 0) {
                // Generated secrets never contain these; an external credential that does cannot be written safely.
                throw new IllegalArgumentException("the value of " + name + " contains a quote or a line break");
            }
            text.append(name).append("='").append(value).append("'\n");
        });
        return text.toString();
    }

    /** Reads what {@link #format} wrote (for tests and for tools that start services from a bundle). */
    public static SortedMap<String, String> parse(String text) {
        TreeMap<String, String> variables = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            variables.put(line.substring(0, eq), value);
        }
        return variables;
    }

    static Map<String, String> sorted(Map<String, String> variables) {
        return new TreeMap<>(variables);
    }
}
