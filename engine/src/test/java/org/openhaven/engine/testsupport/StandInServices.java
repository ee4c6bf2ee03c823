package org.openhaven.engine.testsupport;

/**
 * Compose service definitions for stand-in services: busybox httpd from {@link LabHost#STANDIN_IMAGE}, named
 * after the real service they stand in for, serving a directory of the release, with a Docker health check that
 * fetches the page. Not the real images: no registry is reachable from the tests.
 */
public final class StandInServices {

    private StandInServices() {
    }

    /**
     * One service entry (indented for a {@code services:} map).
     *
     * @param name      the compose service key
     * @param wwwDir    the directory under the release's {@code www/} it serves ("" for {@code www/} itself)
     * @param listenPort where httpd listens; anything but 80 makes the health check (which fetches port 80) fail
     */
    public static String service(String name, String wwwDir, int listenPort) {
        return service(name, "www", wwwDir, listenPort);
    }

    /**
     * One service entry serving {@code wwwDir} under the release's {@code mountDir} (mounted at {@code /www}).
     *
     * @param mountDir the release directory bind-mounted read-only at {@code /www}
     */
    public static String service(String name, String mountDir, String wwwDir, int listenPort) {
        return """
                  %1$s:
                    image: %2$s
                    command: ["httpd", "-f", "-p", "%3$d", "-h", "/www/%4$s"]
                    env_file: .env
                    volumes:
                      - ./%5$s:/www:ro
                    # httpd as PID 1 ignores SIGTERM: without this every recreate and restart waits Docker's 10 s.
                    stop_grace_period: 1s
                    healthcheck:
                      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
                      interval: 1s
                      timeout: 2s
                      retries: 2
                """.formatted(name, LabHost.STANDIN_IMAGE, listenPort, wwwDir, mountDir);
    }
}
