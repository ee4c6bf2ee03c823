package org.openhaven.engine.host;

import org.openhaven.engine.haven.UserDataSource;
import org.openhaven.engine.spec.HavenSpec;

/** The host module behind core's {@link UserDataSource} seam: the bootstrap as cloud-init user-data. */
public final class CloudInitUserData implements UserDataSource {

    @Override
    public String userData(HavenSpec spec, String sshPublicKeyOpenSsh) {
        boolean mail = spec.mail() != null && spec.mail().enabled();
        return new HostBootstrap(new BootstrapOptions(HostBootstrap.ADMIN_USER, sshPublicKeyOpenSsh.strip(), mail,
                true)).cloudInit();
    }
}
