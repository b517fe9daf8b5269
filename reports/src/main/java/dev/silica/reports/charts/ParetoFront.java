package dev.silica.reports.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The points no other point beats on both coordinates, both minimized. */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * The non-dominated points, sorted by x (ties by y). A point is dominated when another is no
   * worse in both x and y and better in one; duplicates are all kept. NaN coordinates are skipped.
   */
  public static List<NamedPoint> of(List<NamedPoint> points) {
    List<NamedPoint> out = new ArrayList<>();
    for (NamedPoint p : points) {
      if (Double.isNaN(p.x()) || Double.isNaN(p.y())) {
        continue;
      }
      boolean dominated = false;
      for (NamedPoint q : points) {
        if (q.x() <= p.x() && q.y() <= p.y() && (q.x() < p.x() || q.y() < p.y())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingDouble(NamedPoint::x).thenComparingDouble(NamedPoint::y));
    return out;
  }
}
