package org.openhaven.desktop.engine;

import java.util.List;

/**
 * A haven rebuilt on a new server.
 *
 * @param snapshot     the short id of the snapshot restored
 * @param serviceLinks one per web service, as on the Done page
 * @param notes        what the user should know: the old server that was kept and may still run
 */
public record RecoveryResult(String domain, String snapshot, List<DeployResult.Link> serviceLinks,
                             List<String> notes) {

    public RecoveryResult {
        serviceLinks = List.copyOf(serviceLinks);
        notes = List.copyOf(notes);
    }
}
