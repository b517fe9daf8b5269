package dev.silica.accelerators.eie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Analytic and functional checks of the EIE cycle loop. */
class EieSimulatorTest {
  private static final EieConfig ONE_PE = EieConfig.eie64().withPes(1);

  private static EncodedLayer dense(int rows, int cols, EieConfig cfg, long seed) {
    SparseWeights w = SparseWeights.random(rows, cols, 1.0, 0.5, seed);
    return EieLowering.lower("dense", w, cfg, 15, seed, false, null);
  }

  private static int[] allNonZero(int n, EieConfig cfg, long seed) {
    return EieModel.activations(n, 1.0, true, cfg, seed);
  }

  private static RunResult checked(EieConfig cfg, EieLayerRun r) {
    EieModel m = new EieModel(cfg);
    return SimInvariants.check(
        m.result("t", List.of(m.layerResult(r.layer(), "gemm", List.of(r))), Map.of(), Map.of()));
  }

  /** Weight and activation density 1.0: every one of the M·K products is a MAC, no fillers. */
  @Test
  void densityOneDoesTheDenseMacs() {
    EieConfig cfg = EieConfig.eie64();
    EncodedLayer l = dense(300, 200, cfg, 3);
    EieLayerRun r = EieSimulator.run(l, allNonZero(200, cfg, 4), cfg, false);
    checked(cfg, r);
    assertThat(r.macs()).isEqualTo(300L * 200);
    assertThat(r.entries()).isEqualTo(300L * 200);
    assertThat(r.paddingEntries()).isZero();
    assertThat(l.fillers()).isZero();
  }

  /**
   * One PE, dense weights and inputs, {@code K ≤ 64} inputs, {@code M} outputs in {@code B =
   * ⌈M/64⌉} output batches of {@code m_b} rows. Per batch: cycle 0 broadcasts the first input (the
   * PE has nothing yet; one LNZD level is 0 for N = 1), then the PE processes {@code K} columns of
   * {@code m_b} entries back to back, one entry per cycle ({@code K·m_b} cycles, the queue never
   * runs dry because each column takes at least one cycle and one input arrives per cycle), then
   * the 4-stage pipeline drains ({@code 3} cycles); with more than one batch (outputs beyond the
   * 64-entry register file) the batch's {@code m_b} outputs are written to activation SRAM, one per
   * cycle. Total: {@code Σ_b (1 + K·m_b + 3 + [B > 1]·m_b)}, i.e. {@code K·M + 4} for one batch and
   * {@code 4B + (K + 1)·M} for several.
   */
  @Test
  void onePeWithoutSparsityTakesTheClosedFormCycles() {
    for (int[] mk : new int[][] {{1, 1}, {7, 5}, {64, 64}, {40, 3}}) {
      int m = mk[0];
      int k = mk[1];
      EieLayerRun r =
          EieSimulator.run(dense(m, k, ONE_PE, m + k), allNonZero(k, ONE_PE, 9), ONE_PE, false);
      assertThat(r.cycles()).as("M=%d K=%d", m, k).isEqualTo((long) k * m + 4);
      assertThat(r.computeCycles()).isEqualTo((long) k * m);
      assertThat(r.loadBalance(1)).isEqualTo(1.0);
      checked(ONE_PE, r);
    }
    int m = 150; // batches of 64, 64, 22
    int k = 40;
    EieLayerRun r =
        EieSimulator.run(dense(m, k, ONE_PE, 5), allNonZero(k, ONE_PE, 6), ONE_PE, false);
    assertThat(r.cycles()).isEqualTo(4L * 3 + (long) (k + 1) * m);
    assertThat(r.ioCycles()).isEqualTo(m);
  }

