package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.Accelerators;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.EnergyModel;
import dev.silica.simulator.energy.accelergy.EnergyTables;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code ws-16x16-int8} preset (the accelerator of {@code
 * shared/refs/accelergy/architecture.yaml}) and its per-level, per-operand action counts ({@link
 * LevelAccounting}), derived by hand.
 *
 * <h2>The conv layer, by hand</h2>
 *
 * <p>Input 1×32×8×8, 32 filters 3×3, stride 1, pad 1, no bias: output 1×32×8×8. im2col: {@code M =
 * 8·8 = 64} output pixels, {@code N = 32} filters, {@code K = 3·3·32 = 288}. On the 16×16 array:
 * row folds {@code rf = 288/16 = 18}, column folds {@code cf = 32/16 = 2}, 36 full folds; MACs =
 * 64·32·288 = 589 824.
 *
 * <ul>
 *   <li>cycles (CORRECTED timing): a fold is {@code 2R + C + M − 2 = 32 + 16 + 64 − 2 = 110}; 36 ·
 *       110 = 3960, of which streaming (ideal) 36 · 64 = 2304 = 589 824 / 256;
 *   <li>weight RF: each of the K·N = 9216 weights written once, read by every MAC: 589 824 reads;
 *   <li>weight links: in a full 16-row tile the weight of row i shifts down i links, Σ_{i<16} i =
 *       120 per column; 18 row folds × 32 columns × 120 = 69 120 hops of 8 bits;
 *   <li>input links: per fold each of the 64 × 16 inputs crosses 15 links left to right: 36 × 64 ×
 *       16 × 15 = 552 960 hops of 8 bits;
 *   <li>psum links: per fold each of the 64 × 16 partial sums crosses 15 links top to bottom: 36 ×
 *       64 × 16 × 15 = 552 960 hops of 32 bits;
 *   <li>global buffer (64-bit accesses): weights 9216 B in from DRAM and out to the array, 9216 · 8
 *       / 64 = 1152 writes and 1152 reads; inputs: the raw IFMAP 32·8·8 = 2048 B fits half the 64
 *       KiB input partition, so it comes in once, 256 writes, and is read once per column fold per
 *       im2col element, 2 · 64 · 288 = 36 864 bytes = 4608 reads; partial sums: a column fold's 64
 *       × 16 × 4 B = 4096 B fit half the 32 KiB psum partition, so every row fold writes its 64 ×
 *       32 sums in total (18 · 2048 = 36 864 words of 32 bits = 18 432 writes) and reads them back
 *       (17 · 2048 back into the array + 2048 final outputs out = 36 864 words = 18 432 reads);
 *   <li>DRAM (whole 64-bit accesses, counted in bits): weights 9216 · 8 = 73 728 bits read, inputs
 *       2048 · 8 = 16 384 bits read, outputs 2048 · 8 = 16 384 bits written; no partial-sum spill.
 * </ul>
 *
 * <p>With {@code psum_bits: 8} the psum hops are 8 bits wide and the buffer moves 36 864 · 8 / 64 =
 * 4608 psum accesses each way; nothing else changes.
 */
class SystolicLevelAccountingTest {
  private static final SystolicArrayConfig WS = SystolicArrayConfig.preset("ws-16x16-int8");

  static Graph conv() {
    GraphBuilder g = new GraphBuilder("conv");
    ValueId x = g.input("x", TensorType.f32(1, 32, 8, 8));
    ValueId w = g.parameter("w", TensorType.f32(32, 32, 3, 3));
    return g.output(g.apply("conv", Conv2d.of(1, 1), x, w)).build();
  }

  /** One Gemm node {@code [m,k] · [k,n]}. */
  static Graph gemm(int m, int n, int k) {
    GraphBuilder g = new GraphBuilder("gemm");
    ValueId a = g.input("a", TensorType.f32(m, k));
    ValueId b = g.parameter("b", TensorType.f32(k, n));
    return g.output(g.apply("mm", new Gemm(false, false, 1f, 1f), a, b)).build();
  }

  static RunResult run(SystolicArrayConfig cfg, Graph g) {
    return SimInvariants.check(new SystolicArrayModel(cfg).run(g));
  }

