package org.openhaven.engine.remote;

/** Builders for the nftables firewall. */
public final class FirewallCommands {

    private FirewallCommands() {
    }

    /** Checks a ruleset file without loading it. */
    public static RemoteCommand check(String rulesetPath) {
        return RemoteCommand.of("check the firewall rules", "nft", "-c", "-f", rulesetPath);
    }

    /** Loads a ruleset file; the file replaces only its own table, leaving Docker's chains alone. */
    public static RemoteCommand load(String rulesetPath) {
        return RemoteCommand.of("load the firewall rules", "nft", "-f", rulesetPath);
    }

    public static RemoteCommand listTable(String family, String table) {
        return RemoteCommand.of("show the firewall", "nft", "list", "table", family, table);
    }
}
