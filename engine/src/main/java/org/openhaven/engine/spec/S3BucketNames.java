package org.openhaven.engine.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The S3 general purpose bucket naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), which the S3-compatible
 * services OpenHaven backs up to follow as well.
 */
final class S3BucketNames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3");

    private S3BucketNames() {
    }

    static Checked check(String name) {
        String quoted = "'" + name + "'";
        if (name.length() < 3 || name.length() > 63) {
            return Checked.bad(quoted + " must be 3–63 characters long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Checked.bad(quoted + " may contain only lower-case letters, digits, dots and dashes");
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return Checked.bad(quoted + " must start and end with a letter or digit");
        }
        if (name.contains("..")) {
            return Checked.bad(quoted + " must not contain two dots in a row");
        }
        if (IPV4.matcher(name).matches()) {
            return Checked.bad(quoted + " must not look like an IP address");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Checked.bad(quoted + " must not start with '" + prefix + "' (reserved by S3)");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Checked.bad(quoted + " must not end with '" + suffix + "' (reserved by S3)");
            }
        }
        return Checked.ok(name);
    }
}
