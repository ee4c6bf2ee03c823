package org.openhaven.engine.backup;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

/**
 * Everything needed to get a haven's data back when the server and this computer are both gone: where the
 * encrypted repository is and the password that opens it. Shown once at setup, exportable later; the S3 keys
 * are not in it (the user's storage account issues those and can issue new ones), the password is (nobody can
 * reissue it).
 *
 * <p>Both renderings carry the same {@code Key: value} lines, so {@link #parse(String)} reads either back for
 * {@code openhaven recover --kit}.
 */
public record RecoveryKit(String havenId, String domain, ResticRepository repository, Secret password,
                          Instant createdAt) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The kit as plain text, for printing or a password manager's notes field. */
    public String plainText() {
        return """
                OPENHAVEN RECOVERY KIT
                Keep this somewhere safe and offline. Anyone holding it and your storage keys can read your backups;
                without the password below, nobody can, including you.

                %s
                HOW TO RECOVER WITH OPENHAVEN
                1. Install OpenHaven on any computer and keep your storage provider's S3 access key at hand,
                   and your haven.yaml (keep a copy with this kit) if it is not the computer that set the haven up.
                2. In the OpenHaven app: "Restore a haven from its recovery kit" on the welcome page (or
                   "Recover on a new server…" in the dashboard's menu), then pick this file.
                   Or on the command line: openhaven recover --kit <this file> --spec haven.yaml --yes
                3. OpenHaven creates a new server, restores every service from the latest backup, points
                   %s at it and checks that every service is healthy.

                HOW TO RECOVER WITHOUT OPENHAVEN
                1. Install restic (https://restic.net) on a Linux machine.
                2. export RESTIC_REPOSITORY='%s'
                   export RESTIC_PASSWORD='<the password above>'
                   export AWS_ACCESS_KEY_ID=<your key id>  AWS_SECRET_ACCESS_KEY=<your secret key>
                   export AWS_DEFAULT_REGION=%s
                3. restic snapshots                          (lists the backups, newest last)
                4. restic restore latest --target /restore
                   (volumes under /restore/var/lib/docker/volumes/openhaven_<volume>/_data)
                5. Databases are in /restore/opt/openhaven/backup/dumps as plain SQL from pg_dump:
                   load each with: psql -v ON_ERROR_STOP=1 -d <database> -f <file>
                """.formatted(fields(), domain, repository.resticUrl(), repository.region());
    }

    /** The kit as Markdown, for a printable page. */
    public String markdown() {
        return """
                # OpenHaven recovery kit: %s

                Keep this page somewhere safe and offline. Anyone holding it and your storage keys can read your
                backups; without the password, nobody can, including you.

                ```
                %s```

                ## Recover with OpenHaven

                1. Install OpenHaven on any computer and keep your storage provider's S3 access key at hand,
                   and your `haven.yaml` (keep a copy with this kit) if it is not the computer that set the haven up.
                2. In the OpenHaven app, choose **Restore a haven from its recovery kit** on the welcome page (or
                   **Recover on a new server…** in the dashboard's menu) and pick this file. Or, on the command
                   line, run `openhaven recover --kit <this file> --spec haven.yaml --yes`.
                3. OpenHaven creates a new server, restores every service from the latest backup, points
                   `%s` at it and checks that every service is healthy.

                ## Recover without OpenHaven

                1. Install [restic](https://restic.net) on a Linux machine.
                2. Set the repository and credentials:
                   ```
                   export RESTIC_REPOSITORY='%s'
                   export RESTIC_PASSWORD='<the password above>'
                   export AWS_ACCESS_KEY_ID=<your key id> AWS_SECRET_ACCESS_KEY=<your secret key>
                   export AWS_DEFAULT_REGION=%s
                   ```
                3. `restic snapshots` lists the backups, newest last.
                4. `restic restore latest --target /restore` puts the volumes under
                   `/restore/var/lib/docker/volumes/openhaven_<volume>/_data`.
                5. Databases are in `/restore/opt/openhaven/backup/dumps` as plain SQL from pg_dump: load each
                   with `psql -v ON_ERROR_STOP=1 -d <database> -f <file>`.
                """.formatted(domain, fields(), domain, repository.resticUrl(), repository.region());
    }

    private String fields() {
        return "Haven:       " + havenId + "\n"
                + "Domain:      " + domain + "\n"
                + "Created:     " + DATE.format(createdAt) + "\n"
                + "Repository:  " + repository.resticUrl() + "\n"
                + "Endpoint:    " + repository.endpoint() + "\n"
                + "Region:      " + repository.region() + "\n"
                + "Bucket:      " + repository.bucket() + "\n"
                + "Prefix:      " + repository.prefix() + "\n"
                + "Password:    " + password.reveal() + "\n";
    }

    /** Reads a kit back from either rendering. */
    public static RecoveryKit parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && colon < 12 && line.length() > 13 && Character.isUpperCase(line.charAt(0))) {
                values.putIfAbsent(line.substring(0, colon), line.substring(13));
            }
        }
        for (String key : new String[] {"Haven", "Domain", "Created", "Endpoint", "Region", "Bucket", "Password"}) {
            if (!values.containsKey(key)) {
                throw OpenHavenException.config("This file is not an OpenHaven recovery kit: it has no '" + key
                                + "' line.",
                        "Use the recovery kit saved when the haven was set up (openhaven-recovery-kit.txt or .md).");
            }
        }
        return new RecoveryKit(values.get("Haven"), values.get("Domain"),
                new ResticRepository(URI.create(values.get("Endpoint")), values.get("Region"), values.get("Bucket"),
                        values.getOrDefault("Prefix", "")),
                Secret.of(values.get("Password")),
                DATE.parse(values.get("Created"), Instant::from));
    }

    @Override
    public String toString() {
        return "RecoveryKit[" + havenId + ", " + repository.describe() + "]";
    }
}
