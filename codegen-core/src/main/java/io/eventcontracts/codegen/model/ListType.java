package io.eventcontracts.codegen.model;

import java.util.Objects;

/** An ordered list: JSON Schema {@code "type": "array"} with {@code "items"}, proto3 {@code repeated}. */
public record ListType(DataType element) implements DataType {

  public ListType {
    Objects.requireNonNull(element, "element");
  }
}
