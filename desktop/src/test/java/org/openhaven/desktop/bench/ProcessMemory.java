package org.openhaven.desktop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident set (VmRSS), as the OS counts it: what the benchmarks report. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static double rssMib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1) / 1024.0;
    }
}
