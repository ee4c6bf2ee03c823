package org.openhaven.desktop.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openhaven.engine.secrets.Secret;

/**
 * What the user brought to a recovery.
 *
 * @param specFile        the haven.yaml, when this computer does not know the haven
 * @param accessKeyId     the storage key id typed in; empty to use the vault's or the environment's
 * @param secretAccessKey its secret, likewise
 * @param credentials     cloud and DNS tokens typed in, under the vault keys the providers read
 */
public record RecoveryInput(Path kitFile, Optional<Path> specFile, Optional<Secret> accessKeyId,
                            Optional<Secret> secretAccessKey, Map<String, Secret> credentials) {

    public RecoveryInput {
        credentials = Map.copyOf(credentials);
    }
}
