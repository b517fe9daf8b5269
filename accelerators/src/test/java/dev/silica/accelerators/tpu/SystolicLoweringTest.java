package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.isa.Program;
import dev.silica.isa.tpu.Activate;
import dev.silica.isa.tpu.MatrixMultiply;
import dev.silica.isa.tpu.ReadWeights;
import dev.silica.isa.tpu.TpuAssembler;
import dev.silica.isa.tpu.TpuDisassembler;
import dev.silica.isa.tpu.TpuInstr;
import dev.silica.isa.tpu.TpuIsaLimits;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lowering to the TPU ISA: per product, one Read_Weights per fold and MatrixMultiply instructions
 * whose rows × repeat cover the M rows of every fold (formulas in {@link TpuLowering}); every
 * program prints and reassembles to an equal program under its machine's limits.
 */
class SystolicLoweringTest {

  static long count(Program<TpuInstr> p, Class<? extends TpuInstr> type) {
    return p.instructions().stream().filter(type::isInstance).count();
  }

  @ParameterizedTest(name = "m={0} n={1} k={2} on {3}x{4}")
  @CsvSource({"40,12,20,8,8", "43,12,20,8,8", "8,8,8,8,8", "100,33,70,16,16", "5,3,2,4,6"})
  void oneReadWeightsPerFoldAndMatmulsCoverEveryRow(int m, int n, int k, int r, int c) {
    SystolicArrayConfig cfg = SystolicArrayAnalyticTest.array(r, c, Dataflow.WS);
    Graph g = SystolicArrayAnalyticTest.gemm(m, n, k);
    Program<TpuInstr> p = new SystolicArrayModel(cfg).program(g);
    long rf = Math.ceilDiv(k, r);
    long cf = Math.ceilDiv(n, c);
    int nArr = Math.max(r, c);
    int b = Math.min(m, nArr);
    long perFold = m % b == 0 ? 1 : 2; // B x (m / B) plus the remainder
    assertThat(count(p, ReadWeights.class)).isEqualTo(rf * cf);
    assertThat(count(p, MatrixMultiply.class)).isEqualTo(rf * cf * perFold);
    assertThat(count(p, Activate.class)).isEqualTo(cf * perFold);
    List<MatrixMultiply> mm =
        p.instructions().stream()
            .filter(MatrixMultiply.class::isInstance)
            .map(MatrixMultiply.class::cast)
            .toList();
    assertThat(mm.stream().mapToLong(MatrixMultiply::totalRows).sum()).isEqualTo(rf * cf * m);
    // the first row fold of each column fold writes, the others accumulate
    assertThat(mm.stream().filter(x -> !x.accumulate()).mapToLong(MatrixMultiply::totalRows).sum())
        .isEqualTo(cf * m);
    assertThat(mm).allMatch(x -> x.rows() <= nArr);
    // analytical folds = Read_Weights count
    assertThat(new SystolicArrayModel(cfg).analyze(g).get(0).folds()).isEqualTo(rf * cf);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"lenet5,tpu-v1", "dqn,eyeriss-like", "mobilenet-v1,tpu-v1", "bert-base-layer,tpu-v1"})
  void programsRoundTripThroughTheTextForm(String model, String preset) {
    SystolicArrayConfig cfg = SystolicArrayConfig.preset(preset);
    Graph g = Zoo.build(model);
    SystolicArrayModel sam = new SystolicArrayModel(cfg);
    Program<TpuInstr> p = sam.program(g);
    TpuIsaLimits limits = TpuLowering.limits(cfg);
    String text = TpuDisassembler.print(p);
    assertThat(TpuAssembler.parse(text, model + ".tpu", limits)).isEqualTo(p);
    // every array fold has its Read_Weights
    long folds = 0;
    for (LayerAnalysis a : sam.analyze(g)) {
      if (a.unit() == LayerAnalysis.Unit.ARRAY) {
        for (GemmShape s : a.gemms()) {
          folds +=
              s.count()
                  * Math.ceilDiv(s.k(), cfg.rows())
                  * Math.ceilDiv(s.n(), cfg.cols())
                  * Math.ceilDiv(s.m(), chunk(limits));
        }
      }
    }
    assertThat(count(p, ReadWeights.class)).isEqualTo(folds);
    assertThat(p.metadata()).containsEntry("lowered_from", g.name());
  }

  static long chunk(TpuIsaLimits l) {
    return Math.max(1, Math.min(l.accumulatorRows(), l.unifiedBufferRows() / 2));
  }

  @Test
  void opsOffTheActivationUnitAreNamedAsHostWork() {
    Program<TpuInstr> p =
        new SystolicArrayModel(SystolicArrayConfig.preset("tpu-v1"))
            .program(Zoo.build("bert-base-layer"));
    assertThat(p.metadata().keySet()).anyMatch(k -> k.startsWith("host."));
    assertThat(p.metadata().values()).anyMatch(v -> v.endsWith("softmax"));
  }

  @Test
  void outputStationaryArraysAreRefused() {
    assertThatThrownBy(() ->
            new SystolicArrayModel(SystolicArrayConfig.preset("scalesim-scale"))
                .program(Zoo.build("lenet5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scalesim-scale: the TPU ISA is weight-stationary (read_weights fills the tile FIFO);"
                + " dataflow must be ws to emit a program, got os");
  }
}
