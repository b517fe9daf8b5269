package dev.silica.simulator.energy;

import java.util.Map;
import java.util.SortedMap;

/**
 * Something a hardware model does that costs energy, counted in {@link ActionCounts} and priced by
 * an {@link EnergyTable}. Names are dotted lower-case; attributes (in units named by their keys)
 * select the geometry:
 *
 * <ul>
 *   <li>arithmetic: {@code mac.int8}, {@code mac.fp16}, {@code mult.int32}, {@code add.int32},
 *       {@code add.fp32} (format in the name);
 *   <li>SRAM: {@code sram.read} / {@code sram.write} with {@code capacity_bytes} (the array the
 *       access goes to) and {@code width_bits} (bits per access);
 *   <li>DRAM: {@code dram.read.bits} / {@code dram.write.bits} (count bits moved), or {@code
 *       dram.read} with {@code width_bits} per access;
 *   <li>register file: {@code regfile.read} / {@code regfile.write} with {@code width_bits};
 *   <li>on-chip network: {@code noc.hop} with {@code width_bits};
 *   <li>programmable cores: {@code instruction} (fetch, decode, pipeline overhead).
 * </ul>
 *
 * @param name dotted lower-case
 * @param attributes positive integer attributes, sorted by name
 */
public record Action(String name, SortedMap<String, Long> attributes) implements TableKey {
  public static final Action DRAM_READ_BITS = of("dram.read.bits");
  public static final Action DRAM_WRITE_BITS = of("dram.write.bits");
  public static final Action INSTRUCTION = of("instruction");

  public Action {
    attributes = Keys.checked(name, attributes);
  }

  /** An action without attributes. */
  public static Action of(String name) {
    return new Action(name, new java.util.TreeMap<>());
  }

  /** An action with attributes, e.g. {@code of("noc.hop", Map.of("width_bits", 32L))}. */
  public static Action of(String name, Map<String, Long> attributes) {
    return new Action(name, new java.util.TreeMap<>(attributes));
  }

  /** Parses the canonical form {@code name[attr=value,...]}. */
  public static Action parse(String key) {
    Map.Entry<String, SortedMap<String, Long>> p = Keys.parse(key);
    return new Action(p.getKey(), p.getValue());
  }

  /** {@code mac.<format>}, e.g. {@code mac("int8")}. */
  public static Action mac(String format) {
    return of("mac." + format);
  }

  /** One read of {@code widthBits} from an SRAM array of {@code capacityBytes}. */
  public static Action sramRead(long capacityBytes, int widthBits) {
    return of("sram.read", Map.of("capacity_bytes", capacityBytes, "width_bits", (long) widthBits));
  }

  /** One write of {@code widthBits} to an SRAM array of {@code capacityBytes}. */
  public static Action sramWrite(long capacityBytes, int widthBits) {
    return of(
        "sram.write", Map.of("capacity_bytes", capacityBytes, "width_bits", (long) widthBits));
  }

  public static Action regfileRead(int widthBits) {
    return of("regfile.read", Map.of("width_bits", (long) widthBits));
  }

  public static Action regfileWrite(int widthBits) {
    return of("regfile.write", Map.of("width_bits", (long) widthBits));
  }

  /** One hop of a {@code widthBits}-wide word over the on-chip network. */
  public static Action nocHop(int widthBits) {
    return of("noc.hop", Map.of("width_bits", (long) widthBits));
  }

  @Override
  public String toString() {
    return key();
  }
}
