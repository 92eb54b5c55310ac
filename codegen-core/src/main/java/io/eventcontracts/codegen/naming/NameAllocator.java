package io.eventcontracts.codegen.naming;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one name-allocation rule of every naming pass (Java classes in {@link JavaNaming}, TypeScript types in
 * {@code io.eventcontracts.codegen.typescript.TypeScriptNaming}), after Square's {@code NameAllocator}: the first
 * claim of a name gets it; a later claim gets the next free numbered suffix ({@code User2}, {@code User3}, …) and is
 * reported once as a lint finding naming the first owner. Names within one scope (fields of a class, constants of an
 * enum, members of {@code Subjects}) use {@link #firstFree}, the same counting without findings.
 */
public final class NameAllocator {

  private final String kind;
  private final Map<String, String> owners = new HashMap<>();
  private final List<ContractError> findings = new ArrayList<>();

  /**
   * An empty allocator.
   *
   * @param kind what a name is called in a finding: {@code class}, {@code TypeScript type}
   */
  public NameAllocator(String kind) {
    this.kind = kind;
  }

  /** Takes {@code name} before any contract can: a later claim is numbered and named {@code owner} in its finding. */
  public void reserve(String name, String owner) {
    owners.put(name, owner);
  }

  /**
   * Claims {@code name} (already a legal identifier of the target language) for the thing {@code what} at {@code at},
   * or the first free {@code name2}, {@code name3}, … when it is taken; that case is reported as a finding.
   *
   * @return the allocated name
   */
  public String claim(String name, SourceLocation at, String what) {
    String candidate = firstFree(name, "", n -> !owners.containsKey(n));
    String pointer = at == null || at.pointer().isEmpty() ? "" : at.pointer();
    if (!candidate.equals(name)) {
      findings.add(new ContractError(at == null ? null : at.file(), at == null ? 0 : at.line(),
          what + (pointer.isEmpty() ? "" : " at " + pointer) + " would be " + kind + " " + name
              + ", already used by " + owners.get(name) + "; it is generated as " + candidate,
          "give it a distinct \"title\" if the name matters"));
    }
    owners.put(candidate, (at == null ? "?" : at.toString()) + (pointer.isEmpty() ? "" : " (" + pointer + ")"));
    return candidate;
  }

  /** Name collisions resolved by a suffix, in claim order. */
  public List<ContractError> findings() {
    return List.copyOf(findings);
  }

  /**
   * The first of {@code base}, {@code base + separator + 2}, {@code base + separator + 3}, … that {@code take}
   * accepts. {@code take} may record the name as it accepts it ({@code used::add}), so one call both tests and takes.
   */
  public static String firstFree(String base, String separator, Predicate<String> take) {
    String candidate = base;
    for (int i = 2; !take.test(candidate); i++) {
      candidate = base + separator + i;
    }
    return candidate;
  }
}
