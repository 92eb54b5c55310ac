package io.eventcontracts.codegen.proto;

import io.eventcontracts.codegen.ContractError;
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
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves that a JSON Schema contract and a {@code .proto} contract on the same subject ("twins") describe the same
 * payloads under the proto3 JSON mapping, field by field: names ({@code json_name}), types (64-bit integers are
 * digit strings, {@code Timestamp} is a {@code date-time} string, enums go by name), integer ranges, required vs
 * optional, nullable (wrapper types), open vs closed objects, enum values, nested messages, lists, maps, unions
 * ({@code oneof}), and the proto3 presence trap: a field without explicit presence is left out of the JSON form
 * when it holds its default value ({@code ""}, {@code 0}, {@code false}), so a JSON Schema that allows that value
 * needs an {@code optional} proto field.
 *
 * <p>It reads only the model (both contracts are loaded into it) plus the proto facts of
 * {@link ProtoContractDocument}. Each mismatch is one {@link ContractError} at the JSON Schema side (or the proto
 * side when the JSON Schema lacks the field) naming the field and both locations:
 * {@code ticket:updated: field orderId: optional in ticket-updated.json:14, missing in tickets.proto:27}.
 */
public final class ConsistencyChecker {

  private final ContractSet jsonContracts;
  private final Map<String, ProtoOrigin.ProtoField> protoFields = new HashMap<>();
  private final List<ContractError> findings = new ArrayList<>();
  private String subject;

  private ConsistencyChecker(ContractSet jsonContracts) {
    this.jsonContracts = jsonContracts;
  }

  /**
   * Compares the twins of one subject.
   *
   * @param json the JSON Schema contract
   * @param proto the Protobuf contract
   * @param jsonContracts every JSON Schema contract of the run, to resolve {@code $ref}s
   * @return the mismatches, in field order; empty when they agree
   */
  public static List<ContractError> check(Contract json, Contract proto, ContractSet jsonContracts) {
    ConsistencyChecker checker = new ConsistencyChecker(jsonContracts);
    checker.subject = json.subject();
    ProtoContractDocument.of(proto).ifPresent(origin -> origin.messages().forEach(m -> m.fields().forEach(
        f -> checker.protoFields.put(m.fullName() + "." + f.name(), f))));
    if (json.version() != proto.version()) {
      checker.add(json.source(), "", "version " + json.version() + " in " + json.source() + ", "
          + proto.version() + " in " + proto.source(), "give both twins the same version");
    }
    checker.compare("", json.rootType(), proto.rootType(), json.source(), proto.source());
    return List.copyOf(checker.findings);
  }

  private void compare(String path, DataType jsonType, DataType protoType, SourceLocation j, SourceLocation p) {
    DataType js = resolve(jsonType);
    if (js instanceof ObjectType jo && protoType instanceof ObjectType po) {
      compareObjects(path, jo, po, j, p);
    } else if (js instanceof UnionType ju && protoType instanceof UnionType pu) {
      compareUnions(path, ju, pu, j, p);
    } else if (js instanceof EnumType je && protoType instanceof EnumType pe) {
      compareEnums(path, je, pe, j, p);
    } else if (js instanceof ListType jl && protoType instanceof ListType pl) {
      compare(path + "[]", jl.element(), pl.element(), j, p);
    } else if (js instanceof MapType jm && protoType instanceof MapType pm) {
      compare(path + "{}", jm.value(), pm.value(), j, p);
    } else if (js instanceof AnyType && protoType instanceof AnyType) {
      return;
    } else if (js instanceof ConstType jc && protoType instanceof ConstType pc && jc.json().equals(pc.json())) {
      return;
    } else if (js instanceof PrimitiveType jp && protoType instanceof PrimitiveType pp && sameKind(jp, pp)) {
      return;
    } else {
      add(j, path, "type " + describe(js) + " in " + j + ", " + describe(protoType) + " in " + p,
          hint(js, protoType));
    }
  }

