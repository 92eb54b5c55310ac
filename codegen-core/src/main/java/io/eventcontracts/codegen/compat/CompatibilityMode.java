package io.eventcontracts.codegen.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * Which readers a contract change must not break, as in Confluent Schema Registry.
 *
 * <ul>
 *   <li>{@link #BACKWARD}: consumers on the new contract read events written with the baseline (new ⊇ old);</li>
 *   <li>{@link #FORWARD}: consumers still on the baseline read events written with the new contract (old ⊇ new);</li>
 *   <li>{@link #FULL}: both;</li>
 *   <li>{@code *_TRANSITIVE}: the same against every earlier released version of the same major, not only the
 *       latest;</li>
 *   <li>{@link #NONE}: changes are reported, never refused.</li>
 * </ul>
 */
public enum CompatibilityMode {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** True when new consumers must read old events. */
  public boolean backward() {
    return backward;
  }

  /** True when old consumers must read new events. */
  public boolean forward() {
    return forward;
  }

  /** True when every earlier version of the same major is compared, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** True when a change with these verdicts is allowed under this mode. */
  public boolean allows(boolean backwardCompatible, boolean forwardCompatible) {
    return (!backward || backwardCompatible) && (!forward || forwardCompatible);
  }

  /** The mode of a name, case-insensitive, {@code -} accepted for {@code _} ({@code full-transitive}). */
  public static Optional<CompatibilityMode> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (CompatibilityMode m : values()) {
      if (m.name().equals(n)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
