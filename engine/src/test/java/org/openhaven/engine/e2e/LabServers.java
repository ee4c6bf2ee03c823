package org.openhaven.engine.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openhaven.engine.providers.crash.StatefulProviderFake;
import org.openhaven.engine.testsupport.LabHost;

/** What the system tests share around lab hosts standing in for a cloud provider's servers. */
final class LabServers {

    private LabServers() {
    }

    /**
     * The catalog overrides with the STAND-IN services of {@code standin-catalog/} (busybox httpd from a locally
     * imported image; no registry is reachable here), for {@code OPENHAVEN_CATALOG_OVERRIDES}.
     */
    static Path standInCatalog() {
        try {
            return Path.of(LabServers.class.getResource("standin-catalog").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Hetzner does when a server boots with ssh_keys: authorize them for root (here: the lab host's root). */
    static void authorizeUploadedKeys(StatefulProviderFake cloud, LabHost server) {
        String keys = cloud.all("ssh_keys").stream().map(k -> k.path("public_key").asText())
                .collect(Collectors.joining("\n"));
        server.exec("sh", "-c", "printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys", "sh", keys);
    }

    /** Removes a test's working directory and everything in it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
