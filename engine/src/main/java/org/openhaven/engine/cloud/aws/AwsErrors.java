package org.openhaven.engine.cloud.aws;

import java.time.Duration;
import java.util.Set;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures (EC2 and Route53 share the codes) into {@link OpenHavenException}s: credentials, missing
 * permissions, throttling, account limits, outages and unreachable endpoints.
 */
public final class AwsErrors {

    private static final Set<String> AUTH = Set.of("AuthFailure", "UnauthorizedOperation", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "AccessDenied", "AccessDeniedException", "OptInRequired", "InvalidAccessKeyId",
            "ExpiredToken", "IncompleteSignature", "UnrecognizedClientException");
    private static final Set<String> THROTTLED = Set.of("RequestLimitExceeded", "Throttling", "ThrottlingException",
            "PriorRequestNotComplete", "TooManyRequestsException");
    private static final Set<String> QUOTA = Set.of("InstanceLimitExceeded", "VcpuLimitExceeded",
            "AddressLimitExceeded", "ResourceLimitExceeded", "SecurityGroupLimitExceeded", "TooManyHostedZones",
            "LimitsExceeded", "InsufficientInstanceCapacity");

    private final String service;
    private final String permissions;

    /**
     * @param service     the service as the user knows it, e.g. {@code AWS EC2}
     * @param permissions the IAM actions OpenHaven needs there, for the remedy
     */
    public AwsErrors(String service, String permissions) {
        this.service = service;
        this.permissions = permissions;
    }

    /** True for the "does not exist (any more)" codes: {@code InvalidInstanceID.NotFound}, {@code NoSuchHostedZone} … */
    public static boolean isNotFound(SdkException e) {
        if (!(e instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
            return false;
        }
        String code = service.awsErrorDetails().errorCode();
        return code != null && (code.endsWith(".NotFound") || code.startsWith("NoSuch"));
    }

    public static String code(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null ? service.awsErrorDetails().errorCode() : "";
    }

    /** {@code what} names the call, e.g. {@code RunInstances}. */
    public OpenHavenException map(String what, SdkException e) {
        if (e instanceof SdkClientException) {
            return OpenHavenException.of(ErrorCategory.NETWORK,
                            "The " + service + " API could not be reached (" + what + "): " + firstLine(e) + ".")
                    .remedy("Check the internet connection, a proxy, and the endpoint setting "
                            + "(OPENHAVEN_AWS_ENDPOINT); then retry.")
                    .cause(e)
                    .build();
        }
        String code = code(e);
        String message = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorMessage() : firstLine(e);
        int status = e instanceof AwsServiceException service ? service.statusCode() : 0;
        // The URL-connection HTTP client cannot read the body of a 401 answer to a POST, so the code may be absent.
        String detail = code.isEmpty() ? " (HTTP " + status + ")" : " (" + code + ": " + message + ")";
        if (AUTH.contains(code) || status == 401 || status == 403 && !THROTTLED.contains(code)) {
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "The AWS credentials are invalid or lack permission for " + what + detail + ".")
                    .remedy("In the AWS console open IAM → Users → your user → Security credentials → Create access "
                            + "key, and give the user a policy allowing " + permissions + ".")
                    .cause(e)
                    .build();
        }
        if (THROTTLED.contains(code) || status == 429) {
            return OpenHavenException.of(ErrorCategory.PROVIDER_API, service + " is throttling requests" + detail + ".")
                    .remedy("OpenHaven waits and tries again; if this persists, stop other tools using the account.")
                    .retryAfter(Duration.ofSeconds(5))
                    .cause(e)
                    .build();
        }
        if (QUOTA.contains(code)) {
            return OpenHavenException.of(ErrorCategory.QUOTA, service + " refused: an account limit is reached" + detail
                            + ".")
                    .remedy("Release unused resources, or request a higher quota in the AWS console under "
                            + "Service Quotas → " + service + ", then apply again.")
                    .cause(e)
                    .build();
        }
        return OpenHavenException.of(ErrorCategory.PROVIDER_API, service + " rejected " + what + detail + ".")
                .remedy(status >= 500 ? "AWS had an internal problem; retry in a few minutes."
                        : "Check the haven's AWS settings (region, size); the message names what AWS disliked.")
                .retryable(status >= 500)
                .cause(e)
                .build();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
