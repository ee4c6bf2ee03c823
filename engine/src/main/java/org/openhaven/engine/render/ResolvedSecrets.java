package org.openhaven.engine.render;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.catalog.SsoKind;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.TlsMode;

/**
 * Every variable of {@code .env}: the secrets the resolved services declare, one OIDC client secret per OIDC
 * service, and the external credentials the spec implies (DNS-01, S3 storage). Generated secrets are created in
 * the store on first use, so a second render (and the deploy) sees the same values. External credentials that
 * the store lacks stay empty and produce a warning instead of failing, so {@code render} works offline.
 */
final class ResolvedSecrets {

    private final SortedMap<String, String> env = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final SecretStore store;
    private final SecretGenerators generators;
    private final Argon2Phc argon2;

    ResolvedSecrets(SecretStore store, SecureRandom random) {
        this.store = store;
        this.generators = new SecretGenerators(random);
        this.argon2 = new Argon2Phc(random);
    }

    static String oidcSecretVariable(String serviceId) {
        return "OIDC_" + serviceId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    void resolve(HavenSpec spec, List<ServiceDefinition> services, boolean usesS3) {
        for (ServiceDefinition service : services) {
            for (ServiceDefinition.SecretSpec secret : service.secrets()) {
                env.put(secret.env(), value(service.id(), secret).reveal());
            }
            if (service.sso() == SsoKind.OIDC) {
                String variable = oidcSecretVariable(service.id());
                env.put(variable, store.getOrCreate("keycloak/" + variable, generators::password).reveal());
            }
        }
        if (spec.tls() == TlsMode.DNS_01) {
            String provider = spec.dns() == null ? "" : spec.dns().provider();
            if ("cloudflare".equals(provider)) {
                external("CF_DNS_API_TOKEN", "cloudflare/api-token", "the Cloudflare API token for DNS-01");
            } else if ("route53".equals(provider)) {
                external("ROUTE53_ACCESS_KEY_ID", "route53/access-key-id", "the Route53 access key for DNS-01");
                external("ROUTE53_SECRET_ACCESS_KEY", "route53/secret-access-key", "the Route53 secret key for DNS-01");
            }
        }
        if (usesS3) {
            external("S3_ACCESS_KEY_ID", "s3/access-key-id", "the S3 access key for service storage");
            external("S3_SECRET_ACCESS_KEY", "s3/secret-access-key", "the S3 secret key for service storage");
        }
    }

    private Secret value(String serviceId, ServiceDefinition.SecretSpec secret) {
        String key = serviceId + "/" + secret.env();
        return switch (secret.kind()) {
            case "password" -> store.getOrCreate(key, generators::password);
            case "hex16" -> store.getOrCreate(key, () -> generators.hexKey(16));
            case "hex32" -> store.getOrCreate(key, () -> generators.hexKey(32));
            case "hex64" -> store.getOrCreate(key, () -> generators.hexKey(64));
            case "argon2id-hash" -> {
                // The vault keeps the token people type; the server only ever sees its hash.
                String plainKey = serviceId + "/" + secret.env().replaceFirst("_HASH$", "");
                Secret plain = store.getOrCreate(plainKey, generators::password);
                yield store.getOrCreate(key, () -> argon2.hash(plain));
            }
            case "external" -> {
                external(secret.env(), key, secret.env() + " of " + serviceId);
                yield Secret.of(env.get(secret.env()));
            }
            default -> throw new IllegalStateException("the parser admits no secret kind " + secret.kind());
        };
    }

    private void external(String variable, String key, String what) {
        Secret value = store.find(key).orElse(null);
        if (value == null) {
            warnings.add(variable + " is empty: store " + what + " in the vault (key " + key + ") before deploying.");
            env.put(variable, "");
        } else {
            env.put(variable, value.reveal());
        }
    }

    SortedMap<String, String> env() {
        return Collections.unmodifiableSortedMap(env);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    SecretStore store() {
        return store;
    }

    SecretGenerators generators() {
        return generators;
    }
}
