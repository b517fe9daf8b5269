package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GoogLeNet layer by layer against Table 1 of Szegedy et al. (arXiv:1409.4842v1; papers-inputs
 * §8.4).
 *
 * <h2>What Table 1's "params" and "ops" count</h2>
 *
 * <p>"params" are <b>weights only, in units of K = 1024</b>: the linear row's 1024×1000 = 1,024,000
 * weights print as exactly "1000K" and conv2's 64×64 + 64×9×192 = 114,688 as exactly "112K"; with
 * biases, or with K = 1000, neither row matches. "ops" are multiply-adds in units of 10⁶ (conv2:
 * 56²×114,688 = 359.7M, printed "360M"). A row matches when the model is within 1% of the printed
 * number or within its printing resolution (±0.5 of the last digit).
 *
 * <h2>Rows where the printed table disagrees with its own column widths</h2>
 *
 * <p>The model is built from the widths Table 1 gives (the architecture), and the counts follow.
 * Seven printed numbers cannot come from those widths; they are asserted below at their measured
 * deviation, so a change in the model shows up:
 *
 * <ul>
 *   <li>conv1, 7×7/2, 64 filters on 3 channels: 9,408 weights (9.2K) and 118.0M MACs; printed 2.7K
 *       and 34M.
 *   <li>inception 4c: 509,440 weights (497.5K, +7.4%); printed 463K. Its ops (99.9M vs 100M) match.
 *   <li>inception 4d: 590.5K, printed 580K (+1.8%); ops 118.5M vs 119M match.
 *   <li>inception 5a: 1,018.0K and 51.1M, printed 1072K and 54M (−5.0%, −5.4%); the two printed
 *       numbers agree with each other (1072K × 1024 × 49 = 53.8M) but not with 5a's widths, which
 *       are the same as 4e's (4e's 847K and 170M do match).
 *   <li>inception 5b: 1,409.0K, printed 1388K (+1.5%); ops 70.7M vs 71M match.
 * </ul>
 */
class GoogLeNetAccountingTest {
  /** A row of Table 1: the IR nodes it spans, output [C, H, W], printed params (K) and ops (M). */
  private record Row(String label, String[] nodes, int[] out, double paramsK, double opsM) {}

  private static Row row(String label, int c, int h, double paramsK, double opsM) {
    return new Row(label, new String[] {label}, new int[] {c, h, h}, paramsK, opsM);
  }

  // Szegedy et al. 2014, Table 1 (papers-inputs §8.4 [V])
  private static final Row[] ROWS = {
    row("conv1", 64, 112, 2.7, 34),
    new Row("conv2", new String[] {"conv2_reduce", "conv2"}, new int[] {192, 56, 56}, 112, 360),
    row("inception3a", 256, 28, 159, 128),
    row("inception3b", 480, 28, 380, 304),
    row("inception4a", 512, 14, 364, 73),
    row("inception4b", 512, 14, 437, 88),
    row("inception4c", 512, 14, 463, 100),
    row("inception4d", 528, 14, 580, 119),
    row("inception4e", 832, 14, 840, 170),
    row("inception5a", 832, 7, 1072, 54),
    row("inception5b", 1024, 7, 1388, 71),
    new Row("linear", new String[] {"fc"}, new int[] {1000}, 1000, 1),
  };

  /** Measured / printed − 1 for the misprinted entries (see the class comment). */
  private static final Map<String, Double> PARAM_MISPRINTS =
      Map.of(
          "conv1", 9408 / 1024.0 / 2.7 - 1,
          "inception4c", 0.0745,
          "inception4d", 0.0181,
          "inception5a", -0.0504,
          "inception5b", 0.0151);

  private static final Map<String, Double> OPS_MISPRINTS =
      Map.of("conv1", 118.014 / 34 - 1, "inception5a", -0.0541);

  private final ZooLayers g = new ZooLayers("googlenet");

  private static boolean matches(double measured, double printed) {
    return Math.abs(measured - printed) <= Math.max(0.5, 0.01 * printed);
  }

