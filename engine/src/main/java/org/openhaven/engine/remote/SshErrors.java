package org.openhaven.engine.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Turns SSH library failures into messages for people, once, at the boundary. */
final class SshErrors {

    private SshErrors() {
    }

    static OpenHavenException connectFailed(SshTarget target, PinnedHostKeyVerifier verifier, IOException e) {
        if (verifier.mismatched()) {
            return hostKeyChanged(target, verifier.pinned(), verifier.presented(), e);
        }
        if (e instanceof UserAuthException) {
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "The server " + target.describe() + " did not accept the haven's key.")
                    .remedy("Check the user name, and that the haven's public key is in ~" + target.user()
                            + "/.ssh/authorized_keys on the server (openhaven shows it under Server → SSH key).")
                    .cause(e)
                    .build();
        }
        Throwable root = rootCause(e);
        if (root instanceof UnknownHostException) {
            return OpenHavenException.of(ErrorCategory.CONFIG, "The host name " + target.host() + " does not resolve.")
                    .remedy("Check the spelling of the server's address, or use its IP address.")
                    .cause(e)
                    .build();
        }
        if (root instanceof SocketTimeoutException) {
            return unreachable(target, "did not answer in time", e);
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return unreachable(target, "refused or dropped the connection", e);
        }
        return unreachable(target, "closed the SSH connection (" + e.getClass().getSimpleName() + ")", e);
    }

    static OpenHavenException unreachable(SshTarget target, String what, Throwable cause) {
        return OpenHavenException.of(ErrorCategory.NETWORK, "The server " + target.address() + " " + what + ".")
                .remedy("Check that the server is running, that the address and SSH port are right, and that no "
                        + "firewall blocks port " + target.port() + " from this computer.")
                .cause(cause)
                .build();
    }

    static OpenHavenException hostKeyChanged(SshTarget target, String pinned, String presented, Throwable cause) {
        return new HostKeyChangedException(target, pinned, presented, cause);
    }

    static OpenHavenException lost(SshTarget target, String doing, IOException e) {
        return OpenHavenException.of(ErrorCategory.NETWORK,
                        "The SSH connection to " + target.address() + " failed while " + doing + ".")
                .remedy("Check the network connection and run the command again; finished steps are not repeated.")
                .cause(e)
                .build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
