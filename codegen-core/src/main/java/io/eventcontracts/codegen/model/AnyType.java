package io.eventcontracts.codegen.model;

/**
 * Any JSON value: an empty schema ({@code {}} or {@code true}), or a construct no target type can express soundly
 * (e.g. a union of a string and an integer). Java gets {@code JsonNode}; run-time validation still enforces the
 * schema, so nothing is lost on the wire.
 *
 * @param reason why the value is untyped, for documentation and the lint note; {@code ""} for an empty schema
 */
public record AnyType(String reason) implements DataType {

  public AnyType {
    reason = reason == null ? "" : reason;
  }
}
