package org.openhaven.engine.haven;

/** The parts of the flow other modules provide, wired at the composition root (CLI, desktop, tests). */
public record HavenComponents(UserDataSource userData, BundleRenderer renderer, HostDeployer deployer,
                              HostBackups backups) {

    /** Without a backup module: a spec with a backup target then fails at the backup step, saying why. */
    public HavenComponents(UserDataSource userData, BundleRenderer renderer, HostDeployer deployer) {
        this(userData, renderer, deployer, HostBackups.unavailable());
    }
}
