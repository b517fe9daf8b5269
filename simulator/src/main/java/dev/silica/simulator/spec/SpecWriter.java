package dev.silica.simulator.spec;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a resolved spec (an ordered map of plain values) as block-style YAML, the form echoed next
 * to every result so a design point can be rerun alone. Key order is the map's iteration order, so
 * pass a {@code LinkedHashMap} (or a {@code TreeMap}) to get a deterministic file; {@link
 * SpecLoader#parse} of the output gives back the same values.
 */
public final class SpecWriter {
  private SpecWriter() {}

  /** The YAML text of {@code resolved}; nested maps and lists are written in block style. */
  public static String toYaml(Map<String, ?> resolved) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setWidth(120)
            .setSplitLines(false)
            .build();
    return new Dump(settings).dumpToString(resolved);
  }

  /** The YAML text of a spec tree (header included when present). */
  public static String toYaml(SpecNode node) {
    Object plain = node.toPlain();
    if (!(plain instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("only a mapping can be written as a spec, got " + plain);
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) m;
    return toYaml(typed);
  }
}
