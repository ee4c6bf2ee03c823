package org.openhaven.engine.haven;

import org.openhaven.engine.cloud.ResourceKind;

/** The keys under which the haven's resources live in {@code state.json} and in plans. */
final class ResourceKeys {

    static final String SSH_KEY = "ssh-key";
    static final String FIREWALL = "firewall";
    static final String SERVER = "server";
    static final String IP = "ip";
    static final String STACK = "stack";
    static final String DNS_PREFIX = "dns:";
    /**
     * A server (or its IP) a recovery replaced: kept in state so nothing the user paid for is forgotten, never
     * planned, pruned or deployed to again.
     */
    static final String REPLACED_PREFIX = "replaced:";
    /** Marks a recovery that has replaced the server but not yet restored the data; a re-run continues it. */
    static final String RECOVERY = "recovery";

    /** Where the haven's SSH key pair is kept in the vault. */
    static final String VAULT_SSH_PRIVATE = "ssh/haven-key";
    static final String VAULT_SSH_PUBLIC = "ssh/haven-key.pub";

    private ResourceKeys() {
    }

    static String dns(String type, String name) {
        return DNS_PREFIX + type + ":" + name;
    }

    static String replaced(ResourceKind kind, String providerId) {
        return REPLACED_PREFIX + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + providerId;
    }

    /** Records of a recovery's bookkeeping rather than resources the spec asks for. */
    static boolean isRecoveryBookkeeping(String key) {
        return key.startsWith(REPLACED_PREFIX) || key.equals(RECOVERY);
    }
}
