package org.openhaven.engine.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Estimates backup storage from the bundled, dated table {@code providers/object-storage.json}, recognising the
 * storage provider by the backup endpoint's host name (no endpoint means AWS S3).
 */
public final class ObjectStoragePrices {

    private static final String RESOURCE = "/providers/object-storage.json";
    private final JsonNode table;

    private ObjectStoragePrices(JsonNode table) {
        this.table = table;
    }

    public static ObjectStoragePrices bundled() {
        try (InputStream in = ObjectStoragePrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw OpenHavenException.internal("The bundled table " + RESOURCE + " is missing.", null);
            }
            return new ObjectStoragePrices(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw OpenHavenException.internal("The bundled object storage price table cannot be read.", e);
        }
    }

    /** The monthly cost of {@code gigabytes} at the endpoint's provider; empty for a provider the table lacks. */
    public Optional<CostEstimate.LineItem> estimate(String endpoint, int gigabytes) {
        String host = endpoint == null || endpoint.isBlank() ? "s3.amazonaws.com"
                : Optional.ofNullable(URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint).getHost())
                        .orElse("").toLowerCase(Locale.ROOT);
        for (JsonNode target : table.path("targets")) {
            String suffix = target.path("hostSuffix").asText();
            if (host.equals(suffix) || host.endsWith("." + suffix)) {
                BigDecimal extraGb = BigDecimal.valueOf(Math.max(0, gigabytes - target.path("includedGb").asInt()));
                BigDecimal monthly = target.path("baseMonthly").decimalValue()
                        .add(extraGb.multiply(target.path("perGbMonthly").decimalValue()))
                        .setScale(2, RoundingMode.HALF_UP);
                return Optional.of(new CostEstimate.LineItem("Backup storage, about " + gigabytes + " GB at "
                        + target.path("name").asText(), monthly, target.path("currency").asText(),
                        "price table of " + table.path("date").asText(), true));
            }
        }
        return Optional.empty();
    }
}