  private static boolean sameKind(PrimitiveType a, PrimitiveType b) {
    if (a.isInteger() && b.isInteger()) {
      return true;
    }
    boolean aNumber = a == PrimitiveType.DECIMAL || a == PrimitiveType.DOUBLE;
    boolean bNumber = b == PrimitiveType.DECIMAL || b == PrimitiveType.DOUBLE;
    return (aNumber && bNumber) || a == b;
  }

  private static String hint(DataType json, DataType proto) {
    if (json instanceof PrimitiveType jp && jp.isInteger() && proto == PrimitiveType.STRING) {
      return "64-bit proto integers are strings in the proto3 JSON form: use int32/uint32 in the .proto, or make "
          + "the JSON property a string with a digits pattern";
    }
    if (json == PrimitiveType.STRING && proto == PrimitiveType.DATE_TIME) {
      return "add \"format\": \"date-time\" to the JSON property, or use string in the .proto";
    }
    return "make both declare the same type (see the type table in docs/protobuf.md)";
  }

  private void compareObjects(String path, ObjectType json, ObjectType proto, SourceLocation j, SourceLocation p) {
    SourceLocation jAt = json.location() != null ? json.location() : j;
    SourceLocation pAt = proto.location() != null ? proto.location() : p;
    if (!json.closed() && proto.closed()) {
      add(jAt, path, "open object in " + jAt + " (additionalProperties allowed), closed in " + pAt
          + " (the protobuf JSON parser rejects unknown names)", "add \"additionalProperties\": false");
    }
    for (Field jf : json.fields()) {
      String name = join(path, jf.name());
      SourceLocation jfAt = jf.location() != null ? jf.location() : jAt;
      Field pf = proto.field(jf.name()).orElse(null);
      if (pf == null) {
        add(jfAt, name, (jf.required() ? "required" : "optional") + " in " + jfAt + ", missing in " + pAt,
            "add the field to the message (json_name \"" + jf.name() + "\" if the proto name differs), or drop "
                + "it from the JSON Schema");
        continue;
      }
      SourceLocation pfAt = pf.location() != null ? pf.location() : pAt;
      if (jf.required() != pf.required()) {
        add(jfAt, name, (jf.required() ? "required" : "optional") + " in " + jfAt + ", "
            + (pf.required() ? "required" : "optional") + " in " + pfAt,
            jf.required() ? "add [(eventcontracts.required) = true] to the proto field, or drop it from \"required\""
                : "list it in \"required\", or drop the (eventcontracts.required) option");
      }
      if (jf.nullable() != pf.nullable()) {
        add(jfAt, name, (jf.nullable() ? "nullable" : "not nullable") + " in " + jfAt + ", "
            + (pf.nullable() ? "nullable" : "not nullable") + " in " + pfAt,
            "a proto field takes JSON null only as a wrapper type (google.protobuf.StringValue, ...): use one, or "
                + "make the JSON property non-nullable");
      }
      compare(name, jf.type(), pf.type(), jfAt, pfAt);
      compareRange(name, jf, pf, jfAt, pfAt);
      compareRules(name, jf, pf, jfAt, pfAt);
      comparePresence(name, jf, pf, jfAt, pfAt);
    }
    for (Field pf : proto.fields()) {
      if (json.field(pf.name()).isEmpty()) {
        SourceLocation pfAt = pf.location() != null ? pf.location() : pAt;
        add(pfAt, join(path, pf.name()), "missing in " + jAt + ", " + (pf.required() ? "required" : "optional")
            + " in " + pfAt, "add the property to the JSON Schema, or set json_name to the JSON spelling");
      }
    }
  }

