package org.openhaven.engine.haven;

import java.util.List;
import java.util.Optional;
import org.openhaven.engine.cloud.ResourceKind;

/**
 * How a recovery began: the old server (and its IP) it set aside so the flow builds a new one, or, for a re-run of
 * a recovery that stopped, the ones the first run set aside.
 *
 * @param resumed  true when an unfinished recovery is being continued
 * @param replaced what the haven had before; still at the provider unless the user deleted it
 */
public record RecoveryStart(boolean resumed, List<Replaced> replaced) {

    public RecoveryStart {
        replaced = List.copyOf(replaced);
    }

    /** One resource a recovery replaced, as the user finds it in their provider's console. */
    public record Replaced(ResourceKind kind, String name, String providerId, Optional<String> ipv4) {
    }
}
