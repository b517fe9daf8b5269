package dev.silica.simulator.result;

/** The model can run the graph. */
public record Feasible() implements Feasibility {
  static final Feasible INSTANCE = new Feasible();

  @Override
  public String toString() {
    return "Feasible";
  }
}
