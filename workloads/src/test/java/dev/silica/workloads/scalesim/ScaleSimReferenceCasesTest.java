package dev.silica.workloads.scalesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats.NodeStats;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.scalesim.ScaleSimTopology.Format;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SCALE-Sim v2 reference run in {@code shared/refs/scalesim/cases}: its topology parses, the
 * graph's per-layer MACs and output sizes equal what SCALE-Sim's own reports imply, and the
 * topology survives read, write, read.
 *
 * <p>What the reports give (model-notes.md §5, CALC mode, no stalls): {@code Overall Util % = 100 ·
 * M·N·K / (Total Cycles · R · C)}, so MACs = util · cycles · R · C / 100 up to the printed digits;
 * and {@code SRAM IFMAP Reads = col_folds · M·K} with {@code col_folds = ceil(N / ArrayWidth)} for
 * OS and WS and 1 for IS (every element of every fold once, out-of-image windows included), an
 * exact integer from which the output-pixel count {@code M} follows.
 */
class ScaleSimReferenceCasesTest {

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsReports() {
    return ScaleSimRefs.cases().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) {
    Path topo = dir.resolve("topology.csv");
    String type = read(dir.resolve("type")).strip();
    ScaleSimTopology t = ScaleSimTopology.parse(topo);
    assertThat(t.format())
        .as("format from the header")
        .isEqualTo(Format.valueOf(type.toUpperCase(Locale.ROOT)));
    Graph g =
        type.equals("conv") ? ScaleSimTopology.readConv(topo) : ScaleSimTopology.readGemm(topo);
    assertThat(g).isEqualTo(ScaleSimTopology.read(topo)).isEqualTo(t.toGraph());

    List<List<String>> compute = table(dir.resolve("COMPUTE_REPORT.csv"));
    List<List<String>> access = table(dir.resolve("DETAILED_ACCESS_REPORT.csv"));
    assertThat(g.nodes()).hasSize(compute.size()).hasSize(t.layers().size());
    int rows = config(dir, "ArrayHeight");
    int cols = config(dir, "ArrayWidth");
    String dataflow = configText(dir, "Dataflow");
    List<NodeStats> stats = g.stats().nodes();
    for (int i = 0; i < g.nodes().size(); i++) {
      Node n = g.nodes().get(i);
      long macs = stats.get(i).macs();
      assertThat(macs)
          .as(n.name() + " MACs of the topology row")
          .isEqualTo(t.layers().get(i).macs());
      // MACs = Overall Util % / 100 · Total Cycles · R · C (model-notes §5)
      double util = Double.parseDouble(compute.get(i).get(3));
      double cycles = Double.parseDouble(compute.get(i).get(1));
      assertThat((double) macs)
          .as(n.name() + " MACs implied by COMPUTE_REPORT")
          .isCloseTo(util / 100 * cycles * rows * cols, within(1e-9 * macs));
      // SRAM IFMAP Reads = col_folds · M · K (model-notes §5), exact
      long[] mnk = mnk(g, n);
      long colFolds = dataflow.equals("is") ? 1 : (mnk[1] + cols - 1) / cols;
      assertThat(Long.parseLong(access.get(i).get(3)))
          .as(n.name() + " SRAM IFMAP reads = col_folds·M·K")
          .isEqualTo(colFolds * mnk[0] * mnk[2]);
    }

    // read -> write -> read
    ScaleSimTopology again = ScaleSimTopology.parse(new StringReader(t.toCsv()), topo.toString());
    assertThat(again).isEqualTo(t);
    String written = ScaleSimTopology.write(g);
    assertThat(ScaleSimTopology.read(new StringReader(written), topo.toString())).isEqualTo(g);
  }

  @Test
  void alexNetConv1HasScaleSimsRoundedUpOutputSize() {
    Path dir = ScaleSimRefs.root().resolve("cases/v2_s128_is_alexnet");
    Graph g = ScaleSimTopology.readConv(dir.resolve("topology.csv"));
    // README: 224x224, 11x11, stride 4 gives 3025 = 55x55 output pixels in SCALE-Sim's report
    // (floor((224 - 11) / 4) + 1 = 54 would give 2916)
    assertThat(g.type(g.node("Conv1").output())).isEqualTo(TensorType.f32(1, 96, 55, 55));
    Conv2d op = (Conv2d) g.node("Conv1").op();
    assertThat(op.padding().bottom()).isEqualTo(3); // (55 - 1)·4 + 11 - 224
    assertThat(op.padding().top()).isZero();
    // IS: SRAM IFMAP reads = M·K = 3025 · 363 = 1,098,075 (DETAILED_ACCESS_REPORT, layer 0)
    assertThat(table(dir.resolve("DETAILED_ACCESS_REPORT.csv")).getFirst().get(3))
        .isEqualTo("1098075");
    // 3025 · 11·11·3 · 96 = 105,415,200 MACs
    assertThat(g.stats().nodes().getFirst().macs()).isEqualTo(105_415_200L);
    // SCALE-Sim's AlexNet file does not pad (model-notes §2): Conv3-5 read 13x13 with 3x3 filters
    // and give 11x11 outputs, where the real network pads 1 and keeps 13x13. Per layer,
    // output pixels · R·S·C · filters: 3025·363·96 + 529·2400·256 + 121·2304·384 + 121·3456·384
    // + 121·3456·256
    assertThat(g.stats().macs())
        .isEqualTo(105_415_200L + 325_017_600L + 107_053_056L + 160_579_584L + 107_053_056L);
  }

  /** {M, N, K} of a node as SCALE-Sim lowers it. */
  private static long[] mnk(Graph g, Node n) {
    if (n.op() instanceof Gemm) {
      TensorType a = g.type(n.inputs().get(0));
      TensorType b = g.type(n.inputs().get(1));
      return new long[] {a.dim(0), b.dim(1), a.dim(1)};
    }
    TensorType w = g.type(n.inputs().get(1));
    TensorType y = g.type(n.output());
    return new long[] {(long) y.dim(2) * y.dim(3), w.dim(0), (long) w.dim(1) * w.dim(2) * w.dim(3)};
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SCALE-Sim report without its header: one list of trimmed fields per row. */
  private static List<List<String>> table(Path p) {
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = read(p).lines().filter(l -> !l.isBlank()).toList();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(Stream.of(line.split(",")).map(String::strip).toList());
    }
    return rows;
  }

  private static String configText(Path dir, String key) {
    return read(dir.resolve("config.cfg"))
        .lines()
        .map(String::strip)
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(key.toLowerCase(Locale.ROOT)))
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + "/config.cfg: no " + key));
  }

  private static int config(Path dir, String key) {
    return Integer.parseInt(configText(dir, key));
  }
}
