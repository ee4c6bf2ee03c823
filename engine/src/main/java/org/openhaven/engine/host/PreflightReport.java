package org.openhaven.engine.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the preflight found on an existing server, and what stands in the way of installing a haven there.
 *
 * @param os          {@code id:version} from /etc/os-release, e.g. {@code debian:12}
 * @param prettyName  the OS name to show people
 * @param sudo        whether the login is root or may run {@code sudo -n} without a password
 * @param diskFreeKib free space on the root file system
 * @param memoryKib   total memory
 * @param busyPorts   listeners on 80/443 that are not Docker's own (a web server already running)
 * @param owner       the haven named by the server's owner mark ({@code /opt/openhaven/haven-id}), empty when the
 *                    server carries none
 */
public record PreflightReport(String os, String prettyName, boolean sudo, long diskFreeKib, long memoryKib,
        List<String> busyPorts, String owner) {

    public static final Set<String> SUPPORTED = Set.of("debian:12", "debian:13", "ubuntu:22.04", "ubuntu:24.04");
    /** Images, volumes and a few releases need room; below this a deploy would fail half-way. */
    public static final long MIN_DISK_KIB = 10L * 1024 * 1024;
    /** The core stack does not start in less; below 2 GiB the bootstrap adds swap. */
    public static final long MIN_MEMORY_KIB = 900L * 1024;

    public PreflightReport {
        busyPorts = List.copyOf(busyPorts);
        owner = owner == null ? "" : owner.strip();
    }

    /** A reason the server cannot take a haven, for a person, with what to do about it. */
    public record Problem(String message, String remedy) {
    }

    /** Everything that blocks installing any haven, in the order a person should fix it; empty when the server is fit. */
    public List<Problem> problems() {
        return problems(null);
    }

    /**
     * Everything that blocks installing haven {@code havenId}: the general problems, and a server that another
     * haven already claimed (two havens on one server would fight over ports 80/443 and /opt/openhaven).
     *
     * @param havenId the haven to install, or null when it is not named yet (the owner mark is then not judged)
     */
    public List<Problem> problems(String havenId) {
        List<Problem> problems = new ArrayList<>();
        if (havenId != null && !owner.isEmpty() && !Objects.equals(owner, havenId)) {
            problems.add(new Problem("The server already runs the haven '" + owner + "'.",
                    "Use another server for '" + havenId + "', or remove '" + owner + "' first with 'openhaven "
                            + "destroy --haven " + owner + "' (on the computer that set it up)."));
        }
        if (!SUPPORTED.contains(os)) {
            problems.add(new Problem("The server runs " + prettyName + ", which OpenHaven does not support.",
                    "Reinstall it with Debian 12 or 13, or Ubuntu 22.04 or 24.04."));
        }
        if (!sudo) {
            problems.add(new Problem("The login user may not run commands as root without a password.",
                    "Log in as root, or allow the user passwordless sudo (a line 'USER ALL=(ALL) NOPASSWD:ALL' in "
                            + "/etc/sudoers.d/openhaven)."));
        }
        if (diskFreeKib < MIN_DISK_KIB) {
            problems.add(new Problem("The server has only " + gib(diskFreeKib) + " GiB of free disk space; a haven "
                    + "needs at least " + gib(MIN_DISK_KIB) + " GiB.", "Free up space or choose a larger disk."));
        }
        if (memoryKib < MIN_MEMORY_KIB) {
            problems.add(new Problem("The server has only " + gib(memoryKib) + " GiB of memory; a haven needs at "
                    + "least 1 GiB.", "Choose a server with more memory."));
        }
        if (!busyPorts.isEmpty()) {
            problems.add(new Problem("Ports 80/443 are already in use on the server (" + String.join(", ", busyPorts)
                    + ").", "Stop the web server that holds them (for example: systemctl disable --now nginx "
                    + "apache2), since OpenHaven's Traefik must answer there."));
        }
        return List.copyOf(problems);
    }

    private static String gib(long kib) {
        return String.format(java.util.Locale.ROOT, "%.1f", kib / 1024.0 / 1024.0);
    }

    /** Parses the {@code key=value} lines the preflight command prints. */
    public static PreflightReport parse(String stdout) {
        Map<String, String> facts = new HashMap<>();
        stdout.lines().filter(l -> l.contains("=")).forEach(l -> facts.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1).strip()));
        String ports = facts.getOrDefault("ports", "");
        return new PreflightReport(facts.getOrDefault("os", "unknown:"),
                facts.getOrDefault("pretty", facts.getOrDefault("os", "an unknown system")),
                "yes".equals(facts.get("sudo")), number(facts.get("disk_free_kib")), number(facts.get("mem_kib")),
                ports.isBlank() ? List.of() : List.of(ports.strip().split("\\s+")), facts.getOrDefault("owner", ""));
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
