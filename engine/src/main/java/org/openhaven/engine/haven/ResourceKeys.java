package org.openhaven.engine.haven;

/** The keys under which the haven's resources live in {@code state.json} and in plans. */
final class ResourceKeys {

    static final String SSH_KEY = "ssh-key";
    static final String FIREWALL = "firewall";
    static final String SERVER = "server";
    static final String IP = "ip";
    static final String STACK = "stack";
    static final String DNS_PREFIX = "dns:";

    /** Where the haven's SSH key pair is kept in the vault. */
    static final String VAULT_SSH_PRIVATE = "ssh/haven-key";
    static final String VAULT_SSH_PUBLIC = "ssh/haven-key.pub";

    private ResourceKeys() {
    }

    static String dns(String type, String name) {
        return DNS_PREFIX + type + ":" + name;
    }
}
