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
 * @param declared true when the contract says so explicitly ({@code additionalProperties: true}, {@code false} or a
 *     schema); false for an object left open by omission. Only lint reads it (authors should decide, not inherit
 *     JSON Schema's open default); every other reader looks at {@link #kind()} alone.
 */
public record AdditionalProperties(Kind kind, DataType valueType, boolean declared) {

  /** Open by omission ({@code additionalProperties} absent; proto messages). */
  public static final AdditionalProperties OPEN = new AdditionalProperties(Kind.OPEN, null, false);
  /** Open, said explicitly ({@code additionalProperties: true} or {@code {}}). */
  public static final AdditionalProperties OPEN_DECLARED = new AdditionalProperties(Kind.OPEN, null, true);
  public static final AdditionalProperties CLOSED = new AdditionalProperties(Kind.CLOSED, null, true);

  /** Closed and typed are always declared; open is taken as open by omission. */
  public AdditionalProperties(Kind kind, DataType valueType) {
    this(kind, valueType, kind != Kind.OPEN);
  }

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
