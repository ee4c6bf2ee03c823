package org.openhaven.engine.haven;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenDirectory;

/**
 * What the haven's steps share: the spec, its label, the vault, the providers (made on first use), the seams,
 * and the hash of the bundle rendered in this run.
 */
record FlowContext(HavenSpec spec, HavenDirectory directory, SecretStore secrets, Supplier<CloudProvider> cloud,
                   Supplier<DnsProvider> dns, HavenComponents components,
                   AtomicReference<String> renderedBundle) {

    HavenLabel label() {
        return new HavenLabel(spec.havenId());
    }
}
