package org.openhaven.engine.spec;

/**
 * One thing wrong with a spec, scoped to the place it was found.
 *
 * @param path    where in the spec, e.g. {@code services[2]} or {@code server.size}; empty for the whole file
 * @param line    the 1-based line in the YAML file, or 0 when the spec did not come from a file
 * @param message what is wrong and, where there is one, the nearest valid value
 */
public record SpecProblem(String path, int line, String message) {

    /** {@code path: message}, the form the validator's tests and the desktop's field hints use. */
    public String describe() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** {@code haven.yaml:14: services[2]: message}, the compiler-like form the CLI prints. */
    public String describe(String sourceName) {
        if (sourceName == null || sourceName.isEmpty()) {
            return describe();
        }
        return sourceName + (line > 0 ? ":" + line : "") + ": " + describe();
    }
}
