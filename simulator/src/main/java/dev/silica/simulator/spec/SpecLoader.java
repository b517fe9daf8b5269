package dev.silica.simulator.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The one YAML loader for every Silica spec file.
 *
 * <h2>Design</h2>
 *
 * <p><b>Path-aware tree, not Java maps.</b> The file is composed (not constructed) with
 * snakeyaml-engine, so every node keeps its start mark; the composed tree is copied into an
 * immutable {@link SpecNode} tree in which each node knows its file, 1-based line and dotted path.
 * Bindings ({@code SystolicArrayConfig.fromSpec(SpecNode)}) read values through the typed getters
 * and so report errors as {@code file:line: key: must …, got …}; accelerators never see raw YAML.
 *
 * <p><b>Scalars.</b> The YAML 1.2 core schema decides whether a scalar is an int, a float, a
 * boolean, null or a string; a quoted {@code "4"} stays a string, so {@code rows: "4"} is rejected
 * as not an integer instead of silently converted.
 *
 * <p><b>Strictness.</b> Duplicate keys, non-string keys, anchors/aliases and multi-document files
 * are rejected: a spec must mean one thing on its face. YAML syntax errors are reported at their
 * line.
 *
 * <p><b>Header.</b> {@link #load(String, String, SpecKind)} also checks the header every spec file
 * starts with: {@code version: 1} and {@code kind:} one of {@code accelerator}, {@code
 * energy_table}, {@code sweep}, {@code numerics}, equal to the kind the caller expects.
 */
public final class SpecLoader {
  /** The spec format version this code reads. */
  public static final int VERSION = 1;

  private SpecLoader() {}

  /** Loads any YAML document as a tree (no header check). */
  public static SpecNode parse(String displayName, String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(displayName)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setUseMarks(true)
            .build();
    List<Node> docs = new ArrayList<>();
    try {
      new Compose(settings).composeAllFromString(text).forEach(docs::add);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new InvalidSpecException(
          displayName, line, "", "YAML syntax error: " + problem.strip());
    } catch (YamlEngineException e) {
      throw new InvalidSpecException(displayName, 0, "", "YAML error: " + e.getMessage());
    }
    if (docs.isEmpty()) {
      throw new InvalidSpecException(displayName, 0, "", "empty spec file");
    }
    if (docs.size() > 1) {
      throw new InvalidSpecException(
          displayName, line(docs.get(1)), "", "must hold one YAML document, got " + docs.size());
    }
    return convert(displayName, "", docs.getFirst(), line(docs.getFirst()));
  }

  /** Loads a spec file and checks its header ({@code version: 1}, {@code kind: <expected>}). */
  public static SpecNode load(String displayName, String text, SpecKind expected) {
    SpecNode root = parse(displayName, text);
    checkHeader(root, expected);
    return root;
  }

  /** Loads the file at {@code path}; messages name it as {@code path} was written. */
  public static SpecNode load(Path path, SpecKind expected) {
    try {
      return load(path.toString(), Files.readString(path, StandardCharsets.UTF_8), expected);
    } catch (IOException e) {
      throw new InvalidSpecException(path.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Loads a classpath resource, e.g. {@code dev/silica/simulator/energy/horowitz-45nm.yaml}.
   * Messages name it {@code classpath:<name>}.
   */
  public static SpecNode loadResource(String resourceName, SpecKind expected) {
    String display = "classpath:" + resourceName;
    try (InputStream in = SpecLoader.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new InvalidSpecException(display, 0, "", "no such resource");
      }
      return load(display, new String(in.readAllBytes(), StandardCharsets.UTF_8), expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks {@code version:} and {@code kind:}: both must be present, version must be {@value
   * #VERSION}, kind must name one of {@link SpecKind} and equal {@code expected}.
   */
  public static void checkHeader(SpecNode root, SpecKind expected) {
    if (!root.isMap()) {
      throw root.error(
          SpecMessages.mustBe("", "a mapping starting with version: and kind:", root.describe()));
    }
    for (String k : List.of("version", "kind")) {
      if (!root.has(k)) {
        throw new InvalidSpecException(
            root.file(),
            root.line(),
            k,
            "missing key '" + k + "' (every spec file starts with version: and kind:)");
      }
    }
    int version = root.positiveInt("version");
    if (version != VERSION) {
      throw root.get("version").error(SpecMessages.mustBe("version", "" + VERSION, "" + version));
    }
    SpecKind kind = root.enumValue("kind", SpecKind.class);
    if (kind != expected) {
      throw root.get("kind").error(SpecMessages.mustBe("kind", expected.key(), kind.key()));
    }
  }

  private static SpecNode convert(String file, String path, Node node, int keyLine) {
    if (node.getAnchor().isPresent()) {
      throw new InvalidSpecException(file, line(node), path, "anchors and aliases are not allowed");
    }
    if (node instanceof MappingNode m) {
      Map<String, SpecNode> entries = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks) || ks.getTag().equals(Tag.NULL)) {
          throw new InvalidSpecException(file, line(k), path, "keys must be plain strings");
        }
        String key = ks.getValue();
        String childPath = SpecMessages.join(path, key);
        if (entries.containsKey(key)) {
          throw new InvalidSpecException(
              file,
              line(k),
              childPath,
              "duplicate key '" + childPath + "' (first at line " + entries.get(key).line() + ")");
        }
        entries.put(key, convert(file, childPath, t.getValueNode(), line(k)));
      }
      return SpecNode.ofMap(file, keyLine, path, entries);
    }
    if (node instanceof SequenceNode s) {
      List<SpecNode> elements = new ArrayList<>();
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        elements.add(convert(file, path + "[" + i + "]", items.get(i), line(items.get(i))));
      }
      return SpecNode.ofList(file, keyLine, path, elements);
    }
    ScalarNode sc = (ScalarNode) node;
    Tag tag = sc.getTag();
    SpecNode.ScalarKind kind;
    if (tag.equals(Tag.INT)) {
      kind = SpecNode.ScalarKind.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      kind = SpecNode.ScalarKind.FLOAT;
    } else if (tag.equals(Tag.BOOL)) {
      kind = SpecNode.ScalarKind.BOOL;
    } else if (tag.equals(Tag.NULL)) {
      kind = SpecNode.ScalarKind.NULL;
    } else if (tag.equals(Tag.STR)) {
      kind = SpecNode.ScalarKind.STRING;
    } else {
      throw new InvalidSpecException(
          file,
          line(node),
          path,
          "tag "
              + tag.getValue()
              + " is not allowed (expected one of: "
              + String.join(", ", Arrays.asList("int", "float", "bool", "null", "str"))
              + ")");
    }
    return SpecNode.ofScalar(file, keyLine, path, sc.getValue(), kind);
  }

  private static int line(Node n) {
    Optional<Mark> m = n.getStartMark();
    return m.map(mark -> mark.getLine() + 1).orElse(0);
  }
}
