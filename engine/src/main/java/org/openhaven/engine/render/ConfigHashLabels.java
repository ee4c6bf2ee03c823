package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Labels every container that bind-mounts files of the bundle ({@code ./…} sources) with a SHA-256 of exactly
 * those files, so {@code compose up -d} recreates a container exactly when a file it mounts changed.
 *
 * <p>Why: each release lives in its own directory and compose runs in {@code current}, the link to the live one.
 * A running container keeps the directory it was started with, and compose recreates a container only when its
 * service definition changes. Without the label, a deploy that changes only a mounted file (adding gitea changes
 * Traefik's routes and the portal's list, not their definitions) would leave those containers on the old
 * release's files. With it, the changed file changes the definition.
 *
 * <p>Some mounted files hold secrets (wireguard/wg0.json holds private keys). The label is a SHA-256 over whole
 * files whose secrets are 256-bit random keys or long generated passwords: it cannot be reversed or guessed back
 * into them, so compose.yaml stays free of secrets.
 */
public final class ConfigHashLabels {

    /** The label's key on each container that mounts bundle files. */
    public static final String LABEL = "org.openhaven.config-hash";

    private ConfigHashLabels() {
    }

    /**
     * Returns {@code composeYaml} with the label added to each service that mounts bundle files, computed over
     * {@code files} (the release's files by relative path). For stacks assembled outside the renderer (the lab
     * host's stand-in services); the output is canonical YAML (sorted keys, no comments).
     */
    @SuppressWarnings("unchecked")
    public static String apply(String composeYaml, SortedMap<String, byte[]> files) {
        Object tree = CanonicalYaml.load(composeYaml);
        if (tree instanceof Map<?, ?> root && root.get("services") instanceof Map<?, ?> services) {
            apply((Map<String, Object>) services, files);
        }
        return CanonicalYaml.dump(tree);
    }

    /** Adds the label, in place, to each service of a compose {@code services:} tree that mounts bundle files. */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> services, SortedMap<String, byte[]> files) {
        for (Map.Entry<String, Object> service : services.entrySet()) {
            if (!(service.getValue() instanceof Map<?, ?> body)) {
                continue;
            }
            List<String> sources = bundleSources((Map<String, Object>) body);
            if (!sources.isEmpty()) {
                addLabel((Map<String, Object>) body, hash(sources, files));
            }
        }
    }

    /**
     * The bundle paths a service mounts, without {@code ./} ("" for the whole bundle), from short ({@code
     * ./a:/b:ro}) and long ({@code {type: bind, source: ./a}}) volume entries; named volumes are not files of
     * the bundle.
     */
    static List<String> bundleSources(Map<String, Object> service) {
        List<String> sources = new ArrayList<>();
        if (service.get("volumes") instanceof List<?> volumes) {
            for (Object volume : volumes) {
                String source = volume instanceof Map<?, ?> entry ? String.valueOf(entry.get("source"))
                        : String.valueOf(volume).split(":", 2)[0];
                if (source.equals(".") || source.startsWith("./")) {
                    sources.add(source.equals(".") ? "" : source.substring(2).replaceAll("/+$", ""));
                }
            }
        }
        return sources;
    }

    /**
     * SHA-256 over the files under {@code sources} (a source names a file or a directory), each as path, length
     * and bytes, in path order: the same files give the same hash, any change of a name or a byte another one.
     */
    static String hash(List<String> sources, SortedMap<String, byte[]> files) {
        SortedMap<String, byte[]> covered = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (sources.stream().anyMatch(s -> s.isEmpty() || path.equals(s) || path.startsWith(s + "/"))) {
                covered.put(path, bytes);
            }
        });
        return HexFormat.of().formatHex(BundleDigest.over(covered).digest());
    }

    /** Adds the label to a mapping of labels, a list of {@code key=value} strings, or a new mapping. */
    @SuppressWarnings("unchecked")
    private static void addLabel(Map<String, Object> service, String hash) {
        Object labels = service.get("labels");
        if (labels instanceof List<?> list) {
            List<Object> updated = new ArrayList<>(list);
            updated.removeIf(l -> String.valueOf(l).startsWith(LABEL + "="));
            updated.add(LABEL + "=" + hash);
            service.put("labels", updated);
        } else {
            Map<String, Object> updated = labels instanceof Map<?, ?> map
                    ? new TreeMap<>((Map<String, Object>) map) : new TreeMap<>();
            updated.put(LABEL, hash);
            service.put("labels", updated);
        }
    }
}
