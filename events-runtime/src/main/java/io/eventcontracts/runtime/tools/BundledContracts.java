package io.eventcontracts.runtime.tools;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.ContractRegistry.Contract;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/**
 * Prints the contracts bundled on the class path: what a service built with eventcontracts will validate against.
 * Loading goes through {@link ContractRegistry#fromClasspath()}, so every schema is compiled and every {@code $ref}
 * resolved exactly as at run time; a broken bundle fails here with the same error a service would see.
 *
 * <p>Run with the service's class path, e.g.
 * {@code mvn -pl generated-events exec:java -Dexec.mainClass=io.eventcontracts.runtime.tools.BundledContracts}.
 */
public final class BundledContracts {

  private BundledContracts() {}

  public static void main(String[] args) {
    print(ContractRegistry.fromClasspath(), System.out);
  }

  /** Writes the table of {@code registry}'s contracts to {@code out}, events first, then shared types. */
  public static void print(ContractRegistry registry, PrintStream out) {
    List<Contract> contracts = registry.contracts().stream()
        .sorted(Comparator.comparing((Contract c) -> !c.isEvent())
            .thenComparing(c -> c.isEvent() ? c.subject() : c.id()))
        .toList();
    String format = "%-22s %-3s %-20s %-52s %s%n";
    out.printf(format, "SUBJECT", "V", "CONTRACT", "JAVA TYPE", "SCHEMA");
    for (Contract c : contracts) {
      out.printf(format,
          c.isEvent() ? c.subject() : "(shared type)",
          c.version(),
          c.name() == null ? "" : c.name(),
          c.javaType() == null ? "" : c.javaType(),
          c.resource());
    }
    long events = contracts.stream().filter(Contract::isEvent).count();
    out.printf("%d event contracts and %d shared type(s) bundled, every schema compiled and every $ref resolved"
        + " from the bundle (no network).%n", events, contracts.size() - events);
  }
}
