package io.eventcontracts.codegen.model;

import java.util.List;

/**
 * Which services publish and which consume an event, when the contract declares it ({@code x-publishers} /
 * {@code x-consumers}, or {@code "publishers"} / {@code "consumers"} in the mapping file). Documentation only: the
 * catalog lists them and the AsyncAPI export turns them into send and receive operations; nothing is enforced at run
 * time.
 *
 * @param publishers service names in declaration order, distinct; empty when not declared
 * @param consumers service names in declaration order, distinct; empty when not declared
 */
public record ServiceDeclaration(List<String> publishers, List<String> consumers) {

  /** A service name: letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. {@code orders}). */
  public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Nothing declared. */
  public static final ServiceDeclaration NONE = new ServiceDeclaration(List.of(), List.of());

  public ServiceDeclaration {
    publishers = publishers == null ? List.of() : List.copyOf(publishers);
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
  }

  /** True when neither publishers nor consumers are declared. */
  public boolean isEmpty() {
    return publishers.isEmpty() && consumers.isEmpty();
  }
}
