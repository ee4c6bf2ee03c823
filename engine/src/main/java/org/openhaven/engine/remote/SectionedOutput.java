package org.openhaven.engine.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of a batched command whose parts each start with a {@code @@name} line, so several looks at
 * the server cost one SSH round trip.
 */
public final class SectionedOutput {

    private SectionedOutput() {
    }

    /** The non-blank lines of each section, by section name, in order; lines before the first section are dropped. */
    public static Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("@@")) {
                current = new ArrayList<>();
                sections.put(line.substring(2).strip(), current);
            } else if (!line.isBlank()) {
                current.add(line);
            }
        }
        return sections;
    }
}
