package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in table loads and reproduces every published Horowitz ISSCC 2014 (45 nm, 0.9 V) number
 * exactly, as reproduced in shared/refs/papers-inputs.md §4 (and gpu-cpu-specs.md §4.1).
 */
class HorowitzTableTest {
  private static final EnergyTable E = EnergyTable.horowitz45nm();
  private static final AreaTable A = AreaTable.horowitz45nm();

  /** Energy in pJ, with the row of papers-inputs §4 each number comes from. */
  private static Map<String, Double> publishedEnergy() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("add.int8", 0.03); // 8b int add 0.03 pJ (papers-inputs §4.1) [V2]
    m.put("add.int16", 0.05); // 16b int add 0.05 pJ (papers-inputs §4.1) [V2]
    m.put("add.int32", 0.1); // 32b int add 0.1 pJ (papers-inputs §4.1; EIE Table I) [V]
    m.put("add.fp16", 0.4); // 16b FP add 0.4 pJ (papers-inputs §4.1) [V2]
    m.put("add.fp32", 0.9); // 32b FP add 0.9 pJ (papers-inputs §4.1; EIE Table I) [V]
    m.put("mult.int8", 0.2); // 8b int mult 0.2 pJ (papers-inputs §4.1) [V2]
    m.put("mult.int32", 3.1); // 32b int mult 3.1 pJ (papers-inputs §4.1; EIE Table I) [V]
    m.put("mult.fp16", 1.1); // 16b FP mult 1.1 pJ (papers-inputs §4.1) [V2]
    m.put("mult.fp32", 3.7); // 32b FP mult 3.7 pJ (papers-inputs §4.1; EIE Table I) [V]
    m.put(
        "regfile.read[width_bits=32]",
        1.0); // 32-bit register file 1 pJ (papers-inputs §4.2; LWC Fig. 1) [V]
    m.put(
        "sram.read[capacity_bytes=8192,width_bits=32]",
        5.0); // 32-bit SRAM read 5 pJ, 8 KB (papers-inputs §4.2) [V]
    m.put(
        "sram.read[capacity_bytes=8192,width_bits=64]",
        10.0); // 64-bit read, 8 KB: 10 pJ (papers-inputs §4.2) [V2]
    m.put(
        "sram.read[capacity_bytes=32768,width_bits=64]",
        20.0); // 64-bit read, 32 KB: 20 pJ (papers-inputs §4.2) [V2]
    m.put(
        "sram.read[capacity_bytes=1048576,width_bits=64]",
        100.0); // 64-bit read, 1 MB: 100 pJ (papers-inputs §4.2) [V2]
    m.put(
        "dram.read[width_bits=32]",
        640.0); // 32-bit DRAM read 640 pJ (papers-inputs §4.2; EIE Table I) [V]
    m.put("instruction", 70.0); // ~70 pJ per instruction overhead (gpu-cpu-specs §4.1) [V2]
    return m;
  }

  @Test
  void everyPublishedEnergyIsReproducedExactly() {
    publishedEnergy()
        .forEach((key, pj) -> {
          TableEntry e = E.lookup(Action.parse(key)).orElseThrow();
          assertThat(e.value()).as(key).isEqualTo(pj);
          assertThat(e.entry()).as(key).isEqualTo(key); // a published entry, not a rule
          assertThat(e.source()).as(key).isNotBlank();
        });
  }

  @Test
  void everyPublishedAreaIsReproducedExactly() {
    Map<String, Double> area = new LinkedHashMap<>();
    area.put("add.int8", 36.0); // 8b int add 36 um2 (papers-inputs §4.1) [V2]
    area.put("add.int16", 67.0); // 16b int add 67 um2 (papers-inputs §4.1) [V2]
    area.put("add.int32", 137.0); // 32b int add 137 um2 (papers-inputs §4.1) [V2]
    area.put("add.fp16", 1360.0); // 16b FP add 1360 um2 (papers-inputs §4.1) [V2]
    area.put("add.fp32", 4184.0); // 32b FP add 4184 um2 (papers-inputs §4.1) [V2]
    area.put("mult.int8", 282.0); // 8b int mult 282 um2 (papers-inputs §4.1) [V2]
    area.put("mult.int32", 3495.0); // 32b int mult 3495 um2 (papers-inputs §4.1) [V2]
    area.put("mult.fp16", 1640.0); // 16b FP mult 1640 um2 (papers-inputs §4.1) [V2]
    area.put("mult.fp32", 7700.0); // 32b FP mult 7700 um2 (papers-inputs §4.1) [V2]
    area.forEach((key, um2) ->
        assertThat(A.lookup(ComponentKind.parse(key)).orElseThrow().value())
            .as(key)
            .isEqualTo(um2));
    assertThat(A.publishedUm2()).isEqualTo(area);
  }

  @Test
  void relativeCostsMatchEieTableOne() {
    // EIE Table I relative energies (papers-inputs §4.2): int add 1, FP add 9, int mult 31,
    // FP mult 37, SRAM 50, DRAM 6400, all relative to the 32-bit int add.
    double add = E.energyPj(Action.of("add.int32"));
    assertThat(E.energyPj(Action.of("add.fp32")) / add).isCloseTo(9, within());
    assertThat(E.energyPj(Action.of("mult.int32")) / add).isCloseTo(31, within());
    assertThat(E.energyPj(Action.of("mult.fp32")) / add).isCloseTo(37, within());
    assertThat(E.energyPj(Action.sramRead(8192, 32)) / add).isCloseTo(50, within());
    assertThat(E.energyPj(Action.of("dram.read", Map.of("width_bits", 32L))) / add)
        .isCloseTo(6400, within());
  }

  @Test
  void dramPerBitIsTheThirtyTwoBitReadOverThirtyTwo() {
    // 640 pJ / 32 bits = 20 pJ/bit (papers-inputs §4.2) [D]
    assertThat(E.energyPj(Action.DRAM_READ_BITS)).isEqualTo(20.0);
    assertThat(E.energyPj(Action.DRAM_WRITE_BITS)).isEqualTo(20.0);
    // EIE/LWC example: 1G connections at 20 Hz from DRAM = 20 Hz x 1G x 640 pJ = 12.8 W
    assertThat(20 * 1e9 * E.energyPj(Action.of("dram.read", Map.of("width_bits", 32L))) * 1e-12)
        .isCloseTo(12.8, within());
  }

  @Test
  void theTableDescribesItself() {
    assertThat(E.name()).isEqualTo("horowitz-45nm");
    assertThat(E.technologyNm()).isEqualTo(45);
    assertThat(E.vddV()).isEqualTo(0.9);
    assertThat(E.origin()).isEqualTo("classpath:" + EnergyTable.HOROWITZ_45NM);
    assertThat(E.publishedPj()).containsAllEntriesOf(publishedEnergy());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
