package io.eventcontracts.codegen.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Builds an example payload for a contract from the model alone: every declared property (required and optional)
 * with a value inside its constraints, the first value of an enum, the first branch of a union (with its
 * discriminator value), one element per list and one entry per map. The same contracts always give the same
 * example.
 *
 * <p>Values: a declared {@code default} when there is one; else by format ({@code date-time}
 * {@value #DATE_TIME}, {@code email}, {@code uuid}, {@code uri}, …), by bounds ({@code minimum} or the value just
 * inside an exclusive bound; the midpoint for a decimal between two bounds), and by length ({@code minLength} /
 * {@code maxLength} pad or cut); a string with a {@code pattern} is generated from the pattern (RgxGen, fixed seeds)
 * and checked against it, and an optional property whose pattern gives no such string is left out. An untyped value
 * ({@code AnyType}: a keyword the model does not express, such as {@code prefixItems}) gets {@code {}}, which the
 * contract may refuse. References are followed up to {@value #MAX_DEPTH} levels, so recursive types end.
 */
public final class ExamplePayloads {

  /** The example instant for {@code date-time} values. */
  public static final String DATE_TIME = "2026-01-01T12:00:00Z";

  static final int MAX_DEPTH = 8;
  static final int PATTERN_TRIES = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ContractSet contracts;
  private List<String> untyped = new ArrayList<>();

  /** Examples for contracts of this set (references resolve inside it). */
  public ExamplePayloads(ContractSet contracts) {
    this.contracts = contracts;
  }

  /**
   * An example and what it could not take from the model.
   *
   * @param payload the example payload
   * @param untyped the reasons of the untyped values ({@code AnyType}) it contains, in order; when not empty the
   *     payload may not validate, and the catalog says so
   */
  public record Example(JsonNode payload, List<String> untyped) {
    public Example {
      untyped = List.copyOf(untyped);
    }
  }

  /** The example payload of a contract (its root type). */
  public JsonNode example(Contract contract) {
    return exampleOf(contract).payload();
  }

  /** The example payload of a contract and the untyped values in it. Not thread-safe. */
  public Example exampleOf(Contract contract) {
    untyped = new ArrayList<>();
    JsonNode value = value(contract.rootType(), Constraints.NONE, "value", 0);
    return new Example(value == null ? NODES.objectNode() : value, untyped);
  }

  /** An example value of a type; {@code null} when none can be built (only below the depth limit). */
  JsonNode value(DataType type, Constraints constraints, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (constraints.defaultJson() != null) {
      return parse(constraints.defaultJson());
    }
    if (type instanceof PrimitiveType p) {
      return primitive(p, constraints, name);
    } else if (type instanceof ConstType c) {
      return parse(c.json());
    } else if (type instanceof EnumType e) {
      return e.values().isEmpty() ? NODES.nullNode() : NODES.textNode(e.values().get(0));
    } else if (type instanceof ObjectType o) {
      return object(o, depth);
    } else if (type instanceof UnionType u) {
      return u.branches().isEmpty() ? null : value(u.branches().get(0).type(), Constraints.NONE, name, depth + 1);
    } else if (type instanceof ListType l) {
      return list(l, constraints, name, depth);
    } else if (type instanceof MapType m) {
      JsonNode v = value(m.value(), Constraints.NONE, name, depth + 1);
      ObjectNode map = NODES.objectNode();
      if (v != null) {
        map.set("key", v);
      }
      return map;
    } else if (type instanceof TypeRef r) {
      DataType target;
      try {
        target = contracts.resolve(r);
      } catch (IllegalArgumentException e) {
        untyped.add(name + ": unresolved reference " + r.contractId() + (r.isRoot() ? "" : "#" + r.definition()));
        return null;
      }
      return value(target, constraints, name, depth + 1);
    }
    AnyType any = (AnyType) type;
    if (!any.reason().isEmpty()) {
      untyped.add(name + ": " + any.reason());
    }
    return NODES.objectNode(); // an empty object: what an empty schema accepts; a typed construct may refuse it
  }

  private JsonNode object(ObjectType o, int depth) {
    ObjectNode node = NODES.objectNode();
    for (Field f : o.fields()) {
      if (!f.required() && depth >= MAX_DEPTH / 2) {
        continue;
      }
      JsonNode v = value(f.type(), f.constraints(), f.name(), depth + 1);
      if (v != null) {
        node.set(f.name(), v);
      } else if (f.required() && f.nullable()) {
        node.set(f.name(), NODES.nullNode());
      }
    }
    return node;
  }

  private JsonNode list(ListType l, Constraints c, String name, int depth) {
    ArrayNode array = NODES.arrayNode();
    int count = Math.max(1, c.minItems() == null ? 1 : c.minItems());
    if (c.maxItems() != null) {
      count = Math.min(count, c.maxItems());
    }
    for (int i = 0; i < count; i++) {
      JsonNode v = value(l.element(), Constraints.NONE, name, depth + 1);
      if (v == null) {
        break;
      }
      array.add(v);
    }
    return array;
  }

  private static JsonNode primitive(PrimitiveType p, Constraints c, String name) {
    return switch (p) {
      case STRING -> {
        String text = string(c, name);
        yield text == null ? null : NODES.textNode(text);
      }
      case INTEGER, LONG, BIG_INTEGER -> NODES.numberNode(integer(c));
      case DECIMAL, DOUBLE -> NODES.numberNode(decimal(c));
      case BOOLEAN -> NODES.booleanNode(true);
      case DATE_TIME -> NODES.textNode(DATE_TIME);
      case DATE -> NODES.textNode(DATE_TIME.substring(0, 10));
      case BYTES -> NODES.textNode("ZXhhbXBsZQ==");
    };
  }

  /** A string for a format, or one made from the property name, fitted to the length bounds. */
  static String string(Constraints c, String name) {
    String format = c.format() == null ? "" : c.format();
    String byFormat = switch (format) {
      case "date-time" -> DATE_TIME;
      case "date" -> DATE_TIME.substring(0, 10);
      case "time" -> "12:00:00Z";
      case "duration" -> "PT1H";
      case "email", "idn-email" -> "user@example.com";
      case "uuid" -> "123e4567-e89b-42d3-a456-426614174000";
      case "uri", "iri" -> "https://example.com/";
      case "uri-reference", "iri-reference", "uri-template" -> "/example";
      case "hostname", "idn-hostname" -> "example.com";
      case "ipv4" -> "192.0.2.1";
      case "ipv6" -> "2001:db8::1";
      case "json-pointer" -> "/example";
      case "relative-json-pointer" -> "0";
      case "regex" -> "^example$";
      default -> null;
    };
    if (byFormat != null) {
      return byFormat;
    }
    if (c.pattern() != null) {
      return matching(c);
    }
    StringBuilder s = new StringBuilder(name.isBlank() ? "example" : name + "-example");
    int min = c.minLength() == null ? 0 : c.minLength();
    while (s.codePointCount(0, s.length()) < min) {
      s.append('x');
    }
    if (c.maxLength() != null && s.length() > c.maxLength()) {
      s.setLength(c.maxLength());
    }
    return s.toString();
  }

  /**
   * A string matching the pattern (as JSON Schema applies it: anywhere in the string) within the length bounds,
   * generated by RgxGen with fixed seeds so the result is the same on every run; {@code null} when none was found.
   */
  static String matching(Constraints c) {
    Pattern pattern;
    RgxGen generator;
    try {
      pattern = Pattern.compile(c.pattern());
      generator = RgxGen.parse(c.pattern());
    } catch (RuntimeException e) {
      return null;
    }
    for (int seed = 0; seed < PATTERN_TRIES; seed++) {
      String candidate;
      try {
        candidate = generator.generate(new Random(seed));
      } catch (RuntimeException e) {
        return null;
      }
      int length = candidate.codePointCount(0, candidate.length());
      if (pattern.matcher(candidate).find() && (c.minLength() == null || length >= c.minLength())
          && (c.maxLength() == null || length <= c.maxLength())) {
        return candidate;
      }
    }
    return null;
  }

  /** The least integer inside the bounds, or 1 when unbounded below and 1 is allowed. */
  static BigInteger integer(Constraints c) {
    BigInteger low = null;
    if (c.minimum() != null) {
      low = c.minimum().setScale(0, RoundingMode.CEILING).toBigInteger();
    }
    if (c.exclusiveMinimum() != null) {
      BigInteger ex = c.exclusiveMinimum().setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE);
      low = low == null || ex.compareTo(low) > 0 ? ex : low;
    }
    BigInteger high = null;
    if (c.maximum() != null) {
      high = c.maximum().setScale(0, RoundingMode.FLOOR).toBigInteger();
    }
    if (c.exclusiveMaximum() != null) {
      BigInteger ex = c.exclusiveMaximum().setScale(0, RoundingMode.CEILING).toBigInteger().subtract(BigInteger.ONE);
      high = high == null || ex.compareTo(high) < 0 ? ex : high;
    }
    if (low != null) {
      return low;
    }
    if (high != null && high.compareTo(BigInteger.ONE) < 0) {
      return high;
    }
    return BigInteger.ONE;
  }

  /** The midpoint of two bounds, the bound (stepped inside an exclusive one) when only one is set, else 10. */
  static BigDecimal decimal(Constraints c) {
    BigDecimal low = c.minimum();
    boolean lowExclusive = false;
    if (c.exclusiveMinimum() != null && (low == null || c.exclusiveMinimum().compareTo(low) >= 0)) {
      low = c.exclusiveMinimum();
      lowExclusive = true;
    }
    BigDecimal high = c.maximum();
    boolean highExclusive = false;
    if (c.exclusiveMaximum() != null && (high == null || c.exclusiveMaximum().compareTo(high) <= 0)) {
      high = c.exclusiveMaximum();
      highExclusive = true;
    }
    if (low != null && high != null) {
      return low.add(high).divide(BigDecimal.valueOf(2)).stripTrailingZeros();
    }
    if (low != null) {
      return lowExclusive ? low.add(BigDecimal.ONE) : low;
    }
    if (high != null) {
      return highExclusive ? high.subtract(BigDecimal.ONE) : high.min(BigDecimal.TEN);
    }
    return BigDecimal.TEN;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** Pretty JSON text of an example, two-space indented, {@code \n} line ends. */
  public static String pretty(JsonNode value) {
    try {
      return JSON.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
              .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n")))
          .writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
