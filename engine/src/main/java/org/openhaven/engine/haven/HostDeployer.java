package org.openhaven.engine.haven;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.plan.CancellationToken;

/**
 * Seam to the remote module: everything done on the server over SSH. Each method is idempotent; output lines go to
 * {@code log} (never secrets). Failures are OpenHavenExceptions (REMOTE_COMMAND, NETWORK, AUTH).
 */
public interface HostDeployer {

    /**
     * Returns once SSH accepts our key, or fails when the deadline passes. The server's host key is checked against
     * its pin; on first contact it is pinned, and the result says so.
     */
    MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation, Consumer<String> log);

    /**
     * Brings the host to the base state (Docker, firewall, hardening); a no-op on a host already there. The firewall
     * opens the ports listed in the manifest of the bundle rendered into {@code bundleDir}, the same list every
     * deploy writes, so running the bootstrap again after a deploy never closes a service's port.
     */
    void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log);

    /** Uploads the bundle as release {@code bundleHash}, switches to it and starts the stack. */
    void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log);

    /**
     * Looks at the server for facts the render depends on (an NVIDIA GPU); {@link HostFacts#UNKNOWN} when this
     * deployer cannot tell. Changes nothing.
     */
    default org.openhaven.engine.host.HostFacts hostFacts(HostTarget target) {
        return org.openhaven.engine.host.HostFacts.UNKNOWN;
    }

    /** Checks the services answer; fails naming the ones that do not. */
    void verify(HostTarget target, Consumer<String> log);

    /**
     * The server as {@code openhaven status} shows it, one line each: live release, every service's state and
     * health, disk and memory. Looks only; empty when this deployer cannot tell.
     */
    default java.util.List<String> describe(HostTarget target) {
        return java.util.List.of();
    }

    /**
     * The same look at the server as {@link #describe}, typed, for the desktop's dashboard; empty when this
     * deployer cannot tell.
     */
    default java.util.Optional<org.openhaven.engine.status.StatusReport> report(HostTarget target) {
        return java.util.Optional.empty();
    }

    /**
     * Forgets the pinned host key of a server that destroy removed: clouds hand addresses out again, and a new
     * server at the old address must be met as a first contact, not refused as a changed key.
     */
    default void forgetHostKey(String host, int port) {
    }

    /**
     * Logs in to a server the user already has and runs the read-only preflight (OS, root or sudo, disk, memory,
     * ports 80/443, owner mark). Checks the host key against its pin and pins it on first contact, exactly as
     * {@link #waitForSsh} does, so the key a live check met is the one every later deploy expects. Judges nothing:
     * the caller reads {@link org.openhaven.engine.host.PreflightReport#problems(String)}.
     */
    default ServerInspection inspectServer(HostTarget target) {
        throw unsupported("check a server you already have");
    }

    /** Writes the owner mark that claims the server for {@code havenId}; idempotent. */
    default void markServer(HostTarget target, String havenId, Consumer<String> log) {
        throw unsupported("mark a server you already have");
    }

    /**
     * Stops the haven's services and removes OpenHaven's directory on a server the user already has; refuses when
     * the owner mark names another haven. The machine, its SSH access, Docker and the hardening stay.
     */
    default void removeHaven(HostTarget target, String havenId, Consumer<String> log) {
        throw unsupported("remove a haven from a server you already have");
    }

    private static org.openhaven.engine.error.OpenHavenException unsupported(String what) {
        return org.openhaven.engine.error.OpenHavenException.internal("This build's deployer cannot " + what + ".",
                null);
    }
}
