package org.openhaven.engine.cloud.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.OpenHavenException;

/**
 * The dated, bundled EC2 price table ({@code providers/aws/ec2-prices.json}). AWS has no price in the EC2 API
 * itself, so the table lists the instance types OpenHaven offers and the regions it knows, and every price it
 * returns says which date it is from.
 */
public final class AwsPrices {

    private static final String RESOURCE = "/providers/aws/ec2-prices.json";
    private static final AwsPrices BUNDLED = load();

    private final JsonNode table;

    private AwsPrices(JsonNode table) {
        this.table = table;
    }

    public static AwsPrices bundled() {
        return BUNDLED;
    }

    /** {@code table 2025-06-01}: shown beside every AWS price. */
    public String source() {
        return "table " + table.path("date").asText();
    }

    public String currency() {
        return table.path("currency").asText();
    }

    public BigDecimal publicIpv4Monthly() {
        return table.path("publicIpv4Monthly").decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    /** The monthly price of one GB of gp3 disk in the region; the highest known when the region is unknown. */
    public BigDecimal diskGbMonthly(String region) {
        JsonNode known = table.path("regions").path(region);
        if (!known.isMissingNode()) {
            return known.path("gp3GbMonth").decimalValue();
        }
        BigDecimal highest = BigDecimal.ZERO;
        for (JsonNode r : table.path("regions")) {
            highest = highest.max(r.path("gp3GbMonth").decimalValue());
        }
        return highest;
    }

    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.path("regions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            regions.add(new Region(region.getKey(), region.getValue().path("name").asText(),
                    region.getValue().path("country").asText()));
        }
        return regions;
    }

    /** Every offered instance type with its monthly price in {@code region} (the highest known elsewhere). */
    public List<ServerType> serverTypes(String region, int diskGb) {
        List<ServerType> types = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.path("instanceTypes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            List<String> regions = new ArrayList<>();
            table.path("regions").fields().forEachRemaining(r -> {
                if (r.getValue().path("hourly").has(type.getKey())) {
                    regions.add(r.getKey());
                }
            });
            types.add(new ServerType(type.getKey(), type.getKey(), type.getValue().path("vcpus").asInt(),
                    type.getValue().path("memoryMb").asInt(), diskGb, monthly(type.getKey(), region).orElseThrow(),
                    currency(), regions, source()));
        }
        return types;
    }

    /** Instance hours for a month of {@code hoursPerMonth}; empty for a type the table does not know. */
    public Optional<BigDecimal> monthly(String instanceType, String region) {
        if (!table.path("instanceTypes").has(instanceType)) {
            return Optional.empty();
        }
        BigDecimal hourly = BigDecimal.ZERO;
        JsonNode known = table.path("regions").path(region).path("hourly").path(instanceType);
        if (known.isNumber()) {
            hourly = known.decimalValue();
        } else {
            for (JsonNode r : table.path("regions")) {
                JsonNode price = r.path("hourly").path(instanceType);
                if (price.isNumber()) {
                    hourly = hourly.max(price.decimalValue());
                }
            }
        }
        return Optional.of(hourly.multiply(BigDecimal.valueOf(table.path("hoursPerMonth").asInt()))
                .setScale(2, RoundingMode.HALF_UP));
    }

    /** Memory of an offered instance type, for offline validation. */
    public Optional<Integer> memoryMb(String instanceType) {
        JsonNode type = table.path("instanceTypes").path(instanceType);
        return type.isMissingNode() ? Optional.empty() : Optional.of(type.path("memoryMb").asInt());
    }

    private static AwsPrices load() {
        try (InputStream in = AwsPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw OpenHavenException.internal("The bundled AWS price table " + RESOURCE + " is missing.", null);
            }
            return new AwsPrices(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw OpenHavenException.internal("The bundled AWS price table cannot be read.", e);
        }
    }
}
