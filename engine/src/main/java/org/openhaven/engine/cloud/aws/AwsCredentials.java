package org.openhaven.engine.cloud.aws;

import org.openhaven.engine.secrets.Secret;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Where AWS credentials come from: the vault (an access key pair) or the standard AWS chain (env, profile, SSO). */
public final class AwsCredentials {

    private AwsCredentials() {
    }

    /** An access key pair kept in OpenHaven's vault. */
    public static AwsCredentialsProvider fromVault(Secret accessKeyId, Secret secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId.reveal(),
                secretAccessKey.reveal()));
    }

    /** The standard chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws profiles, SSO, instance roles. */
    public static AwsCredentialsProvider standardChain() {
        return DefaultCredentialsProvider.builder().build();
    }
}
