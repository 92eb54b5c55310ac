package io.eventcontracts.runtime.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * A quick "certainly valid" check in front of networknt, compiled from a contract that uses only a small keyword
 * subset ({@code type} of one of object/string/integer/number/boolean/null, {@code properties}, {@code required},
 * boolean {@code additionalProperties}, {@code minLength}/{@code maxLength}, numeric
 * {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum}, and annotations).
 *
 * <p>It never decides "invalid": {@link #accepts} answers {@code true} only when every keyword certainly holds, and
 * {@code false} whenever a keyword fails <em>or might</em> (an integer written {@code 1.0}, a number equal to a
 * fractional bound, a string whose length depends on how surrogate pairs are counted). A {@code false} sends the
 * document to networknt, which gives the verdict and the violations. So the verdict is always networknt's; this only
 * spares valid documents the schema interpretation (≈ 1.2 µs of a {@code ticket:created}; docs/benchmarks.md).
 * {@code FastAcceptTest} pins each keyword's boundaries, and the agreement corpus in generated-events checks that
 * it accepts nothing networknt refuses.
 *
 * <p>A contract using any other keyword (a {@code $ref}, {@code format}, {@code pattern}, {@code enum}, arrays, a
 * draft-04 boolean {@code exclusiveMinimum}, …) anywhere gets no fast path: {@link #compile} returns {@code null}.
 */
final class FastAccept {

  /** Keywords that never change a verdict. */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
      "examples", "default", "deprecated", "readOnly", "writeOnly");

  private final JsonNodeType type;
  private final boolean integer;
  private final Map<String, FastAccept> properties;
  private final String[] required;
  private final boolean closed;
  private final int minLength;
  private final int maxLength;
  private final Bound minimum;
  private final Bound maximum;

  private FastAccept(JsonNodeType type, boolean integer, Map<String, FastAccept> properties, String[] required,
      boolean closed, int minLength, int maxLength, Bound minimum, Bound maximum) {
    this.type = type;
    this.integer = integer;
    this.properties = properties;
    this.required = required;
    this.closed = closed;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.minimum = minimum;
    this.maximum = maximum;
  }

  /** A numeric bound; {@code exclusive} for exclusiveMinimum/exclusiveMaximum. */
  private record Bound(BigDecimal value, boolean exclusive, boolean integral, boolean fitsLong, long longValue) {
    static Bound of(JsonNode n, boolean exclusive) {
      boolean fitsLong = n.isIntegralNumber() && n.canConvertToLong();
      return new Bound(n.decimalValue(), exclusive, n.isIntegralNumber(), fitsLong, fitsLong ? n.longValue() : 0);
    }
  }

  /** The check for a schema, or {@code null} when it uses anything outside the subset. */
  static FastAccept compile(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return null;
    }
    JsonNodeType type = null;
    boolean integer = false;
    Map<String, FastAccept> properties = Map.of();
    List<String> required = List.of();
    boolean closed = false;
    int minLength = 0;
    int maxLength = Integer.MAX_VALUE;
    Bound minimum = null;
    Bound maximum = null;
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      String keyword = e.getKey();
      JsonNode value = e.getValue();
      if (ANNOTATIONS.contains(keyword) || keyword.startsWith("x-")) {
        continue;
      }
      switch (keyword) {
        case "type" -> {
          if (!value.isString()) {
            return null;
          }
          switch (value.asString()) {
            case "object" -> type = JsonNodeType.OBJECT;
            case "string" -> type = JsonNodeType.STRING;
            case "boolean" -> type = JsonNodeType.BOOLEAN;
            case "null" -> type = JsonNodeType.NULL;
            case "number" -> type = JsonNodeType.NUMBER;
            case "integer" -> {
              type = JsonNodeType.NUMBER;
              integer = true;
            }
            default -> {
              return null;
            }
          }
        }
        case "properties" -> {
          if (!value.isObject()) {
            return null;
          }
          properties = new HashMap<>();
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            FastAccept property = compile(p.getValue());
            if (property == null) {
              return null;
            }
            properties.put(p.getKey(), property);
          }
        }
        case "required" -> {
          if (!value.isArray()) {
            return null;
          }
          required = new ArrayList<>();
          for (JsonNode name : value) {
            if (!name.isString()) {
              return null;
            }
            required.add(name.asString());
          }
        }
        case "additionalProperties" -> {
          if (!value.isBoolean()) {
            return null;
          }
          closed = !value.booleanValue();
        }
        case "minLength", "maxLength" -> {
          if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            return null;
          }
          if (keyword.equals("minLength")) {
            minLength = value.intValue();
          } else {
            maxLength = value.intValue();
          }
        }
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
          if (!value.isNumber()) {
            return null; // draft-04's boolean exclusiveMinimum/exclusiveMaximum
          }
          if ((keyword.endsWith("inimum") && minimum != null) || (keyword.endsWith("aximum") && maximum != null)) {
            return null; // both an inclusive and an exclusive bound on one side: left to networknt
          }
          Bound bound = Bound.of(value, keyword.startsWith("exclusive"));
          if (keyword.endsWith("inimum")) {
            minimum = bound;
          } else {
            maximum = bound;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (type == null) {
      return null; // an untyped schema: keywords apply only to some instance types; not worth the subtlety here
    }
    return new FastAccept(type, integer, properties, required.toArray(String[]::new), closed, minLength, maxLength,
        minimum, maximum);
  }

  /** {@code true} only when the document certainly satisfies the schema; {@code false}: ask networknt. */
  boolean accepts(JsonNode node) {
    if (node.getNodeType() != type) {
      return false;
    }
    switch (type) {
      case OBJECT -> {
        for (String name : required) {
          if (!node.has(name)) {
            return false;
          }
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          FastAccept property = properties.get(e.getKey());
          if (property == null) {
            if (closed) {
              return false;
            }
          } else if (!property.accepts(e.getValue())) {
            return false;
          }
        }
        return true;
      }
      case STRING -> {
        String s = node.asString();
        // code points <= UTF-16 units: sound whichever of the two a validator counts
        return (minLength == 0 || s.codePointCount(0, s.length()) >= minLength) && s.length() <= maxLength;
      }
      case NUMBER -> {
        if (integer && !node.isIntegralNumber()) {
          return false; // 1.0 is an integer to JSON Schema: networknt decides
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
          return false;
        }
        return within(node, minimum, true) && within(node, maximum, false);
      }
      default -> {
        return true; // BOOLEAN, NULL: the type is the only keyword
      }
    }
  }

  /**
   * The value is certainly on the right side of the bound. Equality counts only between integers: a fractional
   * value equal to a bound may compare differently as a double and as a decimal, so networknt decides.
   */
  private static boolean within(JsonNode node, Bound bound, boolean lower) {
    if (bound == null) {
      return true;
    }
    int c;
    boolean exact;
    if (bound.fitsLong && node.isIntegralNumber() && node.canConvertToLong()) {
      c = Long.compare(node.longValue(), bound.longValue);
      exact = true;
    } else {
      c = node.decimalValue().compareTo(bound.value);
      exact = bound.integral && node.isIntegralNumber();
    }
    if (c == 0) {
      return exact && !bound.exclusive;
    }
    return lower ? c > 0 : c < 0;
  }
}
