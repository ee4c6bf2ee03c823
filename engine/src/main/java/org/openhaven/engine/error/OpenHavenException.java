package org.openhaven.engine.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception root of the engine. It talks to people: {@link #userMessage()} says what went wrong in
 * plain words and {@link #remedy()} what to do next. Library exceptions are wrapped once, at the boundary
 * where they happen; the cause is kept for the log file and never shown to the user.
 *
 * <p>Messages must never contain secret values: build them from names, ids and HTTP status codes only.
 */
public class OpenHavenException extends RuntimeException {

    private final ErrorCategory category;
    private final String userMessage;
    private final String remedy;
    private final boolean retryable;
    private final Duration retryAfter;

    protected OpenHavenException(Builder builder) {
        super(builder.userMessage, builder.cause);
        this.category = builder.category;
        this.userMessage = builder.userMessage;
        this.remedy = builder.remedy == null ? "" : builder.remedy;
        this.retryable = builder.retryable;
        this.retryAfter = builder.retryAfter;
    }

    /** What went wrong, for a person. */
    public String userMessage() {
        return userMessage;
    }

    /** What to do about it, for a person; empty when there is nothing useful to suggest. */
    public String remedy() {
        return remedy;
    }

    public ErrorCategory category() {
        return category;
    }

    /** Whether running the same operation again may succeed (network blips, throttling, 5xx). */
    public boolean retryable() {
        return retryable;
    }

    /** When the remote side asked us to wait before retrying (HTTP 429 Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the failure is a rate limit rather than an outage; the applier waits longer for these. */
    public boolean throttled() {
        return retryAfter != null;
    }

    /** The message and the remedy on one line, as the CLI prints them. */
    public String describe() {
        return remedy.isEmpty() ? userMessage : userMessage + "\n  → " + remedy;
    }

    public static Builder of(ErrorCategory category, String userMessage) {
        return new Builder(category, userMessage);
    }

    public static OpenHavenException config(String userMessage, String remedy) {
        return of(ErrorCategory.CONFIG, userMessage).remedy(remedy).build();
    }

    public static OpenHavenException internal(String userMessage, Throwable cause) {
        return of(ErrorCategory.INTERNAL, userMessage)
                .remedy("This is a bug in OpenHaven. The log file has the details; please report it.")
                .cause(cause)
                .build();
    }

    /** Fluent builder; {@code build()} returns the exception for the caller to throw. */
    public static final class Builder {
        private final ErrorCategory category;
        private final String userMessage;
        private String remedy;
        private boolean retryable;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ErrorCategory category, String userMessage) {
            this.category = Objects.requireNonNull(category);
            this.userMessage = Objects.requireNonNull(userMessage);
            this.retryable = category == ErrorCategory.NETWORK;
        }

        public Builder remedy(String remedy) {
            this.remedy = remedy;
            return this;
        }

        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** Marks the failure as throttling: retryable, after at least this long. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            this.retryable = true;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public OpenHavenException build() {
            return new OpenHavenException(this);
        }
    }
}
