package dev.silica.accelerators.tpu;

import dev.silica.simulator.spec.SpecNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The storage levels of a weight-stationary systolic array whose energy is accounted per level and
 * per operand, Timeloop style ({@link LevelAccounting}): a DRAM, one global buffer (the three
 * SCALE-Sim SRAMs of {@link SystolicArrayConfig} become partitions of it), a weight register file
 * in every PE and the PE-to-PE links. A configuration without one keeps the SCALE-Sim accounting
 * (three SRAMs, per-word accesses).
 *
 * <pre>
 * hierarchy:
 *   global_buffer: { kib: 128, width_bits: 64 }   # one SRAM; ifmap + filter + ofmap kib must equal kib
 *   weight_rf: { entries: 16, width_bits: 8 }     # per PE; width = the weight format's bits
 *   dram: { type: lpddr4, width_bits: 64 }        # bits per DRAM access
 *   psum_bits: 32                                 # partial-sum width: 8 or 32
 * </pre>
 *
 * @param globalBufferKib global buffer capacity, KiB
 * @param globalBufferWidthBits bits per global-buffer access
 * @param weightRfEntries weight register-file entries per PE
 * @param weightRfWidthBits bits per register-file entry
 * @param dramType the DRAM technology's name (informational, e.g. {@code lpddr4})
 * @param dramWidthBits bits per DRAM access
 * @param psumBits partial-sum width in bits (on the links, in the buffer and in spilled DRAM
 *     traffic)
 */
public record MemoryHierarchy(
    int globalBufferKib,
    int globalBufferWidthBits,
    int weightRfEntries,
    int weightRfWidthBits,
    String dramType,
    int dramWidthBits,
    int psumBits) {

  /** The partial-sum widths the accounting supports. */
  public static final Set<Integer> PSUM_BITS = Set.of(8, 32);

  public MemoryHierarchy {
    positive("hierarchy.global_buffer.kib", globalBufferKib);
    positive("hierarchy.global_buffer.width_bits", globalBufferWidthBits);
    positive("hierarchy.weight_rf.entries", weightRfEntries);
    positive("hierarchy.weight_rf.width_bits", weightRfWidthBits);
    positive("hierarchy.dram.width_bits", dramWidthBits);
    if (dramType == null || dramType.isBlank()) {
      throw new IllegalArgumentException("hierarchy.dram.type: must not be blank");
    }
    if (!PSUM_BITS.contains(psumBits)) {
      throw new IllegalArgumentException("hierarchy.psum_bits: must be 8 or 32, got " + psumBits);
    }
  }

  private static void positive(String key, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(key + ": must be a positive integer, got " + v);
    }
  }

  /** Global buffer capacity in bytes. */
  public long globalBufferBytes() {
    return globalBufferKib * 1024L;
  }

  /** Register-file capacity in bytes ({@code entries · width / 8}). */
  public long weightRfBytes() {
    return (long) weightRfEntries * weightRfWidthBits / 8;
  }

  /** The same levels with another partial-sum width. */
  public MemoryHierarchy withPsumBits(int bits) {
    return new MemoryHierarchy(
        globalBufferKib,
        globalBufferWidthBits,
        weightRfEntries,
        weightRfWidthBits,
        dramType,
        dramWidthBits,
        bits);
  }

  /** Binds a {@code hierarchy:} mapping (keys in the class comment; all required). */
  static MemoryHierarchy fromSpec(SpecNode h) {
    h.allowOnly("global_buffer", "weight_rf", "dram", "psum_bits");
    SpecNode glb = h.get("global_buffer").allowOnly("kib", "width_bits");
    SpecNode rf = h.get("weight_rf").allowOnly("entries", "width_bits");
    SpecNode dram = h.get("dram").allowOnly("type", "width_bits");
    int psum = h.positiveInt("psum_bits");
    if (!PSUM_BITS.contains(psum)) {
      throw h.get("psum_bits").error("hierarchy.psum_bits: must be 8 or 32, got " + psum);
    }
    return new MemoryHierarchy(
        glb.positiveInt("kib"),
        glb.positiveInt("width_bits"),
        rf.positiveInt("entries"),
        rf.positiveInt("width_bits"),
        dram.string("type"),
        dram.positiveInt("width_bits"),
        psum);
  }

  /** This hierarchy as a spec tree (the inverse of {@link #fromSpec}). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("global_buffer", pair("kib", globalBufferKib, "width_bits", globalBufferWidthBits));
    m.put("weight_rf", pair("entries", weightRfEntries, "width_bits", weightRfWidthBits));
    m.put("dram", pair("type", dramType, "width_bits", dramWidthBits));
    m.put("psum_bits", psumBits);
    return m;
  }

  private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
