package org.openhaven.engine.backup;

import java.net.URI;
import java.util.Locale;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.BackupSpec;

/**
 * Where a haven's restic repository lives: an S3 bucket and a key prefix at an S3-compatible endpoint (AWS S3,
 * Backblaze B2, Wasabi, Hetzner Object Storage, MinIO).
 *
 * @param endpoint the endpoint URL with scheme ({@code https://s3.eu-central-003.backblazeb2.com})
 * @param region   the signing region; restic and the AWS SDK both need one even for non-AWS endpoints
 * @param bucket   the bucket name
 * @param prefix   the key prefix inside the bucket, without leading or trailing slashes; may be empty
 */
public record ResticRepository(URI endpoint, String region, String bucket, String prefix) {

    /** The region used when the spec names none: what most S3-compatible services accept. */
    public static final String DEFAULT_REGION = "us-east-1";

    public ResticRepository {
        prefix = trimSlashes(prefix == null ? "" : prefix);
    }

    /** The repository of a haven's backup spec; AWS S3 in the spec's region when no endpoint is given. */
    public static ResticRepository of(BackupSpec spec) {
        String region = spec.region() == null || spec.region().isBlank() ? DEFAULT_REGION : spec.region().trim();
        if (spec.bucket() == null || spec.bucket().isBlank()) {
            throw OpenHavenException.config("The backup target has no bucket.",
                    "Set backup.bucket in haven.yaml to the name of the S3 bucket for this haven's backups.");
        }
        URI endpoint = spec.endpoint() == null || spec.endpoint().isBlank()
                ? URI.create("https://s3." + region + ".amazonaws.com")
                : parseEndpoint(spec.endpoint().trim());
        return new ResticRepository(endpoint, region, spec.bucket().trim(), spec.prefix());
    }

    private static URI parseEndpoint(String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw badEndpoint(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw badEndpoint(text);
        }
        return URI.create(scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static OpenHavenException badEndpoint(String text) {
        return OpenHavenException.config("The backup endpoint '" + text + "' is not a web address.",
                "Set backup.endpoint to the S3 endpoint your storage provider documents, "
                        + "for example https://s3.eu-central-003.backblazeb2.com.");
    }

    /** The repository as restic names it: {@code s3:https://host/bucket/prefix}. */
    public String resticUrl() {
        return "s3:" + endpoint + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /** A short human description for messages and the recovery kit. */
    public String describe() {
        return "bucket '" + bucket + "'" + (prefix.isEmpty() ? "" : ", folder '" + prefix + "'") + " at " + endpoint;
    }

    private static String trimSlashes(String value) {
        String v = value.trim();
        while (v.startsWith("/")) {
            v = v.substring(1);
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
