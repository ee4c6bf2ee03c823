package org.openhaven.engine.haven;

import org.openhaven.engine.spec.HavenSpec;

/** Seam to the host module: the cloud-init user-data for a new server. Must never contain a cloud token. */
@FunctionalInterface
public interface UserDataSource {

    String userData(HavenSpec spec, String sshPublicKeyOpenSsh);
}
