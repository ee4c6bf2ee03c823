package org.openhaven.engine.backup;

import org.openhaven.engine.secrets.Secret;

/**
 * A file to place on the server. The content is held as a {@link Secret} so that an env file can never slip
 * into a log by accident; plain files pay only the cost of calling {@code reveal()}.
 *
 * @param path absolute path on the server
 * @param mode octal permission bits such as {@code 0600}; the owner is always root
 */
public record ServerFile(String path, String mode, Secret content) {
}
