package org.openhaven.engine.spec;

/**
 * The outcome of checking one value: the normalised value, or what is wrong with it.
 *
 * @param value   the normalised value; null when the check failed
 * @param problem why the value was rejected, without its path; null when it passed
 */
record Checked(String value, String problem) {

    static Checked ok(String value) {
        return new Checked(value, null);
    }

    static Checked bad(String problem) {
        return new Checked(null, problem);
    }

    boolean passed() {
        return problem == null;
    }
}
