package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ComponentKind;
import java.util.List;
import java.util.Optional;

/**
 * Silica tables built from an Accelergy ERT and ART through an {@link AccelergyMapping}, together
 * with the binding of each Silica key to its Accelergy entry (which {@link
 * AccelergyBreakdown#inAccelergyTerms} needs to put counts back into Accelergy's names).
 *
 * @param tables the Silica energy and area tables
 * @param mapping the mapping they were built with
 * @param ert the energy reference table read
 * @param art the area reference table read, or {@code null} when the mapping names none
 * @param energy one binding per mapped Silica action, in mapping order
 * @param area one binding per mapped Silica component kind, in mapping order
 */
public record AccelergyTableSet(
    EnergyTableSet tables,
    AccelergyMapping mapping,
    Ert ert,
    Art art,
    List<BoundAction> energy,
    List<BoundArea> area) {

  /**
   * A Silica action and the ERT entry that prices it.
   *
   * @param action the Silica action
   * @param entry the ERT entry (component, action, arguments, pJ per Accelergy action)
   * @param countPerAction Silica actions per Accelergy action
   * @param pjEach pJ per Silica action: {@code entry.energyPj() / countPerAction}
   * @param source the provenance string the Silica table entry carries
   */
  public record BoundAction(
      Action action, Ert.Entry entry, long countPerAction, double pjEach, String source) {}

  /**
   * A Silica component kind and the ART entry that gives its area.
   *
   * @param kind the Silica component kind
   * @param entry the ART entry
   * @param source the provenance string the Silica table entry carries
   */
  public record BoundArea(ComponentKind kind, Art.Entry entry, String source) {}

  public AccelergyTableSet {
    energy = List.copyOf(energy);
    area = List.copyOf(area);
  }

  /** The binding of {@code action}, if the mapping has one. */
  public Optional<BoundAction> bound(Action action) {
    return energy.stream().filter(b -> b.action().equals(action)).findFirst();
  }
}
