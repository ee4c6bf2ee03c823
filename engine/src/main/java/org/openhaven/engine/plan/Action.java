package org.openhaven.engine.plan;

/** What an apply will do to one resource. */
public enum Action {
    CREATE("+", "create"), UPDATE("~", "update"), DELETE("-", "delete"), NOOP(" ", "unchanged");

    private final String symbol;
    private final String verb;

    Action(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }

    public String symbol() {
        return symbol;
    }

    public String verb() {
        return verb;
    }
}