  private void compareRange(String name, Field jf, Field pf, SourceLocation j, SourceLocation p) {
    DataType js = resolve(jf.type());
    if (!(js instanceof PrimitiveType jp && jp.isInteger() && pf.type() instanceof PrimitiveType pp
        && pp.isInteger())) {
      if (js == PrimitiveType.STRING && pf.type() == PrimitiveType.STRING && sixtyFourBit(pf.constraints())
          && !pf.constraints().pattern().equals(jf.constraints().pattern())) {
        add(j, name, "any string in " + j + ", " + pf.constraints().format() + " (a string of digits) in " + p,
            "add \"pattern\": \"" + pf.constraints().pattern().replace("\\", "\\\\") + "\" to the JSON property");
      }
      return;
    }
    BigDecimal jMin = lower(jf.constraints());
    BigDecimal jMax = upper(jf.constraints());
    BigDecimal pMin = lower(pf.constraints());
    BigDecimal pMax = upper(pf.constraints());
    boolean fits = jMin != null && jMax != null && (pMin == null || jMin.compareTo(pMin) >= 0)
        && (pMax == null || jMax.compareTo(pMax) <= 0);
    if (!fits) {
      add(j, name, "range " + range(jMin, jMax) + " in " + j + " exceeds " + range(pMin, pMax) + " of "
          + protoTypeOf(pf) + " in " + p, "bound the JSON property with minimum/maximum inside the proto type's"
          + " range, or use a wider proto type (uint32 for 0..4294967295)");
    } else if (pMin == null || pMax == null || jMin.compareTo(pMin) != 0 || jMax.compareTo(pMax) != 0) {
      String type = protoTypeOf(pf).replaceFirst("^google\\.protobuf\\.(.*)Value$", "$1").toLowerCase(
          java.util.Locale.ROOT);
      add(j, name, "range " + range(jMin, jMax) + " in " + j + ", " + range(pMin, pMax) + " in " + p,
          "declare the same bounds in the .proto ([(buf.validate.field)." + type + " = {gte: "
              + jMin.toPlainString() + ", lte: " + jMax.toPlainString() + "}]), or in the JSON Schema");
    }
  }

  /**
   * The validation keywords protovalidate rules can declare (string lengths, pattern, format, number bounds, list
   * sizes) must be the same in both twins; integer ranges are compared by {@link #compareRange}, the implied
   * digit pattern of 64-bit integers there too, and a {@code minLength} of 0 or 1 on a proto field without presence
   * (where {@code ""} is an absent field) by {@link #comparePresence}.
   */
  private void compareRules(String name, Field jf, Field pf, SourceLocation j, SourceLocation p) {
    Constraints jc = jf.constraints();
    Constraints pc = pf.constraints();
    DataType js = resolve(jf.type());
    DataType ps = pf.type();
    boolean strings = (js == PrimitiveType.STRING || js instanceof EnumType)
        && (ps == PrimitiveType.STRING || ps instanceof EnumType);
    if (strings && !sixtyFourBit(pc)) {
      rule(name, "format", jc.format(), pc.format(), "string.<format> (email, hostname, ipv4, ipv6, uri, uri_ref, "
          + "uuid)", j, p);
      rule(name, "pattern", jc.pattern(), pc.pattern(), "string.pattern", j, p);
      ProtoOrigin.ProtoField origin = protoFields.get(pf.location() == null ? "" : pf.location().pointer());
      // without presence "" is an absent field: whether "" is allowed is comparePresence's question
      boolean impliedMin = origin != null && !origin.explicitPresence() && !origin.repeated()
          && (pc.minLength() == null ? 0 : pc.minLength()) <= 1 && (jc.minLength() == null ? 0 : jc.minLength()) <= 1;
      if (!impliedMin) {
        rule(name, "minLength", jc.minLength(), pc.minLength(), "string.min_len", j, p);
      }
      rule(name, "maxLength", jc.maxLength(), pc.maxLength(), "string.max_len", j, p);
    }
    if (js instanceof ListType && ps instanceof ListType) {
      rule(name, "minItems", jc.minItems(), pc.minItems(), "repeated.min_items", j, p);
      rule(name, "maxItems", jc.maxItems(), pc.maxItems(), "repeated.max_items", j, p);
    }
    boolean numbers = (js == PrimitiveType.DECIMAL || js == PrimitiveType.DOUBLE) && ps == PrimitiveType.DOUBLE;
    if (numbers) {
      String type = protoTypeOf(pf).contains("loat") ? "float" : "double";
      rule(name, "minimum", jc.minimum(), pc.minimum(), type + ".gte", j, p);
      rule(name, "exclusiveMinimum", jc.exclusiveMinimum(), pc.exclusiveMinimum(), type + ".gt", j, p);
      rule(name, "maximum", jc.maximum(), pc.maximum(), type + ".lte", j, p);
      rule(name, "exclusiveMaximum", jc.exclusiveMaximum(), pc.exclusiveMaximum(), type + ".lt", j, p);
    }
  }

