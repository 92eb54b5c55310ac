package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.ContractSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One compatibility check: the working contracts, the baselines, and the modes.
 *
 * @param current the working contracts
 * @param baselines earlier versions, oldest first; the last is the one a non-transitive mode compares with. Empty
 *     means there is nothing to compare with (a first release): every contract is reported as added
 * @param defaultMode the mode of contracts without their own
 * @param modes per-contract modes, keyed by subject ({@code ticket:created}), contract name ({@code OrderStatus}) or
 *     bundle path ({@code order-status.json})
 * @param baseDirectory file names in messages and reports are shown relative to it ({@code null}: as loaded)
 */
public record CheckRequest(ContractSet current, List<Baseline> baselines, CompatibilityMode defaultMode,
    Map<String, CompatibilityMode> modes, Path baseDirectory) {

  public CheckRequest {
    Objects.requireNonNull(current, "current");
    baselines = List.copyOf(baselines);
    defaultMode = defaultMode == null ? CompatibilityMode.BACKWARD : defaultMode;
    modes = Map.copyOf(modes);
  }
}
