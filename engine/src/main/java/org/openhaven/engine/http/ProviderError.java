package org.openhaven.engine.http;

/**
 * The error a provider API put in its response body, reduced to a machine code and a human message.
 *
 * @param code    the provider's error code ({@code unauthorized}, {@code resource_limit_exceeded}, {@code 10000});
 *                empty when the body had none
 * @param message the provider's message; empty when the body had none
 */
public record ProviderError(String code, String message) {

    public static final ProviderError NONE = new ProviderError("", "");

    /** "code: message" for a user message, or an empty string. */
    public String summary() {
        if (code.isEmpty() && message.isEmpty()) {
            return "";
        }
        return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
    }
}