  /** The digit-string form of a 64-bit proto integer (its pattern is compared by {@link #compareRange}). */
  private static boolean sixtyFourBit(Constraints c) {
    return c.pattern() != null && ("int64".equals(c.format()) || "uint64".equals(c.format()));
  }

  private void rule(String name, String keyword, Object json, Object proto, String protoRule, SourceLocation j,
      SourceLocation p) {
    boolean same = json instanceof BigDecimal a && proto instanceof BigDecimal b ? a.compareTo(b) == 0
        : java.util.Objects.equals(json, proto);
    if (!same) {
      add(j, name, keyword + " " + show(json) + " in " + j + ", " + show(proto) + " in " + p,
          "declare the same rule in both: \"" + keyword + "\" in the JSON Schema, (buf.validate.field)." + protoRule
              + " in the .proto (docs/contract-format.md)");
    }
  }

  private static String show(Object value) {
    return value == null ? "none" : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
  }

  private void comparePresence(String name, Field jf, Field pf, SourceLocation j, SourceLocation p) {
    ProtoOrigin.ProtoField origin = protoFields.get(pf.location() == null ? "" : pf.location().pointer());
    if (origin == null || origin.explicitPresence() || origin.repeated()) {
      return;
    }
    DataType js = resolve(jf.type());
    if (!(js instanceof PrimitiveType jp0 && pf.type() instanceof PrimitiveType pp0 && sameKind(jp0, pp0))) {
      return;
    }
    String defaultValue = null;
    if (js == PrimitiveType.STRING && pf.type() == PrimitiveType.STRING
        && (jf.constraints().minLength() == null || jf.constraints().minLength() < 1)) {
      defaultValue = "\"\"";
    } else if (js instanceof PrimitiveType jp && (jp.isInteger() || jp == PrimitiveType.DECIMAL
        || jp == PrimitiveType.DOUBLE) && allowsZero(jf.constraints())) {
      defaultValue = "0";
    } else if (js == PrimitiveType.BOOLEAN) {
      defaultValue = "false";
    }
    if (defaultValue == null && !jf.required()) {
      String forbidden = js == PrimitiveType.STRING ? "\"\"" : js instanceof PrimitiveType jp2 && jp2 != PrimitiveType.BOOLEAN
          && !allowsZero(jf.constraints()) ? "0" : null;
      if (forbidden != null) {
        add(j, name, "rejects " + forbidden + " in " + j + ", but " + p + " turns " + forbidden + " into an absent field,"
            + " which is valid (proto3 field without presence)", "declare the proto field `optional`, so " + forbidden
            + " stays in the JSON form and is rejected in both formats");
      }
      return;
    }
    if (defaultValue != null) {
      add(j, name, "allows " + defaultValue + " in " + j + ", which " + p + " leaves out of the JSON form"
          + " (proto3 field without presence)", "declare the proto field `optional`, or forbid " + defaultValue
          + " in the JSON Schema");
    }
  }

  private static boolean allowsZero(Constraints c) {
    BigDecimal min = lower(c);
    BigDecimal max = upper(c);
    return (min == null || min.signum() <= 0) && (max == null || max.signum() >= 0)
        && (c.exclusiveMinimum() == null || c.exclusiveMinimum().signum() < 0)
        && (c.exclusiveMaximum() == null || c.exclusiveMaximum().signum() > 0);
  }

  private void compareEnums(String path, EnumType json, EnumType proto, SourceLocation j, SourceLocation p) {
    Set<String> jv = new LinkedHashSet<>(json.values());
    Set<String> pv = new LinkedHashSet<>(proto.values());
    Set<String> onlyJson = new TreeSet<>(jv);
    onlyJson.removeAll(pv);
    Set<String> onlyProto = new TreeSet<>(pv);
    onlyProto.removeAll(jv);
    // an enum declared by a string field's string.in rule sits at the field; it has no zero value
    boolean fromStringIn = proto.location() != null && protoFields.containsKey(proto.location().pointer());
    if (!proto.values().isEmpty() && !fromStringIn) {
      onlyProto.remove(proto.values().get(0)); // the zero value is never written; a JSON Schema may leave it out
    }
    if (!onlyJson.isEmpty() || !onlyProto.isEmpty()) {
      add(j, path, "enum values differ: only in " + j + ": " + onlyJson + ", only in " + p + ": " + onlyProto,
          "list the same value names in both (the proto enum's zero value may be left out of the JSON Schema)");
    }
  }

