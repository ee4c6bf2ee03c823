package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3 server (s3proxy with a filesystem blob store) listening on the test Docker engine's bridge address
 * rather than loopback, so both this JVM and a {@link LabHost}'s restic reach it at the same URL, as a desktop and
 * its server both reach the user's S3 storage.
 */
public final class BridgeS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "lab-access-key";
    public static final String SECRET_KEY = "lab-secret-key";

    private final S3Proxy proxy;
    private final Path blobs;
    private final String host;

    private BridgeS3Server(S3Proxy proxy, Path blobs, String host) {
        this.proxy = proxy;
        this.blobs = blobs;
        this.host = host;
    }

    /** Starts on a free port of the bridge the lab hosts of {@code engine} hang off. */
    public static BridgeS3Server start(DockerEngine engine) {
        String host = engine.subnet() + ".1";
        try {
            Path blobs = Files.createTempDirectory("oh-s3-");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
            properties.setProperty("jclouds.identity", ACCESS_KEY);
            properties.setProperty("jclouds.credential", SECRET_KEY);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", properties))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://" + host + ":0"))
                    .build();
            proxy.start();
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("s3proxy did not start on " + host);
                }
                DockerEngine.sleep(Duration.ofMillis(20));
            }
            return new BridgeS3Server(proxy, blobs, host);
        } catch (IOException e) {
            throw new IllegalStateException("could not start s3proxy", e);
        } catch (Exception e) { // S3Proxy.start() declares Exception
            throw new IllegalStateException("could not start s3proxy on " + host, e);
        }
    }

    /** The endpoint URL, the same from this JVM and from inside a lab host. */
    public String endpoint() {
        return "http://" + host + ":" + proxy.getPort();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) { // S3Proxy.stop() declares Exception; the blobs go regardless
            // nothing to do: the JVM is about to end the test class
        } finally {
            try (Stream<Path> paths = Files.walk(blobs)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
