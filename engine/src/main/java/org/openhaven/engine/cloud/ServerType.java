package org.openhaven.engine.cloud;

import java.math.BigDecimal;
import java.util.List;

/**
 * A server size with its monthly price.
 *
 * @param regions       where it can be created; empty means everywhere
 * @param monthlyPrice  the provider's monthly price, gross where the provider quotes gross
 * @param priceSource   where the price came from: {@code "api"} or a dated table such as {@code "table 2026-11-01"}
 */
public record ServerType(
        String id,
        String description,
        int vcpus,
        int memoryMb,
        int diskGb,
        BigDecimal monthlyPrice,
        String currency,
        List<String> regions,
        String priceSource) {

    public ServerType {
        regions = List.copyOf(regions);
    }
}
