package dev.silica.reports;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made results, built without any accelerator, whose every derived number is worked out in the
 * tests. The 3-layer run at 1 GHz:
 *
 * <pre>
 * layer  op      compute stall fill  cycles  MACs   peak  actions
 * conv1  conv2d    800    150   50    1000  12800    16  12800 mac.int8, 200 sram.read 8KB/64b, 64000 dram read bits
 * conv2  conv2d   1800      0  200    2000  25600    16  25600 mac.int8, 400 sram.read, 32000 dram read + 8000 write bits
 * relu   relu      100      -    -     100      0     0  10 sram.write 8KB/64b
 * </pre>
 *
 * Horowitz 45 nm prices: mac.int8 = 0.2 + 0.1 = 0.3 pJ, 8 KB 64-bit SRAM access 10 pJ, DRAM 20 pJ
 * per bit (papers-inputs §4).
 */
final class SyntheticRuns {
  private SyntheticRuns() {}

  static final double CLOCK_HZ = 1e9;

  static RunResult threeLayers(String accelerator, int dramBytesPerCycle) {
    Action sram = Action.sramRead(8192, 64);
    ActionCounts c1 = new ActionCounts();
    c1.add("pe_array", Action.mac("int8"), 12800);
    c1.add("weights_sram", sram, 200);
    c1.add("dram", Action.DRAM_READ_BITS, 64000);
    ActionCounts c2 = new ActionCounts();
    c2.add("pe_array", Action.mac("int8"), 25600);
    c2.add("weights_sram", sram, 400);
    c2.add("dram", Action.DRAM_READ_BITS, 32000);
    c2.add("dram", Action.DRAM_WRITE_BITS, 8000);
    ActionCounts c3 = new ActionCounts();
    c3.add("act_sram", Action.sramWrite(8192, 64), 10);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("rows", 4);
    config.put("cols", 4);
    config.put("peak_macs_per_cycle", 16);
    if (dramBytesPerCycle > 0) {
      config.put("dram", Map.of("bandwidth_bytes_per_cycle", dramBytesPerCycle));
    }
    RunResult r =
        RunResult.builder("tiny3", accelerator, CLOCK_HZ)
            .layer(LayerResult.of("conv1", "conv2d", cycles(800, 150, 50), 12800, 16, c1))
            .layer(LayerResult.of("conv2", "conv2d", cycles(1800, 0, 200), 25600, 16, c2))
            .layer(LayerResult.of("relu", "relu", Map.of(LayerResult.COMPUTE, 100L), 0, 0, c3))
            .energyTables(EnergyTable.horowitz45nm())
            .area(
                List.of(
                    new AreaBreakdown.Item("pe_array.mac", ComponentKind.of("mac.int8"), 16),
                    new AreaBreakdown.Item("weights_sram", ComponentKind.sram(8192, 64), 1)),
                AreaTable.horowitz45nm())
            .config(config)
            .build();
    return SimInvariants.check(r);
  }

  static RunResult threeLayers() {
    return threeLayers("array4x4", 8);
  }

  /**
   * A one-layer design point for sweeps: 12800 MACs on 16 MACs/cycle in {@code cycles} (at least
   * 800), moving {@code dramBits}; energy 12800 x 0.3 + dramBits x 20 pJ.
   */
  static RunResult point(String accelerator, long cycles, long dramBits) {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 12800);
    c.add("dram", Action.DRAM_READ_BITS, dramBits);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("peak_macs_per_cycle", 16);
    config.put("dram_bits", dramBits);
    RunResult r =
        RunResult.builder("fc", accelerator, CLOCK_HZ)
            .layer(LayerResult.of("fc", "gemm", cycles(800, cycles - 800, 0), 12800, 16, c))
            .energyTables(EnergyTable.horowitz45nm())
            .area(
                List.of(new AreaBreakdown.Item("pe_array.mac", ComponentKind.of("mac.int8"), 16)),
                AreaTable.horowitz45nm())
            .config(config)
            .build();
    return SimInvariants.check(r);
  }

  private static Map<String, Long> cycles(long compute, long stall, long fill) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(LayerResult.COMPUTE, compute);
    m.put(LayerResult.MEMORY_STALL, stall);
    m.put(LayerResult.FILL_DRAIN, fill);
    return m;
  }
}