  @Test
  void everyRowAgainstTable1() {
    for (Row r : ROWS) {
      String last = r.nodes()[r.nodes().length - 1];
      int[] dims = new int[r.out().length + 1];
      dims[0] = 1;
      System.arraycopy(r.out(), 0, dims, 1, r.out().length);
      assertThat(g.shape(last)).as(r.label()).isEqualTo(Shape.of(dims));

      double paramsK = g.weights(r.nodes()) / 1024.0;
      double opsM = g.macs(r.nodes()) / 1e6;
      if (PARAM_MISPRINTS.containsKey(r.label())) {
        assertThat(paramsK / r.paramsK() - 1)
            .as(r.label() + " params " + paramsK + "K vs printed " + r.paramsK())
            .isCloseTo(PARAM_MISPRINTS.get(r.label()), within(0.001));
      } else {
        assertThat(matches(paramsK, r.paramsK()))
            .as(r.label() + " params " + paramsK + "K vs printed " + r.paramsK() + "K")
            .isTrue();
      }
      if (OPS_MISPRINTS.containsKey(r.label())) {
        assertThat(opsM / r.opsM() - 1)
            .as(r.label() + " ops " + opsM + "M vs printed " + r.opsM())
            .isCloseTo(OPS_MISPRINTS.get(r.label()), within(0.001));
      } else {
        assertThat(matches(opsM, r.opsM()))
            .as(r.label() + " ops " + opsM + "M vs printed " + r.opsM() + "M")
            .isTrue();
      }
    }
  }

  @Test
  void exactRowCounts() {
    // [D] weights per row from Table 1's widths, e.g. 3a: 192x64 + 192x96 + 96x9x128 + 192x16
    // + 16x25x32 + 192x32 = 163,328
    assertThat(g.weights("conv1")).isEqualTo(9_408);
    assertThat(g.weights("conv2_reduce", "conv2")).isEqualTo(114_688);
    assertThat(g.weights("inception3a")).isEqualTo(163_328);
    assertThat(g.weights("inception4c")).isEqualTo(509_440);
    assertThat(g.weights("inception5a")).isEqualTo(1_042_432);
    assertThat(g.weights("inception5b")).isEqualTo(1_442_816);
    assertThat(g.macs("conv1")).isEqualTo(118_013_952L);
  }

  @Test
  void poolsGiveTable1Sizes() {
    // Table 1: max pools to 56x56x64, 28x28x192, 14x14x480, 7x7x832; avg pool to 1x1x1024
    assertThat(g.shape("pool1")).isEqualTo(Shape.of(1, 64, 56, 56));
    assertThat(g.shape("pool2")).isEqualTo(Shape.of(1, 192, 28, 28));
    assertThat(g.shape("pool3")).isEqualTo(Shape.of(1, 480, 14, 14));
    assertThat(g.shape("pool4")).isEqualTo(Shape.of(1, 832, 7, 7));
    assertThat(g.shape("pool5")).isEqualTo(Shape.of(1, 1024, 1, 1));
  }

  @Test
  void totals() {
    // Table 1's params column sums to 6,797.7K (papers-inputs §8.4 "6.80M" [D]); the model has
    // 6,990,272 weights = 6,826.4K (+0.42%, the misprints above net out)
    long weights = 0;
    for (Row r : ROWS) {
      weights += g.weights(r.nodes());
    }
    assertThat(weights).isEqualTo(g.stats.parameters() - 8_280); // 8,280 biases
    assertThat(weights).isEqualTo(6_990_272L);
    assertThat(weights / 1024.0).isCloseTo(6_797.7, within(0.01 * 6_797.7));
    // weights + biases: 6,998,552 (bvlc_googlenet without its auxiliary heads [D])
    assertThat(g.stats.parameters()).isEqualTo(6_998_552L);
    // Table 1's ops sum to 1,502M ("1.5 billion multiply-adds", papers-inputs §8.4). The model
    // does 1,582.7M; the difference is the conv1 row alone: without it, 1,464.7M vs 1,468M.
    assertThat(g.stats.macs()).isEqualTo(1_582_671_872L);
    assertThat((g.stats.macs() - g.macs("conv1")) / 1e6).isCloseTo(1_502 - 34, within(14.68));
  }

  @Test
  void auxiliaryClassifiers() {
    ZooLayers aux = new ZooLayers("googlenet-aux");
    assertThat(aux.graph.outputs()).hasSize(3);
    for (var out : aux.graph.outputs()) {
      assertThat(aux.graph.type(out).shape()).isEqualTo(Shape.of(1, 1000));
    }
    // §5: 5x5/3 average pool -> 4x4x512 after 4a and 4x4x528 after 4d
    assertThat(aux.shape("aux1.pool")).isEqualTo(Shape.of(1, 512, 4, 4));
    assertThat(aux.shape("aux2.pool")).isEqualTo(Shape.of(1, 528, 4, 4));
    // [D] aux1: 512x128 + 128 + 2048x1024 + 1024 + 1024x1000 + 1000 = 3,188,840; aux2 with 528
    // input channels 3,190,888
    assertThat(aux.params("aux1")).isEqualTo(3_188_840);
    assertThat(aux.params("aux2")).isEqualTo(3_190_888);
    assertThat(aux.stats.parameters()).isEqualTo(6_998_552L + 3_188_840 + 3_190_888);
  }
}
