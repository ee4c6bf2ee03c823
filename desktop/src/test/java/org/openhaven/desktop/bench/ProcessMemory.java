package org.openhaven.desktop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set as the OS counts it (/proc/PID/status): what the benchmarks report. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static double rssMib() throws IOException {
        return mib("self", "VmRSS:");
    }

    /** Resident now. */
    static double rssMib(long pid) throws IOException {
        return mib(Long.toString(pid), "VmRSS:");
    }

    /** The most the process has had resident so far (its high-water mark). */
    static double peakMib(String pid) throws IOException {
        return mib(pid, "VmHWM:");
    }

    private static double mib(String pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1) / 1024.0;
    }
}
