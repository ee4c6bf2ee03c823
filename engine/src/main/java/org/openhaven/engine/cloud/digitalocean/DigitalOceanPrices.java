package org.openhaven.engine.cloud.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.cloud.ServerType;

/**
 * Reads sizes with their monthly prices from DigitalOcean's {@code GET /v2/sizes}. Reserved IPs are free while
 * assigned to a droplet, which is how OpenHaven uses them; DigitalOcean does not publish that price in its API.
 */
final class DigitalOceanPrices {

    static final String CURRENCY = "USD";
    /** Charged only while a reserved IP is unassigned (docs.digitalocean.com/products/networking/reserved-ips/details/pricing/). */
    static final BigDecimal ASSIGNED_RESERVED_IP_MONTHLY = BigDecimal.ZERO.setScale(2);

    private DigitalOceanPrices() {
    }

    static ServerType size(JsonNode size) {
        List<String> regions = new ArrayList<>();
        size.path("regions").forEach(region -> regions.add(region.asText()));
        BigDecimal monthly = size.path("price_monthly").decimalValue().setScale(2, RoundingMode.HALF_UP);
        return new ServerType(size.path("slug").asText(), size.path("description").asText(size.path("slug").asText()),
                size.path("vcpus").asInt(), size.path("memory").asInt(), size.path("disk").asInt(), monthly, CURRENCY,
                regions, "api");
    }
}
