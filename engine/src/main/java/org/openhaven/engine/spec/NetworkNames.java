package org.openhaven.engine.spec;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Syntax checks and normalisation for the names a spec carries: domains, email addresses, hosts and URLs. */
final class NetworkNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern EMAIL_LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private NetworkNames() {
    }

    /**
     * A domain name in the form DNS and certificates need: lower case, internationalised labels as punycode
     * ({@code bücher.example} → {@code xn--bcher-kva.example}), no trailing dot, at least two labels.
     */
    static Checked domain(String raw) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return Checked.bad("is empty; write the domain your services live under, e.g. example.com");
        }
        if (IPV4.matcher(name).matches() || name.contains(":")) {
            return Checked.bad("'" + raw + "' is an IP address; services need a domain name (e.g. example.com) "
                    + "for their addresses and certificates");
        }
        if (name.contains("_")) {
            return Checked.bad("'" + raw + "' contains '_', which host names cannot; use '-' instead");
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return Checked.bad("'" + raw + "' needs at least two labels, e.g. " + name + ".com");
        }
        StringBuilder ascii = new StringBuilder();
        for (String label : labels) {
            if (label.isEmpty()) {
                return Checked.bad("'" + raw + "' has an empty label (two dots in a row, or a leading dot)");
            }
            if (label.length() > 63) {
                return tooLong(raw, label.length());
            }
            String asciiLabel;
            try {
                asciiLabel = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException invalid) {
                return Checked.bad(badLabel(raw, label));
            }
            if (asciiLabel.length() > 63) {
                return tooLong(raw, asciiLabel.length());
            }
            if (!HOST_LABEL.matcher(asciiLabel).matches()) {
                return Checked.bad(badLabel(raw, label));
            }
            ascii.append(ascii.length() == 0 ? "" : ".").append(asciiLabel);
        }
        if (ascii.length() > 253) {
            return Checked.bad("'" + raw + "' is " + ascii.length() + " characters long; a domain may have at most 253");
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Checked.bad("'" + raw + "' ends in a number; a top-level domain is letters, e.g. example.com");
        }
        return Checked.ok(ascii.toString());
    }

    private static Checked tooLong(String raw, int length) {
        return Checked.bad("'" + raw + "' has a label of " + length + " characters; a label may have at most 63");
    }

    private static String badLabel(String raw, String label) {
        return "'" + raw + "' has a label that is not a valid host name: '" + label
                + "' (letters, digits and dashes, not starting or ending with a dash)";
    }

    /** An email address; its domain is normalised like {@link #domain}, its local part kept as written. */
    static Checked email(String raw) {
        String address = raw.trim();
        int at = address.lastIndexOf('@');
        String expected = "'" + raw + "' is not an email address (expected name@example.com)";
        if (at <= 0 || at == address.length() - 1) {
            return Checked.bad(expected);
        }
        String local = address.substring(0, at);
        if (local.length() > 64 || !EMAIL_LOCAL.matcher(local).matches()) {
            return Checked.bad(expected);
        }
        Checked domain = domain(address.substring(at + 1));
        if (!domain.passed()) {
            return Checked.bad("'" + raw + "' is not an email address: its domain " + domain.problem());
        }
        return Checked.ok(local + "@" + domain.value());
    }

    /** The address of an existing server: an IPv4 or IPv6 literal, or a host name (a single label is fine). */
    static Checked host(String raw) {
        String host = raw.trim().toLowerCase(Locale.ROOT);
        if (host.contains("://")) {
            return Checked.bad("'" + raw + "' is a URL; write only the host name or IP address");
        }
        if (host.contains("@")) {
            return Checked.bad("'" + raw + "' includes a user; put the user in server.user and only the address here");
        }
        if (IPV4.matcher(host).matches()) {
            boolean inRange = java.util.Arrays.stream(host.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
            return inRange ? Checked.ok(host) : Checked.bad("'" + raw + "' is not a valid IPv4 address");
        }
        if (host.indexOf(':') != host.lastIndexOf(':') && IPV6.matcher(host).matches()) {
            return Checked.ok(host);
        }
        if (host.matches(".*:\\d+")) {
            return Checked.bad("'" + raw + "' includes a port; put the port in server.port");
        }
        String withoutDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : withoutDot.split("\\.", -1)) {
            if (label.length() > 63 || !HOST_LABEL.matcher(label).matches()) {
                return Checked.bad("'" + raw + "' is not a host name or IP address");
            }
        }
        return Checked.ok(withoutDot);
    }

    /** An API or S3 endpoint: an absolute http or https URL with a host. */
    static Checked url(String raw) {
        String text = raw.trim();
        String expected = "'" + raw + "' is not a URL; write it as https://host[:port][/path]";
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getRawUserInfo() != null) {
                // Do not repeat the value: the part before '@' is likely a password.
                return Checked.bad("contains a user name or password; credentials never go in haven.yaml — store "
                        + "them in the vault with 'openhaven secrets set' and write the URL without them");
            }
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Checked.bad(expected);
            }
            return Checked.ok(text);
        } catch (URISyntaxException invalid) {
            return Checked.bad(expected);
        }
    }
}
