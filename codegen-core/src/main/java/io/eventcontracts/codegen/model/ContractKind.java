package io.eventcontracts.codegen.model;

/** Whether a contract describes a message on a subject or only a shared type that events refer to. */
public enum ContractKind {
  /** A message published on a subject; generated as an event class plus listener and publisher stubs. */
  EVENT,
  /** A shared definition (e.g. the {@code OrderStatus} enum) without a subject. */
  TYPE;

  /** The lower-case word used in contract files and in the bundle index ({@code "event"}, {@code "type"}). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
