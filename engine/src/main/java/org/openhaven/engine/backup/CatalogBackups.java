package org.openhaven.engine.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceDefinition;

/** Reads what each of a haven's services contributes to the backup from the catalog. */
public final class CatalogBackups {

    /**
     * Services whose files must not change during the snapshot, with the container that takes the pause. The
     * catalog has no field for this yet; Nextcloud is the one service that needs it.
     */
    private static final Set<String> OCC_MAINTENANCE = Set.of("nextcloud");

    private CatalogBackups() {
    }

    /** The services among {@code resolvedIds} (dependencies included) that have data, in the given order. */
    public static List<ServiceBackup> of(Catalog catalog, List<String> resolvedIds) {
        List<ServiceBackup> services = new ArrayList<>();
        for (String id : resolvedIds) {
            ServiceDefinition definition = catalog.definition(id);
            ServiceDefinition.Backup backup = definition.backup();
            ServiceBackup service = new ServiceBackup(id, List.copyOf(definition.images().keySet()), backup.volumes(),
                    List.of(), List.of(), List.of());
            for (ServiceDefinition.DatabaseDump dump : backup.dumps()) {
                service = service.withDump(new DatabaseDump(dump.container(), dump.command(), dump.file()));
            }
            if (OCC_MAINTENANCE.contains(id)) {
                service = service.withOccMaintenanceMode(id);
            }
            if (service.hasData()) {
                services.add(service);
            }
        }
        return List.copyOf(services);
    }
}
