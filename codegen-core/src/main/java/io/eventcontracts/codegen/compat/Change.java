package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.SourceLocation;
import java.util.Objects;

/**
 * One difference between a baseline contract and the working one.
 *
 * @param kind the named rule
 * @param path the element, dot-separated from the contract root ({@code ticket.price}, {@code items[]},
 *     {@code payment<card>.amount}); {@code ""} for the contract itself
 * @param oldValue the baseline's value in a short form ({@code "integer, minimum 0"}), or {@code null} when absent
 * @param newValue the working contract's value, or {@code null} when absent
 * @param effect which readers it breaks
 * @param location where to look: the element in the working contract, or (for a removal) its parent
 */
public record Change(ChangeKind kind, String path, String oldValue, String newValue, Effect effect,
    SourceLocation location) {

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(effect, "effect");
    path = path == null ? "" : path;
  }

  /** {@code ticket.price: MINIMUM_NARROWED (0 -> 1)}. */
  public String summary() {
    String what = (path.isEmpty() ? "" : path + ": ") + kind.name();
    if (oldValue != null || newValue != null) {
      what += " (" + (oldValue == null ? "absent" : oldValue) + " -> " + (newValue == null ? "absent" : newValue)
          + ")";
    }
    return what;
  }
}
