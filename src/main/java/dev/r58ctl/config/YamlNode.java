package dev.r58ctl.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML node that knows where it stands (file, line, dotted key path), so that every complaint about it
 * is one line: {@code config.yml:14: cameras.cam2.bitrate: expected ..., got "fast"}.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;
    private final int line;

    private YamlNode(String file, String path, Node node, int line) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    /** Parses a file into its root node; an empty file gives an empty mapping. */
    static YamlNode parse(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError(new ConfigProblem(displayName, 0, "", "cannot read: " + e.getMessage()));
        }
        return parse(text, displayName);
    }

    static YamlNode parse(String text, String displayName) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(displayName)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                return new YamlNode(displayName, "", null, 1);
            }
            return new YamlNode(displayName, "", root.get(), lineOf(root.get()));
        } catch (MarkedYamlEngineException e) {
            int lines = (int) text.lines().count();
            int at = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            if (at > lines && e.getContextMark().isPresent()) {
                at = e.getContextMark().get().getLine() + 1; // unclosed at end of file: where it was opened
            }
            at = Math.max(1, Math.min(at, lines)); // the end of the file is its last line
            throw new ConfigError(new ConfigProblem(displayName, at, "", "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            throw new ConfigError(new ConfigProblem(displayName, 0, "", "not valid YAML: " + e.getMessage()));
        }
    }

    private static int lineOf(Node n) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    String where() {
        return file + ":" + line;
    }

    /** A configuration error at this node. */
    ConfigError error(String message) {
        return new ConfigError(problem(message));
    }

    /** The same, as a note that does not stop anything (the recorder's file). */
    ConfigProblem problem(String message) {
        return new ConfigProblem(file, line, path, message);
    }

    String file() {
        return file;
    }

    boolean isNull() {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    /** The entries of a mapping, in file order. Duplicate keys and non-scalar keys are errors. */
    Map<String, YamlNode> map() {
        if (isNull()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping of keys to values, got " + describe());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode(), lineOf(t.getKeyNode()))
                        .error("keys must be plain words");
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode previous = out.get(key);
            if (previous != null) {
                throw new YamlNode(file, childPath, k, lineOf(k))
                        .error("duplicate key (first at line " + previous.keyLine + ")");
            }
            Node value = t.getValueNode();
            // a block mapping or list starts on the line after its key: point at the key
            int line = value instanceof ScalarNode ? lineOf(value) : lineOf(k);
            YamlNode child = new YamlNode(file, childPath, value, line);
            child.keyLine = lineOf(k);
            out.put(key, child);
        }
        return out;
    }

    private int keyLine;

    /**
     * The entries of a mapping read leniently, for foreign files: in file order, a repeated key's later value
     * replacing the earlier (as the recorder's own YAML loader does), keys that are not plain words skipped. Each
     * repetition is reported to {@code problems}. Not a mapping: empty, and one problem.
     */
    Map<String, YamlNode> lenientMap(java.util.function.Consumer<ConfigProblem> problems) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (isNull()) {
            return out;
        }
        if (!(node instanceof MappingNode m)) {
            problems.accept(problem("expected a mapping of keys to values, got " + describe()));
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            Node value = t.getValueNode();
            int line = value instanceof ScalarNode ? lineOf(value) : lineOf(k);
            YamlNode child = new YamlNode(file, childPath, value, line);
            child.keyLine = lineOf(k);
            YamlNode previous = out.remove(key);
            if (previous != null) {
                problems.accept(new YamlNode(file, childPath, k, lineOf(k))
                        .problem("repeated key (first at line " + previous.keyLine + "); the later one is used"));
            }
            out.put(key, child);
        }
        return out;
    }

    /** A mapping whose keys must all be among {@code allowed}. */
    Map<String, YamlNode> mapOf(Collection<String> allowed) {
        Map<String, YamlNode> m = map();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                YamlNode child = e.getValue();
                throw new YamlNode(file, child.path, child.node, child.keyLine)
                        .error("unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
        return m;
    }

    List<YamlNode> list() {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list, got " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        int i = 0;
        for (Node n : s.getValue()) {
            out.add(new YamlNode(file, path + "[" + i++ + "]", n, lineOf(n)));
        }
        return out;
    }

    /** The scalar's text; a mapping or list here is an error. */
    String scalar(String expected) {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error("expected " + expected + ", got " + describe());
        }
        return s.getValue();
    }

    String string(String expected) {
        return scalar(expected);
    }

    int integer(String expected, int min, int max) {
        String text = scalar(expected);
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error("expected " + expected + ", got " + quote(text));
        }
        if (value < min || value > max) {
            throw error("expected " + expected + " between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    boolean bool() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase());
        }
        throw error("expected true or false, got " + describe());
    }

    /** A scalar as the natural Java value: Boolean, Long, Double or String. */
    Object plainValue() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error("expected a single value, got " + describe());
        }
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (tag.equals(Tag.BOOL)) {
                return Boolean.parseBoolean(v.toLowerCase());
            }
            if (tag.equals(Tag.INT)) {
                return Long.parseLong(v);
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(v);
            }
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    String describe() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof ScalarNode s) {
            return quote(s.getValue());
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