  private static final Action GLB_READ = Action.sramRead(131072, 64);
  private static final Action GLB_WRITE = Action.sramWrite(131072, 64);

  /** The counts derived in the class comment, with the psum width as a parameter. */
  static ActionCounts handCounts(int psumBits) {
    long psumAccesses = 36_864L * psumBits / 64;
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 589_824);
    c.add("weight_rf", Action.regfileWrite(8), 9216);
    c.add("weight_rf", Action.regfileRead(8), 589_824);
    c.add("pe_links.weights", Action.nocHop(8), 69_120);
    c.add("pe_links.inputs", Action.nocHop(8), 552_960);
    c.add("pe_links.psums", Action.nocHop(psumBits), 552_960);
    c.add("glb.weights", GLB_WRITE, 1152);
    c.add("glb.weights", GLB_READ, 1152);
    c.add("glb.inputs", GLB_WRITE, 256);
    c.add("glb.inputs", GLB_READ, 4608);
    c.add("glb.psums", GLB_WRITE, psumAccesses);
    c.add("glb.psums", GLB_READ, psumAccesses);
    c.add("dram.weights", Action.DRAM_READ_BITS, 73_728);
    c.add("dram.inputs", Action.DRAM_READ_BITS, 16_384);
    c.add("dram.outputs", Action.DRAM_WRITE_BITS, 16_384);
    return c;
  }

  @Test
  void thePresetIsTheAccelergyReferenceArchitecture() {
    // shared/refs/accelergy/architecture.yaml: 16x16 PEs, rf_w8_d16, glb_128KB (width 64,
    // depth 16384), dram_lpddr4 width 64, global_cycle_seconds 1e-9
    assertThat(Accelerators.names()).contains("ws-16x16-int8");
    assertThat(WS.rows()).isEqualTo(16);
    assertThat(WS.cols()).isEqualTo(16);
    assertThat(WS.dataflow()).isEqualTo(Dataflow.WS);
    assertThat(WS.macFormat()).isEqualTo(OperandFormat.INT8);
    assertThat(WS.clockHz()).isEqualTo(1e9);
    MemoryHierarchy h = WS.hierarchy().orElseThrow();
    assertThat(h.weightRfEntries()).isEqualTo(16);
    assertThat(h.weightRfWidthBits()).isEqualTo(8);
    assertThat(h.globalBufferBytes()).isEqualTo(64L * 16384 / 8);
    assertThat(h.globalBufferWidthBits()).isEqualTo(64);
    assertThat(h.dramType()).isEqualTo("lpddr4");
    assertThat(h.dramWidthBits()).isEqualTo(64);
    assertThat(h.psumBits()).isEqualTo(32);
    // the three partitions add up to the buffer; the spec round-trips
    assertThat(WS.ifmapSramKib() + WS.filterSramKib() + WS.ofmapSramKib()).isEqualTo(128);
    assertThat(SystolicArrayConfig.fromSpec(SpecNode.fromPlain("echo", WS.toMap()))).isEqualTo(WS);
  }

  @Test
  void convLayerActionCountsEqualTheHandDerivation() {
    LayerResult l = run(WS, conv()).layer("conv");
    assertThat(l.actions()).isEqualTo(handCounts(32));
    assertThat(l.macs()).isEqualTo(589_824);
  }

  @Test
  void idealCyclesAreMacsOver256WhenTheLayerTilesPerfectly() {
    LayerResult l = run(WS, conv()).layer("conv");
    assertThat(l.cycles(LayerResult.COMPUTE)).isEqualTo(589_824 / 256).isEqualTo(2304);
    assertThat(l.cycles(LayerResult.FILL_DRAIN)).isEqualTo(36 * (2 * 16 + 16 - 2));
    assertThat(l.cycles(LayerResult.MEMORY_STALL)).isZero();
    assertThat(l.cycles()).isEqualTo(3960);
  }

  @Test
  void psumWidthIsConfigurableInTheSpec() {
    SpecNode spec =
        SpecLoader.parse(
            "arch/ws8.yaml",
            """
            preset: ws-16x16-int8
            hierarchy: { psum_bits: 8 }
            """);
    SystolicArrayConfig ws8 = SystolicArrayConfig.fromPresetSpec(spec);
    assertThat(ws8.hierarchy().orElseThrow().psumBits()).isEqualTo(8);
    assertThat(run(ws8, conv()).layer("conv").actions()).isEqualTo(handCounts(8));
  }

  @Test
  void handCountsThroughBothTableSets() {
    ActionCounts c = handCounts(32);
    // accelergy-45nm (shared/refs/accelergy/ERT.yaml, pJ per Accelergy action):
    //   mac_int8 mac_random 0.845                 589824 x 0.845    = 498401.28
    //   rf_w8_d16 write/read 0.06794        (9216 + 589824) x 0.06794 = 40698.7776
    //   hop_w8 transfer_random 0.26032     (69120 + 552960) x 0.26032 = 161939.8656
    //   hop_w32 transfer_random 1.04128            552960 x 1.04128  = 575786.1888
    //   glb_128KB write 26.065        (1152 + 256 + 18432) x 26.065   = 517129.6
    //   glb_128KB read 32.2859       (1152 + 4608 + 18432) x 32.2859  = 781060.4928
    //   dram_lpddr4 read 512 / 64 bits   (73728 + 16384) bits x 8     = 720896
    //   dram_lpddr4 write 512 / 64 bits          16384 bits x 8        = 131072
    //   total                                                         = 3426984.2048
    double accelergy =
        EnergyModel.evaluate(c, EnergyTables.named("accelergy-45nm").energy()).totalPj();
    assertThat(accelergy).isCloseTo(3_426_984.2048, within(1e-6));
    // horowitz-45nm (papers-inputs §4, rules in horowitz-45nm.yaml):
    //   mac.int8 = mult 0.2 + add.int32 0.1 = 0.3   589824 x 0.3     = 176947.2
    //   regfile 8 b = 1 pJ x 8/32 = 0.25       (9216 + 589824) x 0.25 = 149760
    //   noc.hop 8 b = 1.04128 x 8/32 = 0.26032       622080 x 0.26032 = 161939.8656
    //   noc.hop 32 b = 1.04128                       552960 x 1.04128 = 575786.1888
    //   sram 128 KiB x 64 b = 10 x 16^0.4765 pJ, read and write alike: 44032 accesses
    //   dram 20 pJ/bit                     (73728 + 16384 + 16384) x 20 = 2129920
    double sram = 10 * Math.pow(131072.0 / 8192, 0.4765);
    double horowitzByHand =
        176_947.2 + 149_760 + 161_939.8656 + 575_786.1888 + 44_032 * sram + 2_129_920;
    double horowitz =
        EnergyModel.evaluate(c, EnergyTables.named("horowitz-45nm").energy()).totalPj();
    assertThat(horowitz).isCloseTo(horowitzByHand, within(1e-6));
    assertThat(sram).isCloseTo(37.48, within(0.01));
  }

  /**
   * A product that does not tile and whose partial sums spill: Gemm M = 300, K = 40, N = 20. Row
   * folds 16 + 16 + 8 (rf = 3), column folds 16 + 4 (cf = 2). Weight hops: per column 120 + 120 +
   * 8·7/2 = 268, × 20 = 5360. Input hops M·K·(N − cf) = 300·40·18 = 216 000; psum hops M·N·(K − rf)
   * = 300·20·37 = 222 000. A column fold's partial sums, 300 × 16 × 4 B = 19 200 B, exceed half the
   * 32 KiB partition (16 384 B): the (rf − 1)·M·N = 12 000 partial sums of the first two row folds
   * go to DRAM and back (12 000 · 32 = 384 000 bits each way) through the buffer, which therefore
   * moves 3·6000 + 12 000 = 30 000 psum words (15 000 accesses) each way. Inputs: 12 000 B fit half
   * the input partition, once from DRAM (96 000 bits, 1500 buffer writes), 2·300·40 = 24 000 B read
   * (3000 accesses). Weights 800 B: 6400 bits, 100 accesses each way. Outputs 6000 B: 48 000 bits.
   */
  @Test
  void aRaggedSpillingProductByHand() {
    LayerResult l = run(WS, gemm(300, 20, 40)).layer("mm");
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 240_000);
    c.add("weight_rf", Action.regfileWrite(8), 800);
    c.add("weight_rf", Action.regfileRead(8), 240_000);
    c.add("pe_links.weights", Action.nocHop(8), 5360);
    c.add("pe_links.inputs", Action.nocHop(8), 216_000);
    c.add("pe_links.psums", Action.nocHop(32), 222_000);
    c.add("glb.weights", GLB_WRITE, 100);
    c.add("glb.weights", GLB_READ, 100);
    c.add("glb.inputs", GLB_WRITE, 1500);
    c.add("glb.inputs", GLB_READ, 3000);
    c.add("glb.psums", GLB_WRITE, 15_000);
    c.add("glb.psums", GLB_READ, 15_000);
    c.add("dram.weights", Action.DRAM_READ_BITS, 6400);
    c.add("dram.inputs", Action.DRAM_READ_BITS, 96_000);
    c.add("dram.psums", Action.DRAM_WRITE_BITS, 384_000);
    c.add("dram.psums", Action.DRAM_READ_BITS, 384_000);
    c.add("dram.outputs", Action.DRAM_WRITE_BITS, 48_000);
    assertThat(l.actions()).isEqualTo(c);
    // the analytical tier's DRAM bytes agree: reads 800 + 12000 + 48000, writes 6000 + 48000
    LayerAnalysis a = new SystolicArrayModel(WS).analyze(gemm(300, 20, 40)).get(0);
    assertThat(a.dramReadBytes()).isEqualTo(60_800);
    assertThat(a.dramWriteBytes()).isEqualTo(54_000);
    // 6 folds of 2R + C + M - 2 = 346 cycles; not MACs / 256 = 937.5 (ragged folds)
    assertThat(l.cycles()).isEqualTo(6 * 346);
    assertThat(l.cycles(LayerResult.COMPUTE)).isEqualTo(6 * 300);
  }

  @Test
  void aConfigWithoutAHierarchyKeepsTheThreeSramCounts() {
    SystolicArrayConfig plain = WS.withHierarchy(Optional.empty());
    LayerResult l = run(plain, conv()).layer("conv");
    assertThat(l.actions().entries())
        .extracting(ActionCounts.Entry::component)
        .containsOnly("pe_array", "ifmap_sram", "filter_sram", "ofmap_sram", "dram");
  }

  @Test
  void hierarchyErrorsNameFileLineAndKey() {
    String base =
        """
        name: h
        array: { rows: 4, cols: 4, dataflow: ws }
        sram: { ifmap_kib: 8, filter_kib: 4, ofmap_kib: 4 }
        dram: { bandwidth_bytes_per_cycle: 16, mode: calc }
        clock_mhz: 500
        hierarchy:
          global_buffer: { kib: 16, width_bits: 64 }
          weight_rf: { entries: 16, width_bits: 8 }
          dram: { type: lpddr4, width_bits: 64 }
          psum_bits: 32
        """;
    assertThat(
            SystolicArrayConfig.fromSpec(SpecLoader.parse("arch/h.yaml", base))
                .hierarchy()
                .orElseThrow()
                .globalBufferKib())
        .isEqualTo(16);
    assertThatThrownBy(() ->
            SystolicArrayConfig.fromSpec(
                SpecLoader.parse("arch/h.yaml", base.replace("psum_bits: 32", "psum_bits: 16"))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("arch/h.yaml:10: hierarchy.psum_bits: must be 8 or 32, got 16");
    assertThatThrownBy(() ->
            SystolicArrayConfig.fromSpec(
                SpecLoader.parse("arch/h.yaml", base.replace("kib: 16", "kib: 32"))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("arch/h.yaml:6: ")
        .hasMessageContaining("8 + 4 + 4 = 16 must equal it, got 32");
    assertThatThrownBy(() ->
            SystolicArrayConfig.fromSpec(
                SpecLoader.parse("arch/h.yaml", base.replace("dataflow: ws", "dataflow: os"))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("array.dataflow must be ws, got os");
    assertThatThrownBy(() ->
            SystolicArrayConfig.fromSpec(
                SpecLoader.parse("arch/h.yaml", base.replace("entries: 16", "entriez: 16"))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("arch/h.yaml:8: unknown key 'hierarchy.weight_rf.entriez'");
  }
}
