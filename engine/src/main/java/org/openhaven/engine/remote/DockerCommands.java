package org.openhaven.engine.remote;

/** Builders for plain {@code docker} commands. */
public final class DockerCommands {

    private DockerCommands() {
    }

    /**
     * One line per container of a compose project: {@code service state health}, where health is {@code none}
     * for containers without a health check. Containers are found by Compose's own labels, which both Compose
     * flavours set, so this does not depend on which one is installed.
     */
    public static RemoteCommand serviceStates(String projectName) {
        return Shell.raw("read the services' health",
                "ids=$(docker ps -aq --filter " + RemoteCommand.quote("label=com.docker.compose.project=" + projectName)
                        + "); [ -z \"$ids\" ] || docker inspect --format "
                        + RemoteCommand.quote("{{index .Config.Labels \"com.docker.compose.service\"}} "
                                + "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}")
                        + " $ids");
    }

    /** Whether the Docker engine answers; exits non-zero when it does not. */
    public static RemoteCommand engineVersion() {
        return RemoteCommand.of("check the Docker engine", "docker", "version", "--format", "{{.Server.Version}}");
    }
}
