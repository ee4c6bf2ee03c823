package org.openhaven.engine.spec;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.openhaven.engine.cloud.ServerType;

/**
 * {@link ServerSizes} over the server types each provider offers (its bundled price table or its API answer).
 */
public final class ServerTypeTable implements ServerSizes {

    private final Map<String, List<ServerType>> typesByProvider;

    /** @param typesByProvider the server types of each provider id ({@code hetzner}, {@code aws}, ...) */
    public ServerTypeTable(Map<String, List<ServerType>> typesByProvider) {
        TreeMap<String, List<ServerType>> copy = new TreeMap<>();
        typesByProvider.forEach((provider, types) -> copy.put(provider, List.copyOf(types)));
        this.typesByProvider = copy;
    }

    @Override
    public OptionalInt memoryMb(String provider, String size) {
        return typesOf(provider).stream()
                .filter(type -> type.id().equals(size))
                .mapToInt(ServerType::memoryMb)
                .findFirst();
    }

    @Override
    public List<String> sizesWithAtLeast(String provider, int memoryMb) {
        // Smallest memory first, then the cheaper one: the first suggestion is the sensible upgrade.
        return typesOf(provider).stream()
                .filter(type -> type.memoryMb() >= memoryMb)
                .sorted(Comparator.comparingInt(ServerType::memoryMb)
                        .thenComparing(ServerType::monthlyPrice, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ServerType::id))
                .map(ServerType::id)
                .toList();
    }

    @Override
    public Set<String> knownSizes(String provider) {
        Set<String> ids = new LinkedHashSet<>();
        typesOf(provider).forEach(type -> ids.add(type.id()));
        return ids;
    }

    private List<ServerType> typesOf(String provider) {
        return typesByProvider.getOrDefault(provider, List.of());
    }
}
