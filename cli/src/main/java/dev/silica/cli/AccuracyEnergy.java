package dev.silica.cli;

import dev.silica.accelerators.eie.EieConfig;
import dev.silica.accelerators.eie.EieModel;
import dev.silica.accelerators.eie.LayerDensity;
import dev.silica.accelerators.tpu.OperandDensity;
import dev.silica.accelerators.tpu.OperandFormat;
import dev.silica.accelerators.tpu.SystolicArrayConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.explore.ParetoFront;
import dev.silica.reports.charts.ChartImage;
import dev.silica.reports.charts.Charts;
import dev.silica.reports.charts.NamedPoint;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.train.AccuracyStudies;
import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.HardwareVariants;
import dev.silica.workloads.train.LayerDensities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy against energy per inference: each variant of a trained classifier ({@link
 * HardwareVariants}) is evaluated on the test set and simulated on a TPU-style systolic array and
 * on EIE, with the densities measured on the same test images.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li><b>Accuracy</b>: the variant's top-1 accuracy on the test set ({@link
 *       AccuracyStudies#accuracy}).
 *   <li><b>Densities</b> ({@link LayerDensities}): per conv/FC node, the non-zero fraction of its
 *       input activation over the test images and of its weights.
 *   <li><b>Systolic array</b>: the {@value #TPU_PRESET} preset with all three operand formats set
 *       to the variant's arithmetic ({@link HardwareVariants}: int8, fp16, bf16 or fp32),
 *       analytical tier, the whole network (convolutions and FC layers as im2col products, the rest
 *       on the activation pipeline), zero gating on every conv/FC node with its measured densities
 *       ({@link SystolicArrayModel#withOperandDensities}; gated MACs cost no datapath energy,
 *       everything else is charged densely). The ungated energy is reported beside it.
 *   <li><b>EIE</b>: the {@code eie-64} configuration on the FC nodes only (LeNet-5's {@code f6} and
 *       {@code output}); convolutions, pooling and tanh are not EIE's domain and are left out, so
 *       EIE's energy is that of the FC layers alone and is not comparable to the systolic array's
 *       whole-network figure. Each FC node runs with its measured weight and input densities in
 *       place of the plan's assumed ones ({@link EieModel#withDensities}). EIE's datapath is fixed
 *       (4-bit codebook indexes, 16-bit fixed-point activations and arithmetic), so the variant's
 *       weight width does not change EIE's energy; only its densities do.
 *   <li><b>Front</b>: per model, the variants no other variant beats on both accuracy (higher) and
 *       energy (lower), by explore's {@link ParetoFront#indices}.
 * </ul>
 */
final class AccuracyEnergy {
  private AccuracyEnergy() {}

  /** The systolic preset the study runs on. */
  static final String TPU_PRESET = "tpu-v1";

  /** One variant's measurements. */
  record Point(
      String variant,
      int weightBits,
      String arithmetic,
      double accuracy,
      double tpuEnergyPj,
      double tpuUngatedEnergyPj,
      double eieFcEnergyPj,
      List<LayerDensities.Layer> layers,
      boolean tpuFront,
      boolean eieFront) {
    Point withFronts(boolean tpu, boolean eie) {
      return new Point(
          variant,
          weightBits,
          arithmetic,
          accuracy,
          tpuEnergyPj,
          tpuUngatedEnergyPj,
          eieFcEnergyPj,
          layers,
          tpu,
          eie);
    }
  }

  /** Measures every variant on {@code test} and marks the two fronts. */
  static List<Point> measure(List<HardwareVariants.Variant> variants, Dataset test, int threads) {
    List<Point> points = new ArrayList<>();
    for (HardwareVariants.Variant v : variants) {
      double acc = AccuracyStudies.accuracy(v.net(), test, threads);
      List<LayerDensities.Layer> layers = LayerDensities.measure(v.net(), test);
      Graph g = v.net().graph();
      SystolicArrayModel tpu = tpu(v.arithmetic());
      double ungated = energy(tpu.run(g));
      double gated = energy(tpu.withOperandDensities(operandDensities(layers)).run(g));
      double eie = energy(eie(layers).run(g, RunOptions.defaults()));
      points.add(
          new Point(
              v.name(),
              v.weightBits(),
              v.arithmetic(),
              acc,
              gated,
              ungated,
              eie,
              layers,
              false,
              false));
    }
    boolean[] tpuFront = front(points, true);
    boolean[] eieFront = front(points, false);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      out.add(points.get(i).withFronts(tpuFront[i], eieFront[i]));
    }
    return out;
  }

  /** The systolic model of the study in {@code arithmetic}. */
  static SystolicArrayModel tpu(String arithmetic) {
    OperandFormat f = OperandFormat.valueOf(arithmetic.toUpperCase(Locale.ROOT));
    return new SystolicArrayModel(SystolicArrayConfig.preset(TPU_PRESET).withFormats(f, f, f));
  }

  /** Zero-gating densities by node for the systolic model. */
  static Map<String, OperandDensity> operandDensities(List<LayerDensities.Layer> layers) {
    Map<String, OperandDensity> m = new LinkedHashMap<>();
    for (LayerDensities.Layer l : layers) {
      m.put(l.node(), new OperandDensity(l.inputDensity(), l.weightDensity()));
    }
    return m;
  }

  /** EIE on the FC nodes of {@code layers}, with their measured densities. */
  static EieModel eie(List<LayerDensities.Layer> layers) {
    Map<String, LayerDensity> m = new LinkedHashMap<>();
    List<String> fc = new ArrayList<>();
    for (LayerDensities.Layer l : layers) {
      if (l.kind().equals("fc")) {
        fc.add(l.node());
        m.put(l.node(), new LayerDensity(l.weightDensity(), l.inputDensity()));
      }
    }
    return new EieModel(EieConfig.eie64()).withLayers(fc).withDensities(m);
  }

  /** EIE on the same FC nodes with the plan's assumed densities (for comparison). */
  static EieModel eieAssumed(List<LayerDensities.Layer> layers) {
    return new EieModel(EieConfig.eie64())
        .withLayers(layers.stream().filter(l -> l.kind().equals("fc")).map(l -> l.node()).toList());
  }

  static double energy(RunResult r) {
    if (r.feasibility() instanceof Infeasible inf) {
      throw new CliException("pareto: " + r.accelerator() + " cannot run it: " + inf.reason());
    }
    return r.energyPj();
  }

  private static boolean[] front(List<Point> points, boolean tpu) {
    double[][] costs = new double[points.size()][];
    for (int i = 0; i < costs.length; i++) {
      Point p = points.get(i);
      costs[i] = new double[] {tpu ? p.tpuEnergyPj() : p.eieFcEnergyPj(), -p.accuracy()};
    }
    boolean[] on = new boolean[points.size()];
    for (int i : ParetoFront.indices(costs)) {
      on[i] = true;
    }
    return on;
  }

  /** {@code pareto.csv}: one row per variant. */
  static String csv(List<Point> points) {
    StringBuilder s =
        new StringBuilder(
            "variant,weight_bits,tpu_arithmetic,accuracy_pct,tpu_energy_per_inference_pj,"
                + "tpu_ungated_energy_per_inference_pj,eie_fc_energy_per_inference_pj,"
                + "on_front_tpu,on_front_eie\n");
    for (Point p : points) {
      s.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%.2f,%.1f,%.1f,%.1f,%b,%b%n",
              p.variant(),
              p.weightBits(),
              p.arithmetic(),
              100 * p.accuracy(),
              p.tpuEnergyPj(),
              p.tpuUngatedEnergyPj(),
              p.eieFcEnergyPj(),
              p.tpuFront(),
              p.eieFront()));
    }
    return s.toString();
  }

  /** {@code pareto-densities.csv}: the measured densities of each variant's conv/FC nodes. */
  static String densitiesCsv(List<Point> points) {
    StringBuilder s = new StringBuilder("variant,node,kind,input_density,weight_density\n");
    for (Point p : points) {
      for (LayerDensities.Layer l : p.layers()) {
        s.append(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%.6f,%.6f%n",
                p.variant(),
                l.node(),
                l.kind(),
                l.inputDensity(),
                l.weightDensity()));
      }
    }
    return s.toString();
  }

  /**
   * Writes {@code pareto.csv}, {@code pareto-densities.csv} and the two scatter charts ({@code
   * pareto.png}/{@code .svg} for the systolic array, {@code pareto-eie.png}/{@code .svg} for EIE's
   * FC layers) into {@code dir}.
   */
  static List<Path> write(Path dir, List<Point> points) {
    try {
      Files.createDirectories(dir);
      List<Path> files = new ArrayList<>();
      files.add(Files.writeString(dir.resolve("pareto.csv"), csv(points), StandardCharsets.UTF_8));
      files.add(
          Files.writeString(
              dir.resolve("pareto-densities.csv"), densitiesCsv(points), StandardCharsets.UTF_8));
      files.addAll(
          chart(
              dir,
              "pareto",
              "Accuracy vs energy per inference, " + TPU_PRESET + " systolic array (zero-gated)",
              "energy per inference, whole network (µJ)",
              points,
              true));
      files.addAll(
          chart(
              dir,
              "pareto-eie",
              "Accuracy vs energy per inference, EIE (FC layers only)",
              "energy per inference, FC layers (nJ)",
              points,
              false));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> chart(
      Path dir, String name, String title, String xLabel, List<Point> points, boolean tpu)
      throws IOException {
    List<NamedPoint> all = plotted(points, tpu, false);
    List<NamedPoint> front = plotted(points, tpu, true);
    var chart = Charts.pareto(title, xLabel, "top-1 test accuracy (%)", all, front);
    Path png = ChartImage.png(chart, 1000, 640, dir.resolve(name + ".png"));
    Path svg =
        Files.writeString(
            dir.resolve(name + ".svg"),
            ChartImage.svg(chart, 1000, 640, name),
            StandardCharsets.UTF_8);
    return List.of(png, svg);
  }

  /**
   * The chart's points (all, or the front only): energy in the axis' unit, µJ for the systolic
   * array and nJ for EIE's FC layers (the points carry pJ), accuracy in %.
   */
  static List<NamedPoint> plotted(List<Point> points, boolean tpu, boolean frontOnly) {
    double pjPerUnit = tpu ? 1e6 : 1e3;
    List<NamedPoint> out = new ArrayList<>();
    for (Point p : points) {
      if (!frontOnly || (tpu ? p.tpuFront() : p.eieFront())) {
        out.add(
            new NamedPoint(
                p.variant(),
                (tpu ? p.tpuEnergyPj() : p.eieFcEnergyPj()) / pjPerUnit,
                100 * p.accuracy()));
      }
    }
    return out;
  }
}
