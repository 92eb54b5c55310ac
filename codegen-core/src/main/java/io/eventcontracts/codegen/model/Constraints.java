package io.eventcontracts.codegen.model;

import java.math.BigDecimal;

/**
 * Validation keywords of a field, kept for documentation (Javadoc, catalogues) and for checkers comparing contract
 * versions. Generated code never enforces them: the run-time validator does, with the contract itself.
 *
 * @param format the {@code format} value ({@code email}, {@code uuid}, {@code date-time}), or {@code null}
 * @param minimum the inclusive lower bound, or {@code null}
 * @param maximum the inclusive upper bound, or {@code null}
 * @param exclusiveMinimum the exclusive lower bound, or {@code null}
 * @param exclusiveMaximum the exclusive upper bound, or {@code null}
 * @param minLength shortest string, or {@code null}
 * @param maxLength longest string, or {@code null}
 * @param pattern the regular expression a string matches, or {@code null}
 * @param minItems fewest array elements, or {@code null}
 * @param maxItems most array elements, or {@code null}
 * @param defaultJson the {@code default} as compact JSON text, or {@code null}; documentation only, never injected
 *     into payloads
 */
public record Constraints(
    String format,
    BigDecimal minimum,
    BigDecimal maximum,
    BigDecimal exclusiveMinimum,
    BigDecimal exclusiveMaximum,
    Integer minLength,
    Integer maxLength,
    String pattern,
    Integer minItems,
    Integer maxItems,
    String defaultJson) {

  public static final Constraints NONE =
      new Constraints(null, null, null, null, null, null, null, null, null, null, null);

  /** True when no keyword is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** One line for documentation, e.g. {@code minimum 0, maxLength 64}; empty when none. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    append(out, "format", format);
    append(out, "minimum", minimum);
    append(out, "maximum", maximum);
    append(out, "exclusiveMinimum", exclusiveMinimum);
    append(out, "exclusiveMaximum", exclusiveMaximum);
    append(out, "minLength", minLength);
    append(out, "maxLength", maxLength);
    append(out, "pattern", pattern);
    append(out, "minItems", minItems);
    append(out, "maxItems", maxItems);
    append(out, "default", defaultJson);
    return out.toString();
  }

  private static void append(StringBuilder out, String name, Object value) {
    if (value != null) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(name).append(' ').append(value instanceof BigDecimal b ? b.toPlainString() : value);
    }
  }
}
