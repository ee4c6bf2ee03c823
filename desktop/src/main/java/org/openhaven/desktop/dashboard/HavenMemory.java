package org.openhaven.desktop.dashboard;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Which haven the dashboard showed last, so the next launch opens on it. */
public interface HavenMemory {

    Optional<String> recall();

    void remember(String havenId);

    /** Remembers for this run only: for tests and the screenshot tool, which must not touch the user's files. */
    static HavenMemory inMemory() {
        AtomicReference<String> kept = new AtomicReference<>();
        return new HavenMemory() {
            @Override
            public Optional<String> recall() {
                return Optional.ofNullable(kept.get());
            }

            @Override
            public void remember(String havenId) {
                kept.set(havenId);
            }
        };
    }
}
