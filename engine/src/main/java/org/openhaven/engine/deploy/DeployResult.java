package org.openhaven.engine.deploy;

import org.openhaven.engine.remote.ComposeCommands;

/**
 * What a successful deploy did.
 *
 * @param release  the hash now live
 * @param previous the hash that was live before, or empty on the first deploy
 * @param uploaded false when the release was already on the server and the upload was skipped
 */
public record DeployResult(String release, String previous, boolean uploaded, ComposeCommands.Flavor compose) {
}
