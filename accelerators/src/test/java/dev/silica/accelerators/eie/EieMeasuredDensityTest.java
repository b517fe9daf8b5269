package dev.silica.accelerators.eie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measured densities ({@link EieModel#withDensities}) against the model's closed form: a layer does
 * {@code rows · nnz(a)} multiply-accumulates with dense weights and {@code nnz(W)} with all inputs
 * non-zero, where {@code nnz} of a seeded draw at density {@code d} over {@code n} positions is
 * binomial, mean {@code n·d}, standard deviation {@code √(n·d·(1 − d))}.
 */
class EieMeasuredDensityTest {
  static final int ROWS = 256;
  static final int COLS = 2048;

  /** One FC layer {@code [1, COLS] → [1, ROWS]}, weights {@code [ROWS, COLS]}. */
  static Graph fc() {
    GraphBuilder g = new GraphBuilder("fc-test");
    ValueId x = g.input("x", TensorType.f32(1, COLS));
    ValueId w = g.parameter("w", TensorType.f32(ROWS, COLS));
    return g.output(g.apply("fc", new Gemm(false, true, 1f, 0f), x, w)).build();
  }

  static LayerResult run(LayerDensity d) {
    EieModel m = new EieModel(EieConfig.eie64()).withDensities(Map.of("fc", d));
    RunResult r = SimInvariants.check(m.run(fc(), RunOptions.defaults()));
    return r.layer("fc");
  }

  static long macs(LayerResult l) {
    return l.actions().get("pe.arith", Action.of("mult.int16"));
  }

  @Test
  void denseWeightsDoRowsTimesNonZeroInputsMacs() {
    for (double ad : new double[] {1.0, 0.5, 0.25}) {
      long m = macs(run(new LayerDensity(1.0, ad)));
      // 64 PEs hold 4 interleaved rows of each column: no relative-index gap reaches 15, so there
      // are no padding fillers and every non-zero input costs exactly ROWS entries
      assertThat(m % ROWS).as("ad=%s", ad).isZero();
      double mean = COLS * ad;
      double sd = Math.sqrt(COLS * ad * (1 - ad));
      assertThat((double) (m / ROWS)).as("ad=%s", ad).isBetween(mean - 4 * sd, mean + 4 * sd);
    }
  }

  @Test
  void denseInputsDoOneMacPerKeptWeight() {
    for (double wd : new double[] {1.0, 0.25, 0.1}) {
      long m = macs(run(new LayerDensity(wd, 1.0)));
      double n = (double) ROWS * COLS;
      double mean = n * wd;
      double sd = Math.sqrt(n * wd * (1 - wd));
      assertThat((double) m).as("wd=%s", wd).isBetween(mean - 4 * sd, mean + 4 * sd);
    }
  }

  @Test
  void arithmeticEnergyAndComputeCyclesScaleWithBothDensities() {
    LayerResult dense = run(new LayerDensity(1.0, 1.0));
    LayerResult sparse = run(new LayerDensity(0.2, 0.5));
    double ratio = (double) macs(sparse) / macs(dense);
    // closed form d_w · d_a = 0.1; the binomial spread of 52,429 expected entries is < 0.5 %
    assertThat(ratio).isBetween(0.1 * 0.97, 0.1 * 1.03);
    // compute cycles: at least the busiest PE's entries, so at least the mean share; above the
    // ideal 0.1 of the dense layer by load imbalance, which grows as each PE gets fewer entries
    assertThat(sparse.cycles(LayerResult.COMPUTE)).isGreaterThanOrEqualTo(macs(sparse) / 64);
    assertThat((double) sparse.cycles(LayerResult.COMPUTE) / dense.cycles(LayerResult.COMPUTE))
        .isBetween(0.1, 0.2);
  }

  @Test
  void measuredDensitiesReplaceThePlanOnlyForTheirNodes() {
    EieModel plain = new EieModel(EieConfig.eie64());
    RunResult assumed = plain.run(fc(), RunOptions.defaults());
    // the plan for a node outside the benchmark table: 10 % weights, all inputs non-zero
    RunResult same =
        plain
            .withDensities(Map.of("fc", new LayerDensity(EieModel.DEFAULT_WEIGHT_DENSITY, 1.0)))
            .run(fc(), RunOptions.defaults());
    assertThat(same.energyPj()).isEqualTo(assumed.energyPj());
    assertThat(same.cycles()).isEqualTo(assumed.cycles());
    RunResult other =
        plain
            .withDensities(Map.of("elsewhere", new LayerDensity(1.0, 0.1)))
            .run(fc(), RunOptions.defaults());
    assertThat(other.energyPj()).isEqualTo(assumed.energyPj());
    // a dense measured model costs more than the assumed 10 % one
    assertThat(run(new LayerDensity(1.0, 1.0)).cycles()).isGreaterThan(assumed.cycles());
  }

  @Test
  void densitiesOutsideTheirRangesAreRejected() {
    assertThatThrownBy(() -> new LayerDensity(0, 1))
        .hasMessage("weight density must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> new LayerDensity(1, 1.2))
        .hasMessage("activation density must be in [0, 1], got 1.2");
  }
}
