package dev.silica.simulator.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Named base configurations plus overrides. A preset is a complete spec tree (every key the model
 * reads); a user's spec names a preset and overrides some of its keys:
 *
 * <pre>
 * version: 1
 * kind: accelerator
 * model: tpu.systolic
 * preset: tpu-v1          # the base
 * array: { rows: 32 }     # overrides win; other keys keep the preset's values
 * </pre>
 *
 * <p>Merging is recursive over mappings; a scalar or list in the overrides replaces the preset's
 * value whole. A key the preset does not have is rejected with the nearest valid key suggested
 * (Ramulator's rule: overriding a non-existent parameter is an error), so a typo can never silently
 * change nothing. Each merged value keeps the file and line it came from, so later errors point at
 * the override the user wrote, or at the preset.
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class Presets {
  /** Keys of a spec file that are not configuration values. */
  public static final Set<String> HEADER_KEYS = Set.of("version", "kind", "model", "preset");

  private final String family;
  private final Map<String, SpecNode> byName;

  private Presets(String family, Map<String, SpecNode> byName) {
    this.family = family;
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /**
   * @param family what the presets configure (e.g. {@code tpu.systolic}), named in messages
   */
  public static Builder builder(String family) {
    return new Builder(family);
  }

  /** Registered preset names, in registration order. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** The preset called {@code name}; unknown names list the valid ones. */
  public SpecNode preset(String name) {
    SpecNode p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException(unknownPreset(name));
    }
    return p;
  }

  /**
   * Resolves a spec file: its {@code preset:} key names the base (required here), and every key
   * other than {@link #HEADER_KEYS} overrides it.
   */
  public SpecNode resolve(SpecNode spec) {
    SpecNode presetKey = spec.get("preset");
    String name = presetKey.asString();
    SpecNode base = byName.get(name);
    if (base == null) {
      throw presetKey.error("preset: " + unknownPreset(name));
    }
    return merge(base, spec.without(HEADER_KEYS.toArray(String[]::new)));
  }

  /** The preset {@code name} with {@code overrides} applied. */
  public SpecNode resolve(String name, SpecNode overrides) {
    return merge(preset(name), overrides);
  }

  private String unknownPreset(String name) {
    StringBuilder sb =
        new StringBuilder("unknown ").append(family).append(" preset '").append(name).append("' (");
    SpecMessages.nearest(name, byName.keySet())
        .ifPresent(s -> sb.append("did you mean '").append(s).append("'? "));
    return sb.append("expected one of: ")
        .append(String.join(", ", byName.keySet()))
        .append(')')
        .toString();
  }

  /**
   * {@code base} with {@code overrides} merged in: mappings merge key by key, anything else is
   * replaced; an override key absent from {@code base} is an {@link InvalidSpecException} at the
   * override's line.
   */
  public static SpecNode merge(SpecNode base, SpecNode overrides) {
    if (!base.isMap()) {
      return overrides;
    }
    if (!overrides.isMap()) {
      throw overrides.error(
          SpecMessages.mustBe(overrides.path(), "a mapping", overrides.describe()));
    }
    Map<String, SpecNode> merged = new LinkedHashMap<>(base.entries());
    for (Map.Entry<String, SpecNode> e : overrides.entries().entrySet()) {
      SpecNode old = base.entries().get(e.getKey());
      if (old == null) {
        SpecNode bad = e.getValue();
        throw new InvalidSpecException(
            bad.file(),
            bad.line(),
            bad.path(),
            SpecMessages.unknownKey(base.path(), e.getKey(), base.keys()));
      }
      if (!old.isMap() && e.getValue().isMap()) {
        throw e.getValue()
            .error(SpecMessages.mustBe(e.getValue().path(), "a single value", "a mapping"));
      }
      merged.put(e.getKey(), merge(old, e.getValue()));
    }
    return SpecNode.ofMap(overrides.file(), overrides.line(), base.path(), merged);
  }

  /** Collects presets; each name once. */
  public static final class Builder {
    private final String family;
    private final Map<String, SpecNode> byName = new LinkedHashMap<>();

    private Builder(String family) {
      this.family = Objects.requireNonNull(family, "family");
    }

    /** Adds a preset; {@code base} must be a mapping (header keys are dropped). */
    public Builder add(String name, SpecNode base) {
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException(family + ": preset '" + name + "' registered twice");
      }
      if (!base.isMap()) {
        throw base.error(SpecMessages.mustBe("", "a mapping", base.describe()));
      }
      byName.put(name, base.without(HEADER_KEYS.toArray(String[]::new)));
      return this;
    }

    public Presets build() {
      return new Presets(family, byName);
    }
  }
}
