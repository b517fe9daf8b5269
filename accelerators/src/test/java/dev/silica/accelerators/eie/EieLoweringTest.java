package dev.silica.accelerators.eie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.accelerators.Accelerators;
import dev.silica.isa.Program;
import dev.silica.isa.eie.Column;
import dev.silica.isa.eie.EieAssembler;
import dev.silica.isa.eie.EieDisassembler;
import dev.silica.isa.eie.EieInstr;
import dev.silica.numerics.compress.RelativeIndexSparse;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interleaved-CSC encoding, its program form, and the bad inputs of the lowering. */
class EieLoweringTest {
  /**
   * The worked example of EIE §III-B (papers-inputs §1.1 and §1.8: "z = [2, 0, 15, 2]"): non-zeros
   * at rows 2, 3 and 22 of one PE's column. Row 2 has 2 zeros before it, row 3 none; row 22 has 18
   * (rows 4..21), more than 15, so a filler (weight index 0) takes row 19 with x = 15 and row 22
   * follows with x = 2. A gap of exactly 15 needs no filler.
   */
  @Test
  void relativeIndexesAndFillersFollowThePaper() {
    float[] m = new float[40];
    m[2] = 1;
    m[3] = 2;
    m[22] = 3;
    EieConfig one = EieConfig.eie64().withPes(1);
    EncodedLayer l =
        EieLowering.lower("ex", SparseWeights.fromDense(m, 40, 1), one, 4, 1, false, null);
    byte[] e = l.ent()[0];
    int[] x = new int[e.length];
    int[] v = new int[e.length];
    for (int i = 0; i < e.length; i++) {
      x[i] = Column.relativeIndex(e[i]);
      v[i] = Column.weightIndex(e[i]);
    }
    assertThat(x).containsExactly(2, 0, 15, 2);
    assertThat(v[2]).isZero();
    assertThat(v[0]).isNotZero();
    assertThat(v[3]).isNotZero();
    assertThat(l.fillers()).isEqualTo(1);
    float[] m2 = new float[40];
    m2[2] = 1;
    m2[3] = 2;
    m2[19] = 3;
    EncodedLayer l2 =
        EieLowering.lower("ex2", SparseWeights.fromDense(m2, 40, 1), one, 4, 1, false, null);
    assertThat(l2.fillers()).isZero();
    assertThat(Column.relativeIndex(l2.ent()[0][2])).isEqualTo(15);
  }

  /**
   * On one PE with one batch, the encoding is plain CSC with 4-bit relative indexes: its filler
   * count equals the numerics module's independent {@code RelativeIndexSparse.encodeCsc}.
   */
  @Test
  void fillerCountMatchesTheNumericsEncoder() {
    SparseWeights w = SparseWeights.random(64, 300, 0.05, 1, 8);
    float[] dense = new float[64 * 300];
    for (int j = 0; j < 300; j++) {
      for (int e = w.colPtr()[j]; e < w.colPtr()[j + 1]; e++) {
        dense[w.rowIdx()[e] * 300 + j] = w.values()[e];
      }
    }
    EncodedLayer l = EieLowering.lower("f", w, EieConfig.eie64().withPes(1), 15, 1, false, null);
    RelativeIndexSparse.Encoded ref = RelativeIndexSparse.encodeCsc(dense, 64, 300, 4);
    assertThat(l.fillers()).isEqualTo(ref.fillers());
    assertThat(l.totalEntries()).isEqualTo(ref.entries());
  }

  /** Rows are interleaved i mod N: every kept weight lands in exactly one PE, fillers added. */
  @Test
  void interleavingKeepsEveryWeight() {
    SparseWeights w = SparseWeights.random(1000, 500, 0.1, 1, 3);
    EncodedLayer l = EieLowering.lower("i", w, EieConfig.eie64(), 15, 3, false, null);
    long stored = 0;
    long fill = 0;
    for (byte[] e : l.ent()) {
      stored += e.length;
      for (byte b : e) {
        fill += Column.weightIndex(b) == 0 ? 1 : 0;
      }
    }
    assertThat(stored).isEqualTo(w.nonZeros() + l.fillers());
    assertThat(fill).isEqualTo(l.fillers());
    assertThat(l.codebook()).hasSize(16);
    assertThat(l.codebook()[0]).isZero();
  }

