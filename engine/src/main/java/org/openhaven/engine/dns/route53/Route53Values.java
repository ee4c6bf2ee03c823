package org.openhaven.engine.dns.route53;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.TxtStrings;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Pure conversions between {@link DnsRecord}s and Route53's resource-record values: TXT values are quoted and
 * split into 255-character strings, MX values carry their priority, and names are normalised (lower case, no
 * trailing dot).
 */
final class Route53Values {

    private Route53Values() {
    }

    /** The value Route53 stores for a record: {@code 10 mail.example.org}, {@code "v=spf1 mx -all"} … */
    static String value(DnsRecord record) {
        String type = record.type().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "TXT" -> quoteTxt(record.content());
            case "MX" -> (record.priority() == null ? 10 : record.priority()) + " " + record.content();
            default -> record.content();
        };
    }

    /** The record a Route53 value stands for (the inverse of {@link #value}). */
    static DnsRecord record(String type, String name, long ttl, String value, String providerId) {
        String upper = type.toUpperCase(Locale.ROOT);
        Integer priority = null;
        String content = value;
        if ("TXT".equals(upper)) {
            content = unquoteTxt(value);
        } else if ("MX".equals(upper)) {
            String[] parts = value.trim().split("\\s+", 2);
            priority = Integer.parseInt(parts[0]);
            content = stripDot(parts[1]);
        } else if ("CNAME".equals(upper)) {
            content = stripDot(value);
        }
        return new DnsRecord(upper, normalise(name), content, (int) ttl, priority, false, providerId);
    }

    /** {@code "chunk1" "chunk2"}: TXT strings are at most 255 characters; quotes and backslashes escaped. */
    static String quoteTxt(String text) {
        return TxtStrings.quote(text);
    }

    static String unquoteTxt(String value) {
        return TxtStrings.unquote(value);
    }

    static String normalise(String name) {
        return stripDot(name.toLowerCase(Locale.ROOT).replace("\\052", "*"));
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** A short, stable fingerprint of a record's content, kept in the ownership marker instead of the content. */
    static String fingerprint(DnsRecord record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(value(record).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw OpenHavenException.internal("SHA-256 is not available in this Java runtime.", e);
        }
    }
}
