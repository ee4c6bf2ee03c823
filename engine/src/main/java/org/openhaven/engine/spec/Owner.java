package org.openhaven.engine.spec;

/** The person the haven belongs to; becomes the first administrator of every service. */
public record Owner(String name, String email) {
}