  /**
   * With a queue deep enough for every non-zero input and inputs that fit the register files, no
   * broadcast ever stalls, so every PE runs from the first broadcast without a gap and the cycle
   * count equals the closed form {@link EieSimulator#analyticalCycles}; a shallow queue can only be
   * slower.
   */
  @Test
  void deepQueueReachesTheAnalyticalBound() {
    EieConfig cfg = EieConfig.eie64();
    SparseWeights w = SparseWeights.random(1000, 3000, 0.1, 0.1, 11);
    EncodedLayer l = EieLowering.lower("l", w, cfg, 15, 11, true, null);
    int[] act = EieModel.activations(3000, 0.35, false, cfg, 12);
    long bound = EieSimulator.analyticalCycles(l, act, cfg);
    EieLayerRun deep = EieSimulator.run(l, act, cfg.withFifoDepth(4096), false);
    assertThat(deep.cycles()).isEqualTo(bound);
    for (int d : new int[] {1, 2, 8}) {
      EieLayerRun shallow = EieSimulator.run(l, act, cfg.withFifoDepth(d), false);
      assertThat(shallow.cycles()).as("depth %d", d).isGreaterThanOrEqualTo(bound);
      assertThat(shallow.macs()).isEqualTo(deep.macs());
      checked(cfg, shallow);
    }
  }

  /** Deeper queues never lower the load balance on a benchmark-shaped layer (Fig. 8's trend). */
  @Test
  void loadBalanceImprovesWithQueueDepth() {
    EieStudy.Prepared p =
        EieStudy.prepare(EieBenchmark.byId("NT-We").scaled(2), EieConfig.eie64(), 1);
    double prev = 0;
    for (int d : new int[] {1, 2, 4, 8, 32}) {
      EieLayerRun r = EieSimulator.run(p.layer(), p.act(), p.cfg().withFifoDepth(d), false);
      assertThat(r.loadBalance(64)).as("depth %d", d).isGreaterThanOrEqualTo(prev - 1e-9);
      prev = r.loadBalance(64);
    }
  }

  static List<EieBenchmark> benchmarks() {
    return EieBenchmark.ALL;
  }

  /**
   * Each benchmark layer scaled down 8x in both dimensions: outputs equal the reference bit for
   * bit.
   */
  @ParameterizedTest(name = "{0} / 8")
  @MethodSource("benchmarks")
  void functionalOutputsEqualTheReferenceScaled(EieBenchmark b) {
    functional(b.scaled(8), EieConfig.eie64());
  }

  /** The same on the full-size layers. */
  @Tag("slow")
  @ParameterizedTest(name = "{0}")
  @MethodSource("benchmarks")
  void functionalOutputsEqualTheReferenceFull(EieBenchmark b) {
    functional(b, EieConfig.eie64());
  }

  /** Fewer PEs (more output batches and input batches) and a one-entry queue: still bit-exact. */
  @Test
  void functionalWithBatchesAndOddPeCounts() {
    for (int n : new int[] {1, 3, 16}) {
      functional(
          EieBenchmark.byId("Alex-8").scaled(4), EieConfig.eie64().withPes(n).withFifoDepth(1));
    }
  }

  private static void functional(EieBenchmark b, EieConfig cfg) {
    EieStudy.Prepared p = EieStudy.prepare(b, cfg, 42);
    EieLayerRun r = EieSimulator.run(p.layer(), p.act(), p.cfg(), true);
    int[] ref = EieReference.fc(p.layer(), p.act(), p.cfg());
    assertThat(Arrays.equals(r.outputs(), ref))
        .as("%s outputs differ at %d", b.id(), Arrays.mismatch(r.outputs(), ref))
        .isTrue();
    // the work is exactly the kept weights of the non-zero inputs
    long expected = 0;
    SparseWeights w = p.layer().weights();
    for (int j = 0; j < w.cols(); j++) {
      if (p.act()[j] != 0) {
        expected += w.colPtr()[j + 1] - w.colPtr()[j];
      }
    }
    assertThat(r.macs()).isEqualTo(expected);
    checked(p.cfg(), r);
  }

  /**
   * A PE that ends one column and starts the next on the same accumulator takes the bypass: one PE,
   * a 1 × 2 matrix, both inputs non-zero → the second entry follows the first on row 0.
   */
  @Test
  void backToBackWritesToOneAccumulatorUseTheBypass() {
    EncodedLayer l = dense(1, 2, ONE_PE, 1);
    EieLayerRun r = EieSimulator.run(l, allNonZero(2, ONE_PE, 2), ONE_PE, false);
    assertThat(r.bypasses()).isEqualTo(1);
    assertThat(r.accumulatorReads()).isEqualTo(1);
  }
}
