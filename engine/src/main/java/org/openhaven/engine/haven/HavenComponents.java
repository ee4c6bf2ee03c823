package org.openhaven.engine.haven;

/** The parts of the flow other modules provide, wired at the composition root (CLI, desktop, tests). */
public record HavenComponents(UserDataSource userData, BundleRenderer renderer, HostDeployer deployer) {
}