  private void compareUnions(String path, UnionType json, UnionType proto, SourceLocation j, SourceLocation p) {
    if (json.branches().size() != proto.branches().size()) {
      add(j, path, "union of " + json.branches().size() + " branches in " + j + ", oneof of "
          + proto.branches().size() + " members in " + p, "give the oneOf one branch per oneof member");
      return;
    }
    List<UnionType.Branch> unmatched = new ArrayList<>(proto.branches());
    for (UnionType.Branch jb : json.branches()) {
      DataType jt = resolve(jb.type());
      UnionType.Branch match = null;
      for (UnionType.Branch pb : unmatched) {
        if (jt instanceof ObjectType jo && pb.type() instanceof ObjectType po && requiredNames(jo)
            .equals(requiredNames(po))) {
          match = pb;
        }
      }
      if (match == null) {
        add(j, path, "oneOf branch " + describe(jt) + " in " + j + " matches no oneof member in " + p,
            "each branch must require exactly the fields of one oneof member plus the common required fields");
        continue;
      }
      unmatched.remove(match);
      compare(path, jt, match.type(), j, p);
    }
  }

  private static Set<String> requiredNames(ObjectType o) {
    Set<String> names = new TreeSet<>();
    o.fields().stream().filter(Field::required).forEach(f -> names.add(f.name()));
    return names;
  }

  private DataType resolve(DataType type) {
    DataType t = type;
    while (t instanceof TypeRef ref) {
      t = jsonContracts.resolve(ref);
    }
    return t;
  }

  private String protoTypeOf(Field pf) {
    ProtoOrigin.ProtoField origin = protoFields.get(pf.location() == null ? "" : pf.location().pointer());
    return origin == null ? describe(pf.type()) : origin.protoType();
  }

  private static BigDecimal lower(Constraints c) {
    return c.minimum() != null ? c.minimum() : c.exclusiveMinimum() != null ? c.exclusiveMinimum().add(BigDecimal.ONE)
        : null;
  }

  private static BigDecimal upper(Constraints c) {
    return c.maximum() != null ? c.maximum() : c.exclusiveMaximum() != null
        ? c.exclusiveMaximum().subtract(BigDecimal.ONE) : null;
  }

  private static String range(BigDecimal min, BigDecimal max) {
    return "[" + (min == null ? "-inf" : min.toPlainString()) + ", " + (max == null ? "+inf" : max.toPlainString())
        + "]";
  }

  static String describe(DataType type) {
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case STRING -> "string";
        case INTEGER, LONG, BIG_INTEGER -> "integer";
        case DECIMAL, DOUBLE -> "number";
        case BOOLEAN -> "boolean";
        case DATE_TIME -> "date-time";
        case DATE -> "date";
        case BYTES -> "bytes";
      };
    }
    if (type instanceof ObjectType o) {
      return "object " + o.name();
    }
    if (type instanceof EnumType e) {
      return "enum " + e.name();
    }
    if (type instanceof UnionType u) {
      return "union " + u.name();
    }
    if (type instanceof ListType l) {
      return "array of " + describe(l.element());
    }
    if (type instanceof MapType m) {
      return "map of " + describe(m.value());
    }
    if (type instanceof ConstType c) {
      return "constant " + c.json();
    }
    if (type instanceof TypeRef r) {
      return "reference " + r.contractId() + r.definition();
    }
    return "any value";
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private void add(SourceLocation at, String path, String what, String hint) {
    String where = path.isEmpty() ? "" : "field " + path + ": ";
    findings.add(new ContractError(at == null ? null : at.file(), at == null ? 0 : at.line(),
        subject + ": " + where + what, hint));
  }
}
