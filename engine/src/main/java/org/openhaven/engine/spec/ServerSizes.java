package org.openhaven.engine.spec;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the spec validator needs to know about server sizes: how much memory one has, and which sizes are big
 * enough. Implemented from the providers' bundled price tables (see {@link ServerTypeTable}); a lookup that does
 * not know a provider answers empty, and the validator then skips the size checks for it.
 */
public interface ServerSizes {

    /** A lookup that knows no provider: size and memory checks are skipped. */
    ServerSizes UNKNOWN = new ServerSizes() {
        @Override
        public OptionalInt memoryMb(String provider, String size) {
            return OptionalInt.empty();
        }

        @Override
        public List<String> sizesWithAtLeast(String provider, int memoryMb) {
            return List.of();
        }

        @Override
        public Set<String> knownSizes(String provider) {
            return Set.of();
        }
    };

    /** The memory of {@code size} at {@code provider} in MiB; empty when the size or provider is unknown. */
    OptionalInt memoryMb(String provider, String size);

    /** The sizes of {@code provider} with at least {@code memoryMb} MiB, smallest (and cheapest) first. */
    List<String> sizesWithAtLeast(String provider, int memoryMb);

    /** Every size id of {@code provider}; empty when this lookup does not know the provider. */
    Set<String> knownSizes(String provider);
}
