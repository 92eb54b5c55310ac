package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import java.util.List;

/**
 * One set of compatibility rules: compares a baseline contract with the working one and names every change.
 *
 * <p>{@link ModelRules} reads only the format-neutral model and applies to every contract. A format adds its own
 * set for facts only its wire form has (Protobuf: field numbers, {@code reserved}, {@code json_name}, packages);
 * the checker runs every set that {@link #appliesTo applies} and joins their changes.
 */
public interface CompatibilityRules {

  /** True when this set has something to say about this pair (e.g. both contracts are Protobuf). */
  boolean appliesTo(Contract baseline, Contract current);

  /**
   * The changes from {@code baseline} to {@code current}.
   *
   * @param baselineSet the baseline's contract set, to resolve its references
   * @param currentSet the working contract set, to resolve its references
   */
  List<Change> compare(Contract baseline, ContractSet baselineSet, Contract current, ContractSet currentSet);
}
