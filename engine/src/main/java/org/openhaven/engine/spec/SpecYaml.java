package org.openhaven.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, path-scoped reading of a SnakeYAML node tree. Works on nodes rather than constructed objects because
 * nodes keep line numbers and the text as written ({@code 03:30} stays a time, not the YAML 1.1 number 210).
 * Every wrong shape becomes a {@link SpecProblem}; reading goes on, so all problems are found in one pass.
 */
final class SpecYaml {

    /** Key stems that mean someone is about to put a credential in the spec. */
    private static final List<String> CREDENTIAL_STEMS = List.of(
            "token", "password", "passwd", "secret", "apikey", "accesskey", "privatekey", "passphrase",
            "credential");

    private static final String CREDENTIALS = "credentials never go in haven.yaml — store them in the vault with "
            + "'openhaven secrets set' (or enter them in the wizard) and remove this key";

    private final SpecProblems problems;
    private final Map<String, Integer> lines;

    SpecYaml(SpecProblems problems, Map<String, Integer> lines) {
        this.problems = problems;
        this.lines = lines;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Remembers where {@code path} is written, so later problems about it can name the line. */
    void locate(String path, Node node) {
        lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
    }

    /** Records a problem found while interpreting a value (an unknown enum name, say). */
    void problem(String path, String message) {
        problems.add(path, message);
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /**
     * The keys of a mapping, checked: duplicates, credentials and unknown keys (with the nearest known key) are
     * reported, and only the allowed keys are returned, in file order.
     */
    Map<String, Node> fields(Node node, String path, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(path, "must be a mapping of keys (" + String.join(", ", sorted(allowed)) + ")"
                    + ", not " + shapeOf(node));
            return Map.of();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Integer> seenAt = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                locate(path, tuple.getKeyNode());
                problems.add(path, "keys must be plain words, not " + shapeOf(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = child(path, key);
            int line = keyNode.getStartMark().getLine() + 1;
            lines.putIfAbsent(keyPath, line);
            if (seenAt.containsKey(key)) {
                problems.addAt(keyPath, line, "is written twice (first on line " + seenAt.get(key) + ")");
                continue;
            }
            seenAt.put(key, line);
            if (looksLikeCredential(key)) {
                problems.add(keyPath, CREDENTIALS);
            } else if (!allowed.contains(key)) {
                credentialsWithin(tuple.getValueNode(), keyPath);
                problems.add(keyPath, "unknown key" + Suggestions.didYouMean(key, allowed));
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    /** A free-form mapping of plain values (per-service options); credential keys are still refused. */
    Map<String, String> options(Node node, String path) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(path, "must be a mapping of option names to values, not " + shapeOf(node));
            return Map.of();
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(path, "option names must be plain words, not " + shapeOf(tuple.getKeyNode()));
                continue;
            }
            String keyPath = child(path, keyNode.getValue());
            locate(keyPath, keyNode);
            if (looksLikeCredential(keyNode.getValue())) {
                problems.add(keyPath, CREDENTIALS);
                continue;
            }
            String value = text(tuple.getValueNode(), keyPath);
            if (value != null) {
                options.put(keyNode.getValue(), value);
            }
        }
        return options;
    }

    /** A plain value as written; null when absent, empty or not a plain value (then a problem is recorded). */
    String text(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        locate(path, node);
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(path, "must be a single value, not " + shapeOf(node));
        return null;
    }

    Integer integer(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            problems.add(path, "'" + text + "' is not a whole number");
            return null;
        }
    }

    /** A yes/no value: {@code true}/{@code false}, also YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off}. */
    Boolean bool(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on":
                return true;
            case "false", "no", "off":
                return false;
            default:
                problems.add(path, "'" + text + "' is not true or false");
                return null;
        }
    }

    /** The items of a list; a single plain value counts as a list of one. */
    List<Node> items(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        locate(path, node);
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>(sequence.getValue());
            for (int i = 0; i < items.size(); i++) {
                locate(item(path, i), items.get(i));
            }
            return items;
        }
        if (node instanceof ScalarNode) {
            locate(item(path, 0), node);
            return List.of(node);
        }
        problems.add(path, "must be a list, not " + shapeOf(node));
        return List.of();
    }

    /**
     * Reports credential keys anywhere inside a subtree that is otherwise not read (under an unknown key), so
     * {@code cloudflare: {token: ...}} says where the token belongs, not only that {@code cloudflare} is unknown.
     */
    private void credentialsWithin(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode keyNode) {
                    String keyPath = child(path, keyNode.getValue());
                    locate(keyPath, keyNode);
                    if (looksLikeCredential(keyNode.getValue())) {
                        problems.add(keyPath, CREDENTIALS);
                    } else {
                        credentialsWithin(tuple.getValueNode(), keyPath);
                    }
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                credentialsWithin(sequence.getValue().get(i), item(path, i));
            }
        }
    }

    static boolean looksLikeCredential(String key) {
        String squashed = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return CREDENTIAL_STEMS.stream().anyMatch(squashed::contains);
    }

    static String shapeOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "empty" : "the value '" + ((ScalarNode) node).getValue() + "'";
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
