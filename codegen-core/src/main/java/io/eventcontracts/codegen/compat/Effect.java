package io.eventcontracts.codegen.compat;

/**
 * What a change does to the set of valid payloads, and so which readers it breaks.
 *
 * <p>BACKWARD asks whether every payload valid under the baseline stays valid under the new contract (new consumers
 * read old events); FORWARD asks the reverse (old consumers read new events).
 */
public enum Effect {
  /** The set of valid payloads is unchanged (documentation, a renamed reference to an equal type). */
  NONE(true, true),
  /** More payloads are valid: new readers accept old events; old readers may refuse new ones. */
  WIDENS(true, false),
  /** Fewer payloads are valid: old readers accept new events; new readers may refuse old ones. */
  NARROWS(false, true),
  /** Neither set contains the other. */
  BREAKS(false, false);

  private final boolean backwardCompatible;
  private final boolean forwardCompatible;

  Effect(boolean backwardCompatible, boolean forwardCompatible) {
    this.backwardCompatible = backwardCompatible;
    this.forwardCompatible = forwardCompatible;
  }

  public boolean backwardCompatible() {
    return backwardCompatible;
  }

  public boolean forwardCompatible() {
    return forwardCompatible;
  }

  /** The effect with these two verdicts. */
  public static Effect of(boolean backwardCompatible, boolean forwardCompatible) {
    if (backwardCompatible) {
      return forwardCompatible ? NONE : WIDENS;
    }
    return forwardCompatible ? NARROWS : BREAKS;
  }

  /** Both changes together: compatible in a direction only when both are. */
  public Effect and(Effect other) {
    return of(backwardCompatible && other.backwardCompatible, forwardCompatible && other.forwardCompatible);
  }

  /** The effect seen from the other side (old and new swapped). */
  public Effect reversed() {
    return of(forwardCompatible, backwardCompatible);
  }
}
