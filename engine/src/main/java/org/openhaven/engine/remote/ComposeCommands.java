package org.openhaven.engine.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * Builders for Docker Compose, in both flavours: the v2 plugin ({@code docker compose}) and the v1 Python tool
 * ({@code docker-compose}, which Debian still ships). Every command runs in a project directory with a fixed
 * project name, so a release switch re-targets the same containers.
 */
public final class ComposeCommands {

    /** Which Compose the server has. */
    public enum Flavor {
        V2(List.of("docker", "compose")),
        V1(List.of("docker-compose"));

        private final List<String> program;

        Flavor(List<String> program) {
            this.program = program;
        }

        List<String> program() {
            return program;
        }
    }

    private final Flavor flavor;
    private final String projectDir;
    private final String projectName;

    public ComposeCommands(Flavor flavor, String projectDir, String projectName) {
        this.flavor = flavor;
        this.projectDir = projectDir;
        this.projectName = projectName;
    }

    /**
     * Prints {@code v2} or {@code v1} (or nothing when neither exists), preferring the v2 plugin.
     * Parsed by {@link #parseDetected(String)}.
     */
    public static RemoteCommand detect() {
        return Shell.raw("find Docker Compose",
                "if docker compose version >/dev/null 2>&1; then echo v2; "
                        + "elif command -v docker-compose >/dev/null 2>&1; then echo v1; fi");
    }

    public static java.util.Optional<Flavor> parseDetected(String output) {
        return switch (output.strip()) {
            case "v2" -> java.util.Optional.of(Flavor.V2);
            case "v1" -> java.util.Optional.of(Flavor.V1);
            default -> java.util.Optional.empty();
        };
    }

    public Flavor flavor() {
        return flavor;
    }

    /**
     * Pulls only the images that are not on the server yet. Catalog images are pinned to exact versions, so a
     * present image is the right one, and a re-deploy works while the registry is unreachable (offline re-deploys,
     * air-gapped hosts, the test lab). A missing image that cannot be pulled fails here with the registry's message.
     */
    public RemoteCommand pullMissing() {
        List<String> config = base();
        config.add("config");
        return Shell.raw("pull missing images",
                "set -e\nimages=$(" + new RemoteCommand(config, "").shellLine()
                        + " | sed -n 's/^ *image: *//p' | sort -u)\n"
                        + "for image in $images; do docker image inspect \"$image\" >/dev/null 2>&1"
                        + " || docker pull \"$image\"; done");
    }

    public RemoteCommand up() {
        List<String> argv = base();
        argv.addAll(List.of("up", "-d", "--remove-orphans"));
        return new RemoteCommand(argv, "start the stack");
    }

    public RemoteCommand down() {
        List<String> argv = base();
        argv.addAll(List.of("down", "--remove-orphans"));
        return new RemoteCommand(argv, "stop the stack");
    }

    /**
     * Runs {@code script} under {@code sh -c} inside a running service's container, without a TTY: the shape of the
     * catalog's post-deploy wiring. Secrets stay in the container's environment; the script names them only.
     *
     * @param user the user inside the container, or null for the image's default
     */
    public RemoteCommand exec(String description, String service, String user, String script) {
        List<String> argv = base();
        argv.addAll(List.of("exec", "-T"));
        if (user != null) {
            argv.addAll(List.of("-u", user));
        }
        argv.addAll(List.of(service, "sh", "-c", script));
        return new RemoteCommand(argv, description);
    }

    /** The container id of each service, one {@code id} per line. */
    public RemoteCommand containerIds() {
        List<String> argv = base();
        argv.addAll(List.of("ps", "-q"));
        return new RemoteCommand(argv, "list the stack's containers");
    }

    public RemoteCommand logs(String service, int lines) {
        List<String> argv = base();
        argv.addAll(List.of("logs", "--no-color", "--tail", Integer.toString(lines), service));
        return new RemoteCommand(argv, "read the logs of " + service);
    }

    private List<String> base() {
        List<String> argv = new ArrayList<>(flavor.program());
        argv.addAll(List.of("--project-directory", projectDir, "-p", projectName,
                "-f", projectDir + "/compose.yaml"));
        return argv;
    }
}
