package io.eventcontracts.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * A closed set of string values: a JSON Schema {@code "enum"} of strings, a proto3 {@code enum} (its value names).
 *
 * @param name type name, e.g. {@code OrderStatus}
 * @param values the values exactly as they appear on the wire, in declaration order (e.g. {@code awaiting:payment})
 * @param description documentation, may be {@code null}
 * @param location where it is defined
 */
public record EnumType(String name, List<String> values, String description, SourceLocation location)
    implements DataType {

  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }
}
