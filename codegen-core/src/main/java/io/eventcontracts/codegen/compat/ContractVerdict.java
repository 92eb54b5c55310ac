package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.SourceLocation;
import java.util.List;

/**
 * What the check found for one contract.
 *
 * @param key the subject of an event, the name of a type
 * @param file the contract's bundle path ({@code ticket-created.json})
 * @param location the contract file in the working tree (for a removed contract: where it was)
 * @param baselineVersion the major version in the latest baseline, 0 when the contract is new
 * @param currentVersion the major version now, 0 when the contract was removed
 * @param mode the mode that applies to it
 * @param changes the changes against the latest baseline holding it
 * @param violations what breaks the mode, one formatted line each ({@code file:line: what; what to do}); empty when
 *     the contract passes
 * @param note how the versioning policy decided ({@code "major 1 -> 2: breaking changes accepted"}), or {@code ""}
 */
public record ContractVerdict(String key, String file, SourceLocation location, int baselineVersion,
    int currentVersion, CompatibilityMode mode, List<Change> changes, List<String> violations, String note) {

  public ContractVerdict {
    changes = List.copyOf(changes);
    violations = List.copyOf(violations);
    note = note == null ? "" : note;
  }

  /** True when every change is backward compatible. */
  public boolean backwardCompatible() {
    return ModelRules.effectOf(changes).backwardCompatible();
  }

  /** True when every change is forward compatible. */
  public boolean forwardCompatible() {
    return ModelRules.effectOf(changes).forwardCompatible();
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** The key of a contract: its subject for an event, its name for a type. */
  static String keyOf(Contract c) {
    return c.isEvent() ? c.subject() : c.name();
  }
}
