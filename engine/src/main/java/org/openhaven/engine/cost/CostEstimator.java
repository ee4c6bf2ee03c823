package org.openhaven.engine.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.BackupSpec;

/**
 * Adds up what a haven costs per month at its provider: the server, its public IPv4 address, a separately billed
 * disk where the provider bills one, and an estimate of the backup storage.
 */
public final class CostEstimator {

    private final ObjectStoragePrices storage;
    private final LocalDate today;

    public CostEstimator(ObjectStoragePrices storage, LocalDate today) {
        this.storage = storage;
        this.today = today;
    }

    /**
     * @param backup     null when backups are off
     * @param backupGb   the expected size of the backup repository, for the storage estimate
     */
    public CostEstimate estimate(CloudProvider provider, String region, String size, BackupSpec backup, int backupGb) {
        List<ServerType> types = provider.serverTypes();
        ServerType type = types.stream().filter(t -> t.id().equals(size)).findFirst()
                .orElseThrow(() -> OpenHavenException.config(provider.id() + " does not offer the server size '" + size
                                + "'.",
                        "Choose one of: " + String.join(", ", types.stream().map(ServerType::id).limit(12).toList())
                                + "."));
        String source = "api".equals(type.priceSource())
                ? provider.id() + " API prices of " + today : provider.id() + " price " + type.priceSource();
        List<CostEstimate.LineItem> items = new ArrayList<>();
        items.add(new CostEstimate.LineItem("Server " + type.id() + " (" + type.vcpus() + " vCPU, "
                + type.memoryMb() / 1024 + " GB RAM)", type.monthlyPrice(), type.currency(), type.priceSource(), false));
        items.add(new CostEstimate.LineItem("Public IPv4 address", provider.monthlyIpPrice(), type.currency(),
                type.priceSource(), false));
        if (provider instanceof DiskCharges disk) {
            BigDecimal monthly = disk.diskGbMonthly(region).multiply(BigDecimal.valueOf(disk.rootVolumeGb()))
                    .setScale(2, RoundingMode.HALF_UP);
            items.add(new CostEstimate.LineItem("Disk, " + disk.rootVolumeGb() + " GB", monthly, type.currency(),
                    type.priceSource(), false));
        }
        if (backup != null) {
            storage.estimate(backup.endpoint(), backupGb).ifPresent(items::add);
        }
        return new CostEstimate(items, type.currency(), source);
    }
}
