package dev.silica.simulator.result;

/**
 * The model cannot run the graph, and why.
 *
 * @param reason one line naming the layer and the limit, e.g. {@code layer conv5: weight tile
 *     294912 B exceeds weight SRAM 262144 B}
 */
public record Infeasible(String reason) implements Feasibility {
  public Infeasible {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an infeasible verdict must give its reason");
    }
  }

  @Override
  public String toString() {
    return "Infeasible[" + reason + "]";
  }
}
