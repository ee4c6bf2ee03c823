package org.openhaven.engine.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.cloud.aws.AwsCloudProvider;
import org.openhaven.engine.cloud.aws.AwsPrices;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanCloudProvider;
import org.openhaven.engine.cloud.hetzner.HetznerCloudProvider;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.ServerSizes;
import org.openhaven.engine.spec.ServerTypeTable;

/**
 * The server sizes bundled with OpenHaven, so a spec can be validated without network or credentials. Hetzner and
 * DigitalOcean tables hold sizes only (their prices are always read live); the AWS table also holds dated prices.
 */
public final class BundledServerTypes {

    private BundledServerTypes() {
    }

    /** The sizes of every cloud provider, keyed by provider id. */
    public static Map<String, List<ServerType>> all() {
        return Map.of(
                HetznerCloudProvider.ID, sizesOnly("/providers/hetzner/server-types.json", "EUR"),
                DigitalOceanCloudProvider.ID, sizesOnly("/providers/digitalocean/sizes.json", "USD"),
                AwsCloudProvider.ID, AwsPrices.bundled().serverTypes("us-east-1", 40));
    }

    /** The lookup the spec validator uses. */
    public static ServerSizes sizes() {
        return new ServerTypeTable(all());
    }

    private static List<ServerType> sizesOnly(String resource, String currency) {
        try (InputStream in = BundledServerTypes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw OpenHavenException.internal("The bundled size table " + resource + " is missing.", null);
            }
            JsonNode table = new ObjectMapper().readTree(in);
            List<ServerType> types = new ArrayList<>();
            for (JsonNode type : table.path("types")) {
                types.add(new ServerType(type.path("id").asText(), type.path("id").asText(),
                        type.path("vcpus").asInt(), type.path("memoryMb").asInt(), type.path("diskGb").asInt(),
                        null, currency, List.of(), "table " + table.path("date").asText() + " (sizes only)"));
            }
            return types;
        } catch (IOException e) {
            throw OpenHavenException.internal("The bundled size table " + resource + " cannot be read.", e);
        }
    }
}
