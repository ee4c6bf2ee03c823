package org.openhaven.engine.dns.verify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openhaven.engine.testsupport.Requirements;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server (Knot) for one zone on a free loopback port, configured entirely under a
 * temporary directory, stopped by its own PID.
 */
public final class KnotServer implements AutoCloseable {

    private final Path dir;
    private final String zone;
    private final int port;
    private final Process process;
    private int serial = 1;

    public KnotServer(Path dir, String zone, String records) throws IOException, InterruptedException {
        Path knotd = Requirements.command("knotd");
        this.dir = dir;
        this.zone = zone;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        writeZone(records);
        Files.writeString(dir.resolve("knot.conf"), """
                server:
                    rundir: "%1$s"
                    listen: 127.0.0.1@%2$d
                log:
                  - target: stderr
                    any: warning
                database:
                    storage: "%1$s/db"
                template:
                  - id: default
                    storage: "%1$s"
                zone:
                  - domain: %3$s
                    file: "%3$s.zone"
                """.formatted(dir, port, zone), StandardCharsets.UTF_8);
        process = new ProcessBuilder(knotd.toString(), "-c", dir.resolve("knot.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("knotd.log").toFile()).start();
        awaitSerial(1);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    int port() {
        return port;
    }

    /** Replaces the zone's records and makes Knot serve them (bumps the serial and reloads). */
    public void replaceRecords(String records) throws IOException, InterruptedException {
        serial++;
        writeZone(records);
        Path knotc = Requirements.command("knotc");
        Process reload = new ProcessBuilder(knotc.toString(), "-c", dir.resolve("knot.conf").toString(),
                "zone-reload", zone).redirectErrorStream(true).start();
        if (!reload.waitFor(20, TimeUnit.SECONDS) || reload.exitValue() != 0) {
            throw new IllegalStateException("knotc zone-reload failed: "
                    + new String(reload.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        awaitSerial(serial);
    }

    private void writeZone(String records) throws IOException {
        Files.writeString(dir.resolve(zone + ".zone"), """
                $ORIGIN %1$s.
                $TTL 300
                @   IN SOA ns1.%1$s. hostmaster.%1$s. %2$d 3600 900 604800 300
                @   IN NS  ns1.%1$s.
                ns1 IN A   127.0.0.1
                %3$s
                """.formatted(zone, serial, records), StandardCharsets.UTF_8);
    }

    private void awaitSerial(int wanted) throws IOException, InterruptedException {
        SimpleResolver resolver = new SimpleResolver(address());
        resolver.setTimeout(Duration.ofMillis(500));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("knotd exited: " + Files.readString(dir.resolve("knotd.log")));
            }
            try {
                Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."),
                        Type.SOA, DClass.IN)));
                for (Record soa : answer.getSection(org.xbill.DNS.Section.ANSWER)) {
                    if (soa instanceof org.xbill.DNS.SOARecord s && s.getSerial() >= wanted) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // knotd is still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("knotd did not serve serial " + wanted + ": "
                + Files.readString(dir.resolve("knotd.log")));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
