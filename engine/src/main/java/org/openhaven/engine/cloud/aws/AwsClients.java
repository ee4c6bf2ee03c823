package org.openhaven.engine.cloud.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Builds the long-lived SDK clients with the small URL-connection HTTP client and, when set, the endpoint
 * override ({@code OPENHAVEN_AWS_ENDPOINT} or the spec's endpoint) used for proxies and local fakes.
 */
public final class AwsClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AwsClients() {
    }

    public static Ec2Client ec2(String region, URI endpoint, AwsCredentialsProvider credentials) {
        var builder = Ec2Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** Route53 is a global service: the SDK signs it for {@code aws-global}. */
    public static Route53Client route53(URI endpoint, AwsCredentialsProvider credentials) {
        var builder = Route53Client.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
