import dev.silica.explore.AcceleratorEvaluator;
import dev.silica.explore.DesignPoint;
import dev.silica.explore.PointResult;
import dev.silica.explore.Study;
import dev.silica.explore.SweepReportWriter;
import dev.silica.explore.spec.Objective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An adaptive search a sweep file cannot express: pattern search for the systolic array shape and
 * dataflow with the lowest energy-delay product (energy_pj x time_s) on a zoo model, starting from
 * a 64 x 64 array of the TPU v1 configuration.
 *
 * <p>Rows and columns move on a log2 grid (8 to 512). Each round evaluates the 3 x 3 neighbourhood
 * of the current shape at the current step (in log2 units) under every dataflow; the search moves
 * to the best neighbour, or halves the step when the centre is best, and stops when the step
 * reaches zero. Every point is evaluated once (the study remembers results, also across reruns via
 * its JSON Lines file), and the whole trail is written as a sweep report with its Pareto chart.
 *
 * <p>Run: {@code ./silica script scripts/AdaptiveArraySearch.java [MODEL] [OUT_DIR]} (defaults
 * resnet50 and silica-out/adaptive).
 */
public class AdaptiveArraySearch {
  static final String[] DATAFLOWS = {"os", "ws", "is"};
  static final int MIN_LOG2 = 3;
  static final int MAX_LOG2 = 9;

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "resnet50";
    Path out = Path.of(args.length > 1 ? args[1] : "silica-out/adaptive");
    AcceleratorEvaluator eval = AcceleratorEvaluator.onZoo("tpu-v1", model);
    int threads = Runtime.getRuntime().availableProcessors();
    try (Study study = Study.of(eval, out.resolve("adaptive-" + model + ".jsonl"), threads)) {
      int rows = 6; // log2 of 64
      int cols = 6;
      int step = 2;
      int round = 0;
      PointResult best = null;
      while (step > 0) {
        List<DesignPoint> candidates = new ArrayList<>();
        for (int dr = -step; dr <= step; dr += step) {
          for (int dc = -step; dc <= step; dc += step) {
            int r = rows + dr;
            int c = cols + dc;
            if (r < MIN_LOG2 || r > MAX_LOG2 || c < MIN_LOG2 || c > MAX_LOG2) {
              continue;
            }
            for (String df : DATAFLOWS) {
              candidates.add(
                  DesignPoint.of("array.rows", 1 << r, "array.cols", 1 << c, "array.dataflow", df));
            }
          }
        }
        PointResult roundBest =
            study.evaluate(candidates).stream()
                .filter(PointResult::feasible)
                .min(Comparator.comparingDouble(AdaptiveArraySearch::edp))
                .orElseThrow(() -> new IllegalStateException("no feasible neighbour"));
        int r = Integer.numberOfTrailingZeros((int) roundBest.point().number("array.rows"));
        int c = Integer.numberOfTrailingZeros((int) roundBest.point().number("array.cols"));
        System.out.printf(
            Locale.ROOT,
            "round %d: step %d, best %s  energy-delay %.4g pJ*s%n",
            ++round,
            step,
            roundBest.point(),
            edp(roundBest));
        if (r == rows && c == cols) {
          step /= 2;
        } else {
          rows = r;
          cols = c;
        }
        best = roundBest;
      }
      System.out.printf(
          Locale.ROOT,
          "best for %s: %s, %.4g s, %.4g pJ, %d points evaluated%n",
          model,
          best.point(),
          best.metric("time_s"),
          best.metric("energy_pj"),
          study.results().size());
      SweepReportWriter.Output o =
          SweepReportWriter.write(
              study.report(
                  "adaptive-" + model, Objective.minimize("time_s"), Objective.minimize("energy_pj")),
              out,
              "adaptive-" + model);
      System.out.println("wrote " + o.html() + " and " + o.csv());
    }
  }

  static double edp(PointResult r) {
    return r.metric("energy_pj") * r.metric("time_s");
  }
}
