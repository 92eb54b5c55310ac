package io.eventcontracts.codegen.proto;

import build.buf.validate.FieldRules;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.naming.JavaNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a field's protovalidate rules ({@code [(buf.validate.field) ...]}, {@code buf/validate/validate.proto}) into
 * the model's {@link Constraints}, optionality and types, so that the derived JSON Schema, the runtime's checks (which
 * validate the proto3 JSON form), the consistency check and every other consumer of the model see them.
 *
 * <p>Supported, with their JSON Schema equivalent (docs/contract-format.md has the table):
 * {@code required} → {@code "required"}; {@code string.min_len/max_len/len} → {@code minLength/maxLength};
 * {@code string.pattern} → {@code pattern}; {@code string.email/hostname/ipv4/ipv6/uri/uri_ref/uuid} → {@code format};
 * {@code string.in} → {@code enum} (one value: {@code const}); {@code string.const} → {@code const};
 * {@code gt/gte/lt/lte} on 32-bit integers, {@code double} and {@code float} → {@code exclusiveMinimum/minimum/
 * exclusiveMaximum/maximum} (on integers as inclusive bounds); {@code double/float.finite} and
 * {@code enum.defined_only} → nothing (the JSON form already says so); {@code repeated.min_items/max_items} →
 * {@code minItems/maxItems}; {@code example} → ignored. Every other rule (CEL, message rules, {@code in} on numbers,
 * bounds on 64-bit integers, {@code prefix}, {@code unique}, ...) is a located contract error: the model cannot
 * carry it, and a rule silently dropped would let the two formats disagree.
 */
final class ProtovalidateRules {

  /** The extension number of {@code (buf.validate.field)}, {@code (buf.validate.message)} and {@code oneof}. */
  static final int EXTENSION = 1159;

  private static final Map<String, String> FORMATS = Map.of("email", "email", "hostname", "hostname", "ipv4",
      "ipv4", "ipv6", "ipv6", "uri", "uri", "uri_ref", "uri-reference", "uuid", "uuid");

  /**
   * The model facts of one field after its rules.
   *
   * @param type the field's type ({@code string.in} makes an {@link EnumType}, {@code string.const} a
   *     {@link ConstType})
   * @param constraints the constraints, the proto type's own ones narrowed by the rules
   * @param required true when {@code required} is set
   */
  record Applied(DataType type, Constraints constraints, boolean required) {}

  private final FieldDescriptorProto field;
  private final SourceLocation at;
  private final List<ContractError> errors;
  private String format;
  private BigDecimal minimum;
  private BigDecimal maximum;
  private BigDecimal exclusiveMinimum;
  private BigDecimal exclusiveMaximum;
  private Integer minLength;
  private Integer maxLength;
  private String pattern;
  private Integer minItems;
  private Integer maxItems;

  private ProtovalidateRules(FieldDescriptorProto field, SourceLocation at, List<ContractError> errors,
      Constraints base) {
    this.field = field;
    this.at = at;
    this.errors = errors;
    format = base.format();
    minimum = base.minimum();
    maximum = base.maximum();
    exclusiveMinimum = base.exclusiveMinimum();
    exclusiveMaximum = base.exclusiveMaximum();
    minLength = base.minLength();
    maxLength = base.maxLength();
    pattern = base.pattern();
    minItems = base.minItems();
    maxItems = base.maxItems();
  }

  /** The field's {@code (buf.validate.field)} option, or {@code null} when it has none. */
  static FieldRules rules(FieldDescriptorProto field) {
    UnknownFieldSet.Field option = field.getOptions().getUnknownFields().getField(EXTENSION);
    if (option == null || option.getLengthDelimitedList().isEmpty()) {
      return null;
    }
    ByteString all = ByteString.EMPTY;
    for (ByteString part : option.getLengthDelimitedList()) {
      all = all.concat(part); // several option statements: concatenated messages merge
    }
    try {
      return FieldRules.parseFrom(all);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("protoc wrote an unreadable (buf.validate.field) option on " + field.getName(), e);
    }
  }

  /** True when the field's rules say {@code required = true}. */
  static boolean required(FieldDescriptorProto field) {
    FieldRules rules = rules(field);
    return rules != null && rules.getRequired();
  }

  /** True when a message has message-level rules ({@code option (buf.validate.message)}). */
  static boolean hasMessageRules(UnknownFieldSet messageOptions) {
    UnknownFieldSet.Field option = messageOptions.getField(EXTENSION);
    return option != null && !option.getLengthDelimitedList().isEmpty();
  }

