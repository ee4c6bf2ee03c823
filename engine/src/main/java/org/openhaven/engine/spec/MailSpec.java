package org.openhaven.engine.spec;

/** Whether the haven runs its own mail server (opens mail ports, adds MX/SPF/DKIM/DMARC records). */
public record MailSpec(boolean enabled) {
    public static final MailSpec OFF = new MailSpec(false);
}
