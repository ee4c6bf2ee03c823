package org.openhaven.engine.cloud.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.cloud.ServerType;

/**
 * Reads server types and their monthly prices from Hetzner's own API answers ({@code GET /server_types},
 * {@code GET /pricing}). Hetzner quotes per location, net and gross; we show gross, the price a consumer pays.
 */
final class HetznerPrices {

    static final String CURRENCY = "EUR";

    private HetznerPrices() {
    }

    static ServerType serverType(JsonNode type) {
        List<String> locations = new ArrayList<>();
        BigDecimal highest = BigDecimal.ZERO;
        for (JsonNode price : type.path("prices")) {
            locations.add(price.path("location").asText());
            BigDecimal monthly = gross(price.path("price_monthly"));
            highest = highest.max(monthly);
        }
        int memoryMb = (int) Math.round(type.path("memory").asDouble() * 1024);
        String description = type.path("description").asText(type.path("name").asText());
        return new ServerType(type.path("name").asText(), description, type.path("cores").asInt(), memoryMb,
                type.path("disk").asInt(), highest, CURRENCY, locations, "api");
    }

    /** The monthly gross price of a primary IPv4 from {@code GET /pricing}; the highest over all locations. */
    static BigDecimal primaryIpv4Monthly(JsonNode pricing) {
        BigDecimal highest = BigDecimal.ZERO;
        for (JsonNode ip : pricing.path("pricing").path("primary_ips")) {
            if (!"ipv4".equals(ip.path("type").asText())) {
                continue;
            }
            for (JsonNode price : ip.path("prices")) {
                highest = highest.max(gross(price.path("price_monthly")));
            }
        }
        return highest;
    }

    private static BigDecimal gross(JsonNode amount) {
        String text = amount.path("gross").asText("0");
        return new BigDecimal(text.isBlank() ? "0" : text).setScale(2, RoundingMode.HALF_UP);
    }
}