  /**
   * Applies the field's rules.
   *
   * @param field the field
   * @param owner the model name of the message, for an enum built from {@code string.in}
   * @param type the field's model type from its proto type
   * @param base the constraints its proto type implies
   * @param explicitPresence true when the field keeps presence ({@code optional}, message, oneof member)
   * @param requiredOption true when {@code (eventcontracts.required)} is set
   * @param at the field's location
   * @param errors where rules the model cannot carry are reported
   * @return the field's model facts, or {@code null} when it has no rules
   */
  static Applied apply(FieldDescriptorProto field, String owner, DataType type, Constraints base,
      boolean explicitPresence, boolean requiredOption, SourceLocation at, List<ContractError> errors) {
    FieldRules rules = rules(field);
    if (rules == null) {
      return null;
    }
    ProtovalidateRules reader = new ProtovalidateRules(field, at, errors, base);
    DataType result = reader.read(rules, owner, type);
    Constraints constraints = reader.constraints();
    boolean required = requiredOption || rules.getRequired();
    reader.checkZeroValue(result, constraints, explicitPresence, required);
    return new Applied(result, constraints, required);
  }

  private Constraints constraints() {
    return new Constraints(format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern,
        minItems, maxItems, null);
  }

  private DataType read(FieldRules rules, String owner, DataType type) {
    if (rules.getCelCount() > 0 || rules.getCelExpressionCount() > 0) {
      unsupported("a CEL rule", "CEL expressions have no JSON Schema equivalent; express the rule with the "
          + "supported rules (docs/contract-format.md), or drop it");
    }
    if (rules.hasIgnore()) {
      unsupported("ignore = " + rules.getIgnore().name(), "drop it: the rules apply as the JSON Schema applies "
          + "them (to present values)");
    }
    if (!rules.getUnknownFields().asMap().isEmpty()) {
      unsupported("a predefined rule extension", "use only the rules listed in docs/contract-format.md");
    }
    if (rules.getTypeCase() == FieldRules.TypeCase.TYPE_NOT_SET) {
      return type;
    }
    FieldDescriptor familyField = FieldRules.getDescriptor().findFieldByNumber(rules.getTypeCase().getNumber());
    String family = familyField.getName();
    String expected = expectedFamily();
    if (!family.equals(expected)) {
      errors.add(new ContractError(at.file(), at.line(), "field " + field.getName() + ": " + family
          + " rules on a field of proto type " + protoType(), expected == null
          ? "this field takes no type rules (only required)" : "use (buf.validate.field)." + expected + " rules"));
      return type;
    }
    Message familyRules = (Message) rules.getField(familyField);
    if (!familyRules.getUnknownFields().asMap().isEmpty()) {
      unsupported("a predefined " + family + " rule", "use only the rules listed in docs/contract-format.md");
    }
    DataType result = type;
    List<String> in = new ArrayList<>();
    String constant = null;
    for (Map.Entry<FieldDescriptor, Object> rule : familyRules.getAllFields().entrySet()) {
      String name = rule.getKey().getName();
      Object value = rule.getValue();
      if (name.equals("example")) {
        continue; // documentation for humans, not a rule
      }
      switch (family) {
        case "string" -> {
          switch (name) {
            case "min_len" -> minLength = length(name, (Long) value);
            case "max_len" -> maxLength = length(name, (Long) value);
            case "len" -> {
              minLength = length(name, (Long) value);
              maxLength = minLength;
            }
            case "pattern" -> pattern = pattern((String) value);
            case "in" -> ((List<?>) value).forEach(v -> in.add((String) v));
            case "const" -> constant = (String) value;
            default -> {
              if (FORMATS.containsKey(name)) {
                if (Boolean.TRUE.equals(value)) {
                  format = FORMATS.get(name);
                }
              } else {
                unsupported(family + "." + name, "use min_len, max_len, len, pattern, in, const or one of the "
                    + "formats " + new java.util.TreeSet<>(FORMATS.keySet()) + "; a prefix or suffix is a pattern "
                    + "(\"^ord_\")");
              }
            }
          }
        }
        case "int32", "sint32", "sfixed32", "uint32", "fixed32" -> {
          switch (name) {
            case "gt" -> minimum = max(minimum, integer(rule.getKey(), value).add(BigDecimal.ONE));
            case "gte" -> minimum = max(minimum, integer(rule.getKey(), value));
            case "lt" -> maximum = min(maximum, integer(rule.getKey(), value).subtract(BigDecimal.ONE));
            case "lte" -> maximum = min(maximum, integer(rule.getKey(), value));
            default -> unsupported(family + "." + name, "use gt, gte, lt or lte (a JSON Schema enum of numbers "
                + "is not in the contract model)");
          }
        }
        case "double", "float" -> {
          switch (name) {
            case "gt" -> exclusiveMinimum = decimal(family, name, value);
            case "gte" -> minimum = decimal(family, name, value);
            case "lt" -> exclusiveMaximum = decimal(family, name, value);
            case "lte" -> maximum = decimal(family, name, value);
            case "finite" -> { } // the JSON form's numbers are finite already ("NaN" is a string there)
            default -> unsupported(family + "." + name, "use gt, gte, lt, lte or finite");
          }
        }
        case "enum" -> {
          if (!name.equals("defined_only")) {
            unsupported("enum." + name, "use defined_only, or a narrower enum type");
          } // defined_only: the JSON form takes value names only, so the model's enum is closed already
        }
        case "repeated" -> {
          switch (name) {
            case "min_items" -> minItems = length(name, (Long) value);
            case "max_items" -> maxItems = length(name, (Long) value);
            default -> unsupported("repeated." + name, "use min_items or max_items (uniqueItems and rules on "
                + "the items are not in the contract model)");
          }
        }
        default -> unsupported(family + "." + name, family.matches("u?int64|s?fixed64|sint64|sfixed64")
            ? "64-bit integers are digit strings in the proto3 JSON form, which JSON Schema cannot bound; use "
                + "int32/uint32 for a bounded number, or drop the rule"
            : "the contract model has no equivalent; drop the rule (docs/contract-format.md lists the supported "
                + "ones)");
      }
    }
    if (constant != null && !in.isEmpty()) {
      unsupported("string.const together with string.in", "keep one of them");
    } else if (constant != null) {
      result = new ConstType(PrimitiveType.STRING, jsonString(constant));
    } else if (in.size() == 1) {
      result = new ConstType(PrimitiveType.STRING, jsonString(in.get(0)));
    } else if (!in.isEmpty()) {
      Set<String> values = new LinkedHashSet<>(in);
      result = new EnumType(owner + JavaNames.pascal(field.getJsonName()), List.copyOf(values), null, at);
    }
    if (family.equals("double") || family.equals("float")) {
      BigDecimal lo = minimum != null ? minimum : exclusiveMinimum;
      BigDecimal hi = maximum != null ? maximum : exclusiveMaximum;
      if (lo != null && hi != null && lo.compareTo(hi) > 0) {
        outside();
      }
    } else if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
      outside();
    }
    return result;
  }

  private void outside() {
    errors.add(new ContractError(at.file(), at.line(), "field " + field.getName() + ": the lower bound is above the "
        + "upper one, which protovalidate reads as \"outside the range\"; JSON Schema's minimum/maximum cannot say that",
        "bound the field from one side, or use a range with the lower bound below the upper one"));
  }

  /**
   * A proto3 field without presence leaves its zero value ({@code ""}, {@code 0}, an empty list) out of the JSON
   * form, where the JSON Schema sees an absent, valid field; protovalidate checks the zero value and rejects it. So a
   * rule that rejects the zero value needs {@code required} or explicit presence, or the formats disagree.
   */
  private void checkZeroValue(DataType type, Constraints c, boolean explicitPresence, boolean required) {
    boolean repeated = field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
    if (required || (explicitPresence && !repeated)) {
      return;
    }
    String zero = null;
    String rule = null;
    if (repeated) {
      if (c.minItems() != null && c.minItems() > 0) {
        zero = "[]";
        rule = "min_items " + c.minItems();
      }
    } else if (type instanceof EnumType e && field.getType() == FieldDescriptorProto.Type.TYPE_STRING
        && !e.values().contains("")) {
      zero = "\"\"";
      rule = "in";
    } else if (type instanceof ConstType k && !"\"\"".equals(k.json())) {
      zero = "\"\"";
      rule = "const";
    } else if (type == PrimitiveType.STRING) {
      zero = "\"\"";
      if (c.minLength() != null && c.minLength() > 0) {
        rule = "min_len " + c.minLength();
      } else if (c.format() != null && FORMATS.containsValue(c.format())) {
        rule = "the " + c.format() + " format";
      } else if (c.pattern() != null && !Pattern.compile(c.pattern()).matcher("").find()) {
        rule = "pattern " + c.pattern();
      }
    } else if (type instanceof PrimitiveType p && (p.isInteger() || p == PrimitiveType.DOUBLE)) {
      zero = "0";
      if ((c.minimum() != null && c.minimum().signum() > 0) || (c.maximum() != null && c.maximum().signum() < 0)
          || (c.exclusiveMinimum() != null && c.exclusiveMinimum().signum() >= 0)
          || (c.exclusiveMaximum() != null && c.exclusiveMaximum().signum() <= 0)) {
        rule = "the range " + c.describe();
      }
    }
    if (rule != null) {
      errors.add(new ContractError(at.file(), at.line(), "field " + field.getName() + ": " + rule + " rejects "
          + zero + ", which proto3 leaves out of the JSON form of a field without presence (the JSON Schema would "
          + "accept the absent field, protovalidate rejects the zero value)",
          repeated ? "add (buf.validate.field).required = true (or (eventcontracts.required) = true)"
              : "add (buf.validate.field).required = true (or (eventcontracts.required) = true), or declare the "
                  + "field `optional` so the rule applies to present values only"));
    }
  }

  private String expectedFamily() {
    boolean repeated = field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
    if (repeated) {
      return "repeated"; // a map field is repeated too: its map rules are reported as the wrong family
    }
    return switch (field.getType()) {
      case TYPE_ENUM -> "enum";
      case TYPE_MESSAGE -> switch (field.getTypeName()) {
        case ".google.protobuf.StringValue" -> "string";
        case ".google.protobuf.Int32Value" -> "int32";
        case ".google.protobuf.UInt32Value" -> "uint32";
        case ".google.protobuf.Int64Value" -> "int64";
        case ".google.protobuf.UInt64Value" -> "uint64";
        case ".google.protobuf.DoubleValue" -> "double";
        case ".google.protobuf.FloatValue" -> "float";
        case ".google.protobuf.BoolValue" -> "bool";
        case ".google.protobuf.BytesValue" -> "bytes";
        case ".google.protobuf.Timestamp" -> "timestamp";
        case ".google.protobuf.Duration" -> "duration";
        case ".google.protobuf.Any" -> "any";
        case ".google.protobuf.FieldMask" -> "field_mask";
        default -> null;
      };
      default -> protoType();
    };
  }

  private String protoType() {
    return field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE
        || field.getType() == FieldDescriptorProto.Type.TYPE_ENUM ? field.getTypeName().replaceFirst("^\\.", "")
        : field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
  }

  private void unsupported(String rule, String hint) {
    errors.add(new ContractError(at.file(), at.line(), "field " + field.getName() + ": protovalidate rule " + rule
        + " is not supported (the contract model and its JSON Schema cannot carry it)", hint));
  }

  private Integer length(String name, long value) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      unsupported(name + " " + Long.toUnsignedString(value), "use a length up to " + Integer.MAX_VALUE);
      return null;
    }
    return (int) value;
  }

  private String pattern(String regex) {
    try {
      Pattern.compile(regex);
      return regex;
    } catch (PatternSyntaxException e) {
      errors.add(new ContractError(at.file(), at.line(), "field " + field.getName() + ": pattern " + regex
          + " is not a regular expression: " + e.getDescription(), "fix the pattern"));
      return null;
    }
  }

  private static BigDecimal integer(FieldDescriptor rule, Object value) {
    long v = ((Number) value).longValue();
    if (rule.getType() == FieldDescriptor.Type.UINT32 || rule.getType() == FieldDescriptor.Type.FIXED32) {
      v = Integer.toUnsignedLong(((Number) value).intValue());
    }
    return BigDecimal.valueOf(v);
  }

  private BigDecimal decimal(String family, String name, Object value) {
    double v = ((Number) value).doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      unsupported(family + "." + name + " " + v, "use a finite bound");
      return null;
    }
    BigDecimal exact = (value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(v))
        .stripTrailingZeros();
    return exact.scale() < 0 ? exact.setScale(0) : exact; // 1000, not 1E+3
  }

  private static BigDecimal max(BigDecimal current, BigDecimal candidate) {
    return current == null || candidate.compareTo(current) > 0 ? candidate : current;
  }

  private static BigDecimal min(BigDecimal current, BigDecimal candidate) {
    return current == null || candidate.compareTo(current) < 0 ? candidate : current;
  }

  private static String jsonString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
