package org.openhaven.engine.host;

import org.openhaven.engine.haven.DesiredResources;
import org.openhaven.engine.haven.UserDataSource;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The host module behind core's {@link UserDataSource} seam: the bootstrap as cloud-init user-data. Its firewall
 * opens what the cloud firewall opens for the spec ({@link DesiredResources#firewallRules}); the bootstrap over SSH
 * that follows, and every deploy, then write the rendered manifest's list, which names the same ports.
 */
public final class CloudInitUserData implements UserDataSource {

    @Override
    public String userData(HavenSpec spec, String sshPublicKeyOpenSsh) {
        return new HostBootstrap(new BootstrapOptions(HostBootstrap.ADMIN_USER, sshPublicKeyOpenSsh.strip(),
                DesiredResources.firewallRules(spec), true)).cloudInit();
    }
}
