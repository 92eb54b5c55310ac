package io.eventcontracts.codegen.compat;

/**
 * A baseline could not be read. {@link #missing()} tells a baseline that does not exist (not a git working tree, a
 * ref a shallow clone lacks, no earlier release) from one that exists but is broken; callers may let the former pass
 * with a warning ({@code failOnMissingBaseline=false}), never the latter.
 */
public class BaselineException extends RuntimeException {

  private final boolean missing;

  public BaselineException(String message, boolean missing) {
    super(message);
    this.missing = missing;
  }

  /** True when there is no such baseline (as opposed to a broken one). */
  public boolean missing() {
    return missing;
  }
}
