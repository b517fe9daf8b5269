package dev.silica.simulator.energy;

/**
 * No table consulted can price an action or component. The message lists the tables consulted, why
 * each declined, and the nearest keys they do have. A configuration error (a model emitting an
 * action its energy table lacks), not a simulator bug.
 */
public final class MissingEntryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MissingEntryException(String message) {
    super(message);
  }
}
