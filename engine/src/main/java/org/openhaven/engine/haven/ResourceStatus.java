package org.openhaven.engine.haven;

import org.openhaven.engine.cloud.ResourceKind;

/** One recorded resource and whether its provider still has it. */
public record ResourceStatus(String key, ResourceKind kind, String name, String providerId, Presence presence) {

    public enum Presence {
        /** The provider lists it. */
        PRESENT,
        /** The provider answered and does not list it. */
        MISSING,
        /** The provider could not be asked (no credentials, rejected, unreachable): nothing is concluded. */
        UNKNOWN,
        /** Lives only on our side (a release), nothing to ask. */
        LOCAL
    }
}
