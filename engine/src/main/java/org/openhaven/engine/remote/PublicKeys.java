package org.openhaven.engine.remote;

import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyV1KeyFile;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

/** Derives the public half of an OpenSSH private key, as an {@code authorized_keys} line. */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static String authorizedKeyLine(Secret privateKeyPem, String comment) {
        try {
            OpenSSHKeyV1KeyFile file = new OpenSSHKeyV1KeyFile();
            file.init(privateKeyPem.reveal(), null);
            KeyProvider provider = file;
            PublicKey key = provider.getPublic();
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob)
                    + (comment == null || comment.isBlank() ? "" : " " + comment);
        } catch (IOException e) {
            throw OpenHavenException.internal("The haven's SSH key could not be read.", e);
        }
    }
}
