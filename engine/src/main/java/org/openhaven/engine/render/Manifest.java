package org.openhaven.engine.render;

import java.util.List;
import java.util.Map;

/**
 * What a bundle contains and needs, for the deploy step, the desktop and people: written as manifest.json.
 *
 * @param bundleHash SHA-256 (hex) over every file of the bundle and this manifest without the hash; names the
 *                   release directory on the server
 * @param memoryMb   the minimum memory of all services together
 * @param warnings   what must happen before a deploy can succeed (missing external credentials)
 */
public record Manifest(
        int formatVersion,
        String haven,
        String domain,
        String bundleHash,
        List<Service> services,
        List<String> images,
        List<Port> ports,
        List<DnsRecordNeeded> dnsRecords,
        List<BackupVolume> backupVolumes,
        List<Dump> databaseDumps,
        List<Command> postDeploy,
        List<Health> healthChecks,
        int memoryMb,
        List<String> files,
        List<String> clientFiles,
        List<String> warnings) {

    public static final int FORMAT_VERSION = 1;

    Manifest withHash(String hash) {
        return new Manifest(formatVersion, haven, domain, hash, services, images, ports, dnsRecords, backupVolumes,
                databaseDumps, postDeploy, healthChecks, memoryMb, files, clientFiles, warnings);
    }

    /** A resolved service; {@code url} is null for services without a web UI. */
    public record Service(String id, String name, String description, String category, boolean selectable,
                          String url, String sso, Map<String, String> images, int memoryMb) {
    }

    public record Port(int port, String protocol, String service, String purpose) {
    }

    /** A record the DNS must hold; {@code value} {@code server-ipv4} stands for the server's public address. */
    public record DnsRecordNeeded(String type, String name, String value) {
        public static final String SERVER_IPV4 = "server-ipv4";
    }

    /** A named volume to back up (the compose project prefixes it: {@code openhaven_<volume>}). */
    public record BackupVolume(String service, String volume) {
    }

    /** A database dump taken before the snapshot: {@code command} runs in {@code container}, output to {@code file}. */
    public record Dump(String service, String container, String command, String file) {
    }

    /**
     * A post-deploy command: {@code script} run in {@code container} (as {@code user}, null for the image's
     * default), and the exact argv and shell line for Compose v2 in the live release directory.
     */
    public record Command(String service, String description, String container, String user, String script,
                          List<String> argv, String shellLine) {
    }

    public record Health(String service, String container, List<String> test) {
    }
}
