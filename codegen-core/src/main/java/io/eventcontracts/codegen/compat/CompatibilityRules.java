package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import java.util.ArrayList;
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

  /**
   * Joins this set's changes with those the sets before it found (the model rules run first). By default the
   * changes are appended; a set that names a fact more precisely than an earlier set may drop the earlier set's
   * changes that describe the same fact (see {@link ProtobufWireRules}), so each fact is reported once.
   *
   * @param earlier the changes of the sets that ran before, in order
   */
  default List<Change> join(List<Change> earlier, Contract baseline, ContractSet baselineSet, Contract current,
      ContractSet currentSet) {
    List<Change> out = new ArrayList<>(earlier);
    out.addAll(compare(baseline, baselineSet, current, currentSet));
    return out;
  }
}
