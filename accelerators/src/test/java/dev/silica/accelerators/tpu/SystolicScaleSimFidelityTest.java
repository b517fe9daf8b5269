package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.testkit.TestData;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.scalesim.ScaleSimTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytical tier against every SCALE-Sim v2 reference run in {@code
 * shared/refs/scalesim/cases} (config.cfg + topology.csv in, COMPUTE_REPORT.csv out; all CALC
 * mode): per layer, total cycles and stall cycles must be equal, and overall utilization, mapping
 * efficiency and compute utilization equal to 1e-9 relative (SCALE-Sim prints them as float64
 * percentages). The formulas are in {@link SystolicArrayModel}'s design comment; no layer of these
 * runs needs an explained difference, so none is allowed. The SRAM access counts of
 * DETAILED_ACCESS_REPORT.csv must match too, except SCALE-Sim's OS phantom OFMAP writes, whose
 * number is asserted. A comparison table goes to stdout.
 */
class SystolicScaleSimFidelityTest {
  private static final double REL = 1e-9;
  private static final List<String> SUMMARY = new ArrayList<>();

  /** One COMPUTE_REPORT.csv row. */
  record Report(
      int layer,
      long totalCycles,
      long stallCycles,
      double overall,
      double mapping,
      double compute) {}

  static Path refs() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/refs/scalesim");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    String message = "shared/refs/scalesim not found in " + start + " or any parent";
    if (TestData.isCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
    return start;
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(refs().resolve("cases"))) {
      List<Path> found =
          s.filter(d -> Files.isRegularFile(d.resolve("COMPUTE_REPORT.csv"))).sorted().toList();
      assertThat(found).as("reference cases").isNotEmpty();
      return found.stream();
    }
  }

  /** The SRAM columns of one DETAILED_ACCESS_REPORT.csv row. */
  record Access(long ifmapReads, long filterReads, long ofmapWrites) {}

  static List<Access> readAccess(Path csv) {
    try {
      List<Access> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(csv);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        out.add(
            new Access(
                Long.parseLong(f[3].strip()),
                Long.parseLong(f[6].strip()),
                Long.parseLong(f[9].strip())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Report> readReport(Path csv) {
    try {
      List<Report> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(csv);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        out.add(
            new Report(
                Integer.parseInt(f[0].strip()),
                Long.parseLong(f[1].strip()),
                Long.parseLong(f[2].strip()),
                Double.parseDouble(f[3].strip()),
                Double.parseDouble(f[4].strip()),
                Double.parseDouble(f[5].strip())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyLayerMatchesScaleSim(Path dir) throws IOException {
    SystolicArrayConfig cfg = ScaleSimConfig.read(dir.resolve("config.cfg"));
    String type = Files.readString(dir.resolve("type")).strip();
    Graph g =
        type.equals("gemm")
            ? ScaleSimTopology.readGemm(dir.resolve("topology.csv"))
            : ScaleSimTopology.readConv(dir.resolve("topology.csv"));
    SystolicArrayModel model = new SystolicArrayModel(cfg);
    RunResult run = SimInvariants.check(model.run(g));
    List<LayerAnalysis> analysis = model.analyze(g);
    List<Report> reports = readReport(dir.resolve("COMPUTE_REPORT.csv"));
    List<Access> access = readAccess(dir.resolve("DETAILED_ACCESS_REPORT.csv"));
    assertThat(run.layers()).hasSameSizeAs(reports);
    assertThat(access).hasSameSizeAs(reports);
    int sramExact = 0;
    int sramExplained = 0;

    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%n%s (%dx%d %s)%n%-8s %10s %10s %6s %6s %9s %9s %9s %9s %9s %9s%n",
            dir.getFileName(),
            cfg.rows(),
            cfg.cols(),
            cfg.dataflow(),
            "layer",
            "ss_cycles",
            "cycles",
            "ss_stl",
            "stall",
            "ss_ovr%",
            "ovr%",
            "ss_map%",
            "map%",
            "ss_cmp%",
            "cmp%"));
    int exact = 0;
    int within1 = 0;
    for (int i = 0; i < reports.size(); i++) {
      Report want = reports.get(i);
      LayerResult got = run.layers().get(i);
      LayerAnalysis a = analysis.get(i);
      double overall = 100 * got.utilization();
      double mapping = 100 * a.mappingEfficiency();
      double compute = 100 * a.computeUtilization();
      table.append(
          String.format(
              Locale.ROOT,
              "%-8s %10d %10d %6d %6d %9.5f %9.5f %9.5f %9.5f %9.5f %9.5f%n",
              got.node(),
              want.totalCycles(),
              got.cycles(),
              want.stallCycles(),
              got.cycles(LayerResult.MEMORY_STALL),
              want.overall(),
              overall,
              want.mapping(),
              mapping,
              want.compute(),
              compute));
      boolean same =
          want.totalCycles() == got.cycles()
              && want.stallCycles() == got.cycles(LayerResult.MEMORY_STALL)
              && close(want.overall(), overall)
              && close(want.mapping(), mapping)
              && close(want.compute(), compute);
      if (same) {
        exact++;
      } else if (Math.abs(got.cycles() - want.totalCycles()) <= 0.01 * want.totalCycles()) {
        within1++;
      }
      String at = dir.getFileName() + " layer " + want.layer() + " (" + got.node() + ")";
      assertThat(got.cycles()).as(at + " total cycles").isEqualTo(want.totalCycles());
      assertThat(got.cycles(LayerResult.MEMORY_STALL))
          .as(at + " stall cycles")
          .isEqualTo(want.stallCycles());
      assertClose(at + " overall util %", want.overall(), overall);
      assertClose(at + " mapping efficiency %", want.mapping(), mapping);
      assertClose(at + " compute util %", want.compute(), compute);
      // the cycle breakdown's stream part is the ideal time of the folds
      assertThat(a.computeCycles() + a.fillDrainCycles()).isEqualTo(want.totalCycles());

      // SRAM accesses (DETAILED_ACCESS_REPORT.csv): IFMAP and FILTER reads exact; OFMAP writes
      // exact for WS and IS. OS: SCALE-Sim adds R + C phantom writes per fold
      // (create_ofmap_demand_mat's `ofmap_writes += shape[0] + shape[1]`, model-notes §5), which
      // the model does not count: the difference must be exactly folds * (R + C).
      Access sram = access.get(i);
      assertThat(a.ifmapSramReads()).as(at + " IFMAP SRAM reads").isEqualTo(sram.ifmapReads());
      assertThat(a.filterSramReads()).as(at + " FILTER SRAM reads").isEqualTo(sram.filterReads());
      long phantom = cfg.dataflow() == Dataflow.OS ? a.folds() * (cfg.rows() + cfg.cols()) : 0;
      assertThat(a.ofmapSramWrites() + phantom)
          .as(at + " OFMAP SRAM writes (+ OS phantom writes)")
          .isEqualTo(sram.ofmapWrites());
      if (phantom == 0) {
        sramExact++;
      } else {
        sramExplained++;
      }
    }
    System.out.print(table);
    SUMMARY.add(
        String.format(
            Locale.ROOT,
            "%-32s layers %2d  cycles+utilization: exact %2d, within 1%% %d, explained 0;"
                + "  SRAM counts: exact %2d, explained (OS phantom writes) %2d",
            dir.getFileName(),
            reports.size(),
            exact,
            within1,
            sramExact,
            sramExplained));
  }

  @AfterAll
  static void printSummary() {
    if (!SUMMARY.isEmpty()) {
      System.out.println();
      System.out.println("SCALE-Sim v2 fidelity (analytical tier, SCALESIM_V2 timing):");
      SUMMARY.forEach(System.out::println);
    }
  }

  @Test
  void referenceConfigsReadAsTheirPresetsDo() throws IOException {
    // the 128x128 runs use scale.cfg's SRAMs (64/64/64 kB, CALC) on a bigger array
    Path dir =
        cases()
            .filter(d -> d.getFileName().toString().contains("s32_os"))
            .findFirst()
            .orElseThrow();
    SystolicArrayConfig cfg = ScaleSimConfig.read(dir.resolve("config.cfg"));
    SystolicArrayConfig scale = SystolicArrayConfig.preset("scalesim-scale");
    assertThat(cfg.withName(scale.name())).isEqualTo(scale);
  }

  private static boolean close(double want, double got) {
    return Math.abs(want - got) <= REL * Math.max(1.0, Math.abs(want));
  }

  private static void assertClose(String what, double want, double got) {
    assertThat(close(want, got))
        .as("%s: SCALE-Sim %s, model %s (rel diff %.3g)", what, want, got, (got - want) / want)
        .isTrue();
  }
}
