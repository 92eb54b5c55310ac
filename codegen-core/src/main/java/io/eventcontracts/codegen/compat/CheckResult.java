package io.eventcontracts.codegen.compat;

import java.util.List;

/**
 * The outcome of a check.
 *
 * @param baselines the labels of the baselines compared, oldest first (empty: nothing to compare with)
 * @param defaultMode the global mode
 * @param contracts one verdict per contract (working ones in bundle-path order, then removed ones)
 */
public record CheckResult(List<String> baselines, CompatibilityMode defaultMode, List<ContractVerdict> contracts) {

  public CheckResult {
    baselines = List.copyOf(baselines);
    contracts = List.copyOf(contracts);
  }

  /** Every violation, one line each, in contract order. */
  public List<String> violations() {
    return contracts.stream().flatMap(c -> c.violations().stream()).toList();
  }

  public boolean passed() {
    return contracts.stream().allMatch(ContractVerdict::passed);
  }
}
