package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * What an object allows beside its declared properties.
 *
 * <ul>
 *   <li>{@link Kind#OPEN}: anything (JSON Schema {@code additionalProperties} absent or {@code true}; proto unknown
 *       fields); targets keep unknown properties and write them back unchanged.</li>
 *   <li>{@link Kind#CLOSED}: nothing ({@code additionalProperties: false}).</li>
 *   <li>{@link Kind#TYPED}: any name, each value of {@link #valueType()} ({@code additionalProperties} given as a
 *       schema): Java {@code Map<String, T>} beside the declared fields.</li>
 * </ul>
 *
 * @param kind open, closed or typed
 * @param valueType the value type for {@link Kind#TYPED}, else {@code null}
 */
public record AdditionalProperties(Kind kind, DataType valueType) {

  public static final AdditionalProperties OPEN = new AdditionalProperties(Kind.OPEN, null);
  public static final AdditionalProperties CLOSED = new AdditionalProperties(Kind.CLOSED, null);

  public AdditionalProperties {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.TYPED) != (valueType != null)) {
      throw new IllegalArgumentException("a value type is given exactly for TYPED");
    }
  }

  public static AdditionalProperties typed(DataType valueType) {
    return new AdditionalProperties(Kind.TYPED, valueType);
  }

  /** Open, closed or typed. */
  public enum Kind { OPEN, CLOSED, TYPED }
}
