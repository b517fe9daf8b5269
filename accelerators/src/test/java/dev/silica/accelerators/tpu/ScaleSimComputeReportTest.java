package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.scalesim.ScaleSimTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCALE-Sim-compatible per-layer CSV against SCALE-Sim v2's own COMPUTE_REPORT.csv of every
 * reference run in shared/refs/scalesim/cases: the same header for the first six columns, and per
 * layer the same LayerID, total and stall cycles, and the three utilizations to 1e-9 relative (as
 * parsed back from our text).
 */
class ScaleSimComputeReportTest {
  static java.util.stream.Stream<Path> cases() throws IOException {
    return SystolicScaleSimFidelityTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstColumnsReproduceScaleSimsComputeReport(Path dir) throws IOException {
    SystolicArrayConfig cfg = ScaleSimConfig.read(dir.resolve("config.cfg"));
    Graph g =
        Files.readString(dir.resolve("type")).strip().equals("gemm")
            ? ScaleSimTopology.readGemm(dir.resolve("topology.csv"))
            : ScaleSimTopology.readConv(dir.resolve("topology.csv"));
    String csv = ScaleSimComputeReport.csv(new SystolicArrayModel(cfg).analyze(g));
    List<String> ours = csv.lines().toList();
    List<String> theirs =
        Files.readAllLines(dir.resolve("COMPUTE_REPORT.csv")).stream()
            .filter(l -> !l.isBlank())
            .toList();
    assertThat(ours.get(0)).startsWith(theirs.get(0).strip());
    assertThat(ours).hasSameSizeAs(theirs);
    for (int i = 1; i < theirs.size(); i++) {
      String[] want = theirs.get(i).split(",");
      String[] got = ours.get(i).split(",");
      String at = dir.getFileName() + " row " + i;
      for (int c = 0; c < 3; c++) {
        assertThat(got[c].strip()).as(at + " column " + c).isEqualTo(want[c].strip());
      }
      for (int c = 3; c < 6; c++) {
        double w = Double.parseDouble(want[c].strip());
        double v = Double.parseDouble(got[c].strip());
        assertThat(Math.abs(v - w))
            .as(at + " column " + c)
            .isLessThanOrEqualTo(1e-9 * Math.max(1, w));
      }
    }
  }
}
