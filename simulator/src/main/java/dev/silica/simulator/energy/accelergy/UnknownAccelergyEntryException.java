package dev.silica.simulator.energy.accelergy;

/**
 * A component, action or argument set that an Accelergy ERT or ART does not have. The message names
 * what was asked for and lists the closest names the table does have.
 */
public final class UnknownAccelergyEntryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownAccelergyEntryException(String message) {
    super(message);
  }
}