  /** Every PE's program prints, assembles back to an equal program, and yields its pointers. */
  @Test
  void programsRoundTripThroughText() {
    EieConfig cfg = EieConfig.eie64().withPes(4);
    EncodedLayer l =
        EieLowering.lower(
            "rt", SparseWeights.random(600, 90, 0.2, 1, 5), cfg, 15, 5, true, null); // 3 batches
    assertThat(l.batches()).isEqualTo(3);
    for (int k = 0; k < 4; k++) {
      Program<EieInstr> p = l.program(k);
      String text = EieDisassembler.print(p);
      assertThat(EieAssembler.assemble(text, "pe" + k + ".eie")).isEqualTo(p);
      int[][] ptrs = EncodedLayer.pointersOf(p, l.cols(), l.batches(), l.rowsPerBatch());
      for (int b = 0; b < l.batches(); b++) {
        assertThat(ptrs[b]).isEqualTo(l.ptr()[k * l.batches() + b]);
      }
    }
  }

  @Test
  void aCodebookOfMoreThanSixteenEntriesIsAnError() {
    SparseWeights w = SparseWeights.random(10, 10, 0.5, 1, 1);
    assertThatThrownBy(() -> EieLowering.lower("big", w, EieConfig.eie64(), 16, 1, false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "layer big: a codebook of 16 shared weights plus the zero entry has 17 entries; 4-bit"
                + " weight indexes address 1 to 15 shared weights");
  }

  /** A PE slice with more entries than its pointers can address is Infeasible, not a crash. */
  @Test
  void pointerOverflowIsInfeasible() {
    EieConfig cfg = EieConfig.eie64().withPes(1).withMemories(128 * 1024, 8, 32 * 1024, 2048);
    EncodedLayer l =
        EieLowering.lower("ovf", SparseWeights.random(64, 10, 1.0, 1, 1), cfg, 15, 1, false, null);
    assertThat(l.problem(cfg))
        .isEqualTo(
            "layer ovf: pointer overflow: PE 0 batch 0 holds 640 entries but 8-bit column pointers"
                + " address at most 255");
  }

  /** Too large for the SRAMs: the paper's VGG-6 needs 50 KB of the 32 KB pointer SRAM. */
  @Test
  void layersTooLargeForTheSramsAreInfeasible() {
    EieConfig cfg = EieConfig.eie64().withMemories(256, 16, 32 * 1024, 2048);
    EncodedLayer l =
        EieLowering.lower(
            "big", SparseWeights.random(640, 100, 0.5, 1, 1), cfg, 15, 1, false, null);
    assertThat(l.problem(cfg)).startsWith("layer big: PE 0 needs ").contains("more than the 256 B");
    EieStudy.Prepared vgg6 = EieStudy.prepare(EieBenchmark.byId("VGG-6"), EieConfig.eie64(), 7);
    assertThat(vgg6.note())
        .startsWith("infeasible as configured (layer VGG-6: pointer overflow")
        .contains("B pointer SRAM");
  }

  /** On a graph: non-FC nodes make AlexNet infeasible unless the FC layers are selected. */
  @Test
  void graphsRunTheirFullyConnectedLayers() {
    Graph alex = Zoo.build("alexnet");
    EieModel eie = (EieModel) Accelerators.create("eie-64");
    RunResult all = SimInvariants.check(eie.run(alex));
    assertThat(all.isFeasible()).isFalse();
    assertThat(EieModel.reason(all))
        .isEqualTo(
            "node conv1: EIE runs fully connected and recurrent layers only, not conv2d (select the"
                + " FC layers, e.g. --layers fc6,fc7,fc8)");
    RunResult fc = SimInvariants.check(eie.withLayers(List.of("fc7", "fc8")).run(alex));
    assertThat(fc.isFeasible()).isTrue();
    assertThat(fc.layers()).extracting(r -> r.node()).containsExactly("fc7", "fc8");
    assertThat(fc.layer("fc8").macs()).isPositive();
    RunResult bad = eie.withLayers(List.of("fc9")).run(alex);
    assertThat(EieModel.reason(bad)).startsWith("--layers: no node named fc9 in alexnet");
  }

  /** NeuralTalk: the LSTM runs as its stacked 1201 x 2400 gate matrix, once per time step. */
  @Test
  void recurrentLayersRunTheirStackedGateMatrix() {
    Graph nt = Zoo.build("neuraltalk-eie");
    EieModel eie = new EieModel(EieConfig.eie64()).withLayers(List.of("We", "WLSTM"));
    RunResult r =
        SimInvariants.check(
            eie.run(
                nt,
                dev.silica.simulator.RunOptions.defaults()
                    .withFidelity(dev.silica.simulator.Fidelity.FUNCTIONAL)));
    assertThat(r.isFeasible()).isTrue();
    assertThat(r.outputs()).containsKeys("We", "WLSTM#0", "WLSTM#1");
    assertThat((int[]) r.outputs().get("WLSTM#0")).hasSize(2400);
    // two steps of ~10% of 1201 x 2400 weights with every input non-zero
    long steps = 2;
    double expected = steps * 0.10 * 1201 * 2400;
    assertThat((double) r.layer("WLSTM").macs()).isBetween(0.97 * expected, 1.03 * expected);
  }
}
