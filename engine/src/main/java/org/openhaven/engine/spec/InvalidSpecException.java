package org.openhaven.engine.spec;

import java.util.List;
import org.openhaven.engine.error.OpenHavenException;

/**
 * A spec with problems: a CONFIG {@link OpenHavenException} whose message lists them all, and which also carries
 * them one by one, so the wizard can show each next to its field.
 */
public final class InvalidSpecException extends OpenHavenException {

    private final transient List<SpecProblem> problems;

    InvalidSpecException(OpenHavenException.Builder builder, List<SpecProblem> problems) {
        super(builder);
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order (or the order found, for specs built in memory). */
    public List<SpecProblem> problems() {
        return problems;
    }
}
