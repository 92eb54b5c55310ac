package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.AdditionalProperties;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules over the format-neutral model, modelled on Confluent Schema Registry's JSON Schema compatibility:
 * content models (open, closed, partially open), required properties with and without a default, removals,
 * widening and narrowing of types, enums, bounds, lengths, patterns, formats and nullability, references, array
 * items, union branches. {@code allOf} is compared through its merged effect (the model holds the merged object), so
 * a changed part shows as the property changes it causes.
 */
public final class ModelRules implements CompatibilityRules {

  /** Formats that the model carries as a primitive type ({@link PrimitiveType#DATE_TIME}, {@link PrimitiveType#DATE}). */
  private static final Set<String> TYPED_FORMATS = Set.of("date-time", "date");

  @Override
  public boolean appliesTo(Contract baseline, Contract current) {
    return true;
  }

  @Override
  public List<Change> compare(Contract baseline, ContractSet baselineSet, Contract current, ContractSet currentSet) {
    Walk walk = new Walk(baselineSet, currentSet);
    if (!Objects.equals(norm(baseline.description()), norm(current.description()))) {
      walk.add(ChangeKind.DESCRIPTION_CHANGED, "", null, null, Effect.NONE, current.source());
    }
    walk.type("", baseline.rootType(), current.rootType(), current.source());
    return walk.changes;
  }

  /** The effect of all changes together; {@link Effect#NONE} when there are none. */
  public static Effect effectOf(List<Change> changes) {
    Effect effect = Effect.NONE;
    for (Change c : changes) {
      effect = effect.and(c.effect());
    }
    return effect;
  }

  private static String norm(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One comparison: the two sets, the changes found, and the pairs already compared (references may cycle). */
  private static final class Walk {
    final ContractSet oldSet;
    final ContractSet newSet;
    final List<Change> changes = new ArrayList<>();
    /** Pairs of referenced types being compared right now: a recursive type is compared once per path. */
    final Set<Pair> inProgress = new HashSet<>();

    Walk(ContractSet oldSet, ContractSet newSet) {
      this.oldSet = oldSet;
      this.newSet = newSet;
    }

    void add(ChangeKind kind, String path, String oldValue, String newValue, Effect effect, SourceLocation at) {
      changes.add(new Change(kind, path, oldValue, newValue, effect, at));
    }

    /** The effect of replacing {@code o} by {@code n}, without recording anything. */
    Effect relate(DataType o, DataType n) {
      Walk sub = new Walk(oldSet, newSet);
      sub.type("", o, n, null);
      return effectOf(sub.changes);
    }

    DataType resolve(ContractSet set, DataType type) {
      int guard = 0;
      while (type instanceof TypeRef ref && guard++ < 32) {
        try {
          type = set.resolve(ref);
        } catch (IllegalArgumentException e) {
          return new AnyType("unresolved reference " + ref.contractId() + "#" + ref.definition());
        }
      }
      return type;
    }

    void type(String path, DataType o, DataType n, SourceLocation at) {
      if (o instanceof TypeRef ro && n instanceof TypeRef rn && !refName(ro).equals(refName(rn))) {
        add(ChangeKind.REF_TARGET_CHANGED, path, refName(ro), refName(rn), Effect.NONE, at);
      }
      DataType ro = resolve(oldSet, o);
      DataType rn = resolve(newSet, n);
      if (o instanceof TypeRef || n instanceof TypeRef) {
        Pair pair = new Pair(ro, rn);
        if (!inProgress.add(pair)) {
          return; // a type that contains itself: its changes are reported where the recursion starts
        }
        try {
          compareResolved(path, ro, rn, at);
        } finally {
          inProgress.remove(pair);
        }
      } else {
        compareResolved(path, ro, rn, at);
      }
    }

    private void compareResolved(String path, DataType ro, DataType rn, SourceLocation at) {
      if (ro instanceof MapType m && rn instanceof ObjectType) {
        ro = asObject(m);
      } else if (rn instanceof MapType m && ro instanceof ObjectType) {
        rn = asObject(m);
      }
      if (ro instanceof ObjectType oo && rn instanceof UnionType) {
        ro = new UnionType(oo.name(), List.of(new UnionType.Branch(oo, null)), null, true, null, oo.location());
      } else if (rn instanceof ObjectType no && ro instanceof UnionType) {
        rn = new UnionType(no.name(), List.of(new UnionType.Branch(no, null)), null, true, null, no.location());
      }
      SourceLocation where = at != null ? at : location(rn);
      if (ro instanceof ObjectType oo && rn instanceof ObjectType no) {
        object(path, oo, no);
      } else if (ro instanceof ListType ol && rn instanceof ListType nl) {
        type(path + "[]", ol.element(), nl.element(), where);
      } else if (ro instanceof MapType om && rn instanceof MapType nm) {
        type(path + "{}", om.value(), nm.value(), where);
      } else if (ro instanceof UnionType ou && rn instanceof UnionType nu) {
        union(path, ou, nu, where);
      } else if (ro instanceof EnumType oe && rn instanceof EnumType ne) {
        enumValues(path, oe.values(), ne.values(), where);
      } else if (ro instanceof ConstType oc && rn instanceof ConstType nc) {
        if (!oc.json().equals(nc.json())) {
          add(ChangeKind.CONST_CHANGED, path, oc.json(), nc.json(), Effect.BREAKS, where);
        }
      } else if (ro instanceof PrimitiveType op && rn instanceof PrimitiveType np) {
        primitive(path, op, np, where);
      } else if (ro instanceof AnyType oa && rn instanceof AnyType na) {
        // both untyped: the model cannot tell their value sets apart; the run-time validator still enforces them
      } else if (ro instanceof AnyType oa && oa.reason().isEmpty()) {
        add(ChangeKind.TYPE_NARROWED, path, describe(ro), describe(rn), Effect.NARROWS, where);
      } else if (rn instanceof AnyType na && na.reason().isEmpty()) {
        add(ChangeKind.TYPE_WIDENED, path, describe(ro), describe(rn), Effect.WIDENS, where);
      } else {
        Effect e = containment(ro, rn);
        ChangeKind kind = e == Effect.WIDENS ? ChangeKind.TYPE_WIDENED
            : e == Effect.NARROWS ? ChangeKind.TYPE_NARROWED : ChangeKind.TYPE_CHANGED;
        add(kind, path, describe(ro), describe(rn), e, where);
      }
    }

    /** Scalars of different shapes: a string to an enum of strings narrows, a value union gains a kind, .... */
    private Effect containment(DataType o, DataType n) {
      Set<String> ov = values(o);
      Set<String> nv = values(n);
      String ok = jsonKind(o);
      String nk = jsonKind(n);
      if (ov != null && nv != null) {
        return nv.containsAll(ov) ? Effect.WIDENS : ov.containsAll(nv) ? Effect.NARROWS : Effect.BREAKS;
      }
      if (ov != null && nk != null && ok != null && (ok.equals(nk) || ok.equals("integer") && nk.equals("number"))) {
        return Effect.WIDENS; // a set of values becomes every value of its kind
      }
      if (nv != null && ok != null && nk != null && (ok.equals(nk) || nk.equals("integer") && ok.equals("number"))) {
        return Effect.NARROWS;
      }
      Set<String> okinds = kinds(o);
      Set<String> nkinds = kinds(n);
      if (okinds != null && nkinds != null) {
        if (nkinds.containsAll(okinds)) {
          return Effect.WIDENS;
        }
        if (okinds.containsAll(nkinds)) {
          return Effect.NARROWS;
        }
      }
      return Effect.BREAKS;
    }

    void object(String path, ObjectType o, ObjectType n) {
      AdditionalProperties oa = o.additionalProperties();
      AdditionalProperties na = n.additionalProperties();
      if (oa.kind() == na.kind()) {
        if (oa.kind() == AdditionalProperties.Kind.TYPED) {
          type(child(path, "*"), oa.valueType(), na.valueType(), n.location());
        }
      } else {
        boolean opened = openness(na) > openness(oa);
        add(opened ? ChangeKind.CONTENT_MODEL_OPENED : ChangeKind.CONTENT_MODEL_CLOSED, path, describe(oa),
            describe(na), opened ? Effect.WIDENS : Effect.NARROWS, n.location());
      }
      Map<String, Field> newFields = new LinkedHashMap<>();
      n.fields().forEach(f -> newFields.put(f.name(), f));
      for (Field of : o.fields()) {
        Field nf = newFields.remove(of.name());
        String p = child(path, of.name());
        if (nf == null) {
          removed(p, of, na, n.location());
        } else {
          field(p, of, nf);
        }
      }
      for (Field nf : newFields.values()) {
        added(child(path, nf.name()), nf, oa);
      }
    }

    private void removed(String p, Field of, AdditionalProperties na, SourceLocation at) {
      String old = describe(of);
      switch (na.kind()) {
        case OPEN -> add(ChangeKind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, p, old, null, Effect.WIDENS, at);
        case CLOSED -> add(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, p, old, null,
            Effect.of(false, !of.required()), at);
        case TYPED -> {
          Effect cover = relate(of.type(), na.valueType());
          add(cover.backwardCompatible() ? ChangeKind.PROPERTY_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                  : ChangeKind.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, p, old, null,
              Effect.of(cover.backwardCompatible(), cover.forwardCompatible() && !of.required()), at);
        }
      }
    }

    private void added(String p, Field nf, AdditionalProperties oa) {
      String neu = describe(nf);
      boolean hasDefault = nf.constraints().defaultJson() != null;
      SourceLocation at = nf.location();
      switch (oa.kind()) {
        case OPEN -> {
          boolean acceptsAll = nf.type() instanceof AnyType any && any.reason().isEmpty() && !nf.required();
          add(nf.required() ? ChangeKind.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                  : ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, p, null, neu,
              acceptsAll ? Effect.NONE : Effect.NARROWS, at);
        }
        case CLOSED -> {
          if (!nf.required()) {
            add(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, p, null, neu, Effect.WIDENS, at);
          } else if (hasDefault) {
            // the runtime validates and never fills in defaults: old events without the property are refused
            add(ChangeKind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_CLOSED_CONTENT_MODEL, p, null, neu, Effect.BREAKS,
                at);
          } else {
            add(ChangeKind.REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, p, null, neu, Effect.BREAKS, at);
          }
        }
        case TYPED -> {
          Effect cover = relate(oa.valueType(), nf.type());
          add(cover.backwardCompatible() ? ChangeKind.PROPERTY_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                  : ChangeKind.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, p, null, neu,
              Effect.of(cover.backwardCompatible() && !nf.required(), cover.forwardCompatible()), at);
        }
      }
    }

    void field(String p, Field of, Field nf) {
      SourceLocation at = nf.location();
      if (of.required() != nf.required()) {
        if (nf.required()) {
          boolean hasDefault = nf.constraints().defaultJson() != null;
          add(hasDefault ? ChangeKind.PROPERTY_WITH_DEFAULT_MADE_REQUIRED : ChangeKind.PROPERTY_MADE_REQUIRED, p,
              "optional", "required", Effect.NARROWS, at);
        } else {
          add(ChangeKind.PROPERTY_MADE_OPTIONAL, p, "required", "optional", Effect.WIDENS, at);
        }
      }
      if (of.nullable() != nf.nullable()) {
        add(nf.nullable() ? ChangeKind.NULL_ALLOWED : ChangeKind.NULL_DISALLOWED, p,
            of.nullable() ? "nullable" : "not nullable", nf.nullable() ? "nullable" : "not nullable",
            nf.nullable() ? Effect.WIDENS : Effect.NARROWS, at);
      }
      type(p, of.type(), nf.type(), at);
      constraints(p, of.constraints(), nf.constraints(), at);
      if (!Objects.equals(norm(of.description()), norm(nf.description()))) {
        add(ChangeKind.DESCRIPTION_CHANGED, p, null, null, Effect.NONE, at);
      }
    }

    void constraints(String p, Constraints o, Constraints n, SourceLocation at) {
      lower(p, o.minimum(), n.minimum(), ChangeKind.MINIMUM_NARROWED, ChangeKind.MINIMUM_WIDENED, at);
      upper(p, o.maximum(), n.maximum(), ChangeKind.MAXIMUM_NARROWED, ChangeKind.MAXIMUM_WIDENED, at);
      lower(p, o.exclusiveMinimum(), n.exclusiveMinimum(), ChangeKind.EXCLUSIVE_MINIMUM_NARROWED,
          ChangeKind.EXCLUSIVE_MINIMUM_WIDENED, at);
      upper(p, o.exclusiveMaximum(), n.exclusiveMaximum(), ChangeKind.EXCLUSIVE_MAXIMUM_NARROWED,
          ChangeKind.EXCLUSIVE_MAXIMUM_WIDENED, at);
      lower(p, dec(o.minLength()), dec(n.minLength()), ChangeKind.MIN_LENGTH_NARROWED, ChangeKind.MIN_LENGTH_WIDENED,
          at);
      upper(p, dec(o.maxLength()), dec(n.maxLength()), ChangeKind.MAX_LENGTH_NARROWED, ChangeKind.MAX_LENGTH_WIDENED,
          at);
      lower(p, dec(o.minItems()), dec(n.minItems()), ChangeKind.MIN_ITEMS_NARROWED, ChangeKind.MIN_ITEMS_WIDENED, at);
      upper(p, dec(o.maxItems()), dec(n.maxItems()), ChangeKind.MAX_ITEMS_NARROWED, ChangeKind.MAX_ITEMS_WIDENED, at);
      keyword(p, o.pattern(), n.pattern(), ChangeKind.PATTERN_ADDED, ChangeKind.PATTERN_REMOVED,
          ChangeKind.PATTERN_CHANGED, at);
      String of = TYPED_FORMATS.contains(String.valueOf(o.format())) ? null : o.format();
      String nf = TYPED_FORMATS.contains(String.valueOf(n.format())) ? null : n.format();
      keyword(p, of, nf, ChangeKind.FORMAT_ADDED, ChangeKind.FORMAT_REMOVED, ChangeKind.FORMAT_CHANGED, at);
      if (!Objects.equals(o.defaultJson(), n.defaultJson())) {
        add(ChangeKind.DEFAULT_CHANGED, p, o.defaultJson(), n.defaultJson(), Effect.NONE, at);
      }
    }

    private void lower(String p, BigDecimal o, BigDecimal n, ChangeKind narrowed, ChangeKind widened,
        SourceLocation at) {
      if (Objects.equals(o, n) || o != null && n != null && o.compareTo(n) == 0) {
        return;
      }
      boolean narrows = o == null || n != null && n.compareTo(o) > 0;
      add(narrows ? narrowed : widened, p, plain(o), plain(n), narrows ? Effect.NARROWS : Effect.WIDENS, at);
    }

    private void upper(String p, BigDecimal o, BigDecimal n, ChangeKind narrowed, ChangeKind widened,
        SourceLocation at) {
      if (Objects.equals(o, n) || o != null && n != null && o.compareTo(n) == 0) {
        return;
      }
      boolean narrows = o == null || n != null && n.compareTo(o) < 0;
      add(narrows ? narrowed : widened, p, plain(o), plain(n), narrows ? Effect.NARROWS : Effect.WIDENS, at);
    }

    private void keyword(String p, String o, String n, ChangeKind added, ChangeKind removed, ChangeKind changed,
        SourceLocation at) {
      if (Objects.equals(o, n)) {
        return;
      }
      if (o == null) {
        add(added, p, null, n, Effect.NARROWS, at);
      } else if (n == null) {
        add(removed, p, o, null, Effect.WIDENS, at);
      } else {
        add(changed, p, o, n, Effect.BREAKS, at);
      }
    }

    void primitive(String p, PrimitiveType o, PrimitiveType n, SourceLocation at) {
      String ok = jsonKind(o);
      String nk = jsonKind(n);
      if (!ok.equals(nk)) {
        if (ok.equals("integer") && nk.equals("number")) {
          add(ChangeKind.TYPE_WIDENED, p, ok, nk, Effect.WIDENS, at);
        } else if (ok.equals("number") && nk.equals("integer")) {
          add(ChangeKind.TYPE_NARROWED, p, ok, nk, Effect.NARROWS, at);
        } else {
          add(ChangeKind.TYPE_CHANGED, p, describe(o), describe(n), Effect.BREAKS, at);
        }
        return;
      }
      // integer and number kinds differ only by declared range, which the bound rules report
      keyword(p, typedFormat(o), typedFormat(n), ChangeKind.FORMAT_ADDED, ChangeKind.FORMAT_REMOVED,
          ChangeKind.FORMAT_CHANGED, at);
    }

    void enumValues(String p, List<String> o, List<String> n, SourceLocation at) {
      for (String v : n) {
        if (!o.contains(v)) {
          add(ChangeKind.ENUM_VALUE_ADDED, p, null, quote(v), Effect.WIDENS, at);
        }
      }
      for (String v : o) {
        if (!n.contains(v)) {
          add(ChangeKind.ENUM_VALUE_REMOVED, p, quote(v), null, Effect.NARROWS, at);
        }
      }
    }

    void union(String p, UnionType o, UnionType n, SourceLocation at) {
      if (isValueUnion(o) && isValueUnion(n)) {
        Set<String> ok = kinds(o);
        Set<String> nk = kinds(n);
        for (String k : nk) {
          if (!ok.contains(k)) {
            add(ChangeKind.UNION_BRANCH_ADDED, p, null, k, Effect.WIDENS, at);
          }
        }
        for (String k : ok) {
          if (!nk.contains(k)) {
            add(ChangeKind.UNION_BRANCH_REMOVED, p, k, null, Effect.NARROWS, at);
          }
        }
        return;
      }
      boolean byValue = o.discriminator() != null && o.discriminator().equals(n.discriminator());
      if (o.discriminator() != null && n.discriminator() != null && !byValue) {
        add(ChangeKind.DISCRIMINATOR_CHANGED, p, o.discriminator(), n.discriminator(), Effect.BREAKS, at);
      }
      if (o.exclusive() != n.exclusive() && o.branches().size() > 1 && n.branches().size() > 1) {
        add(n.exclusive() ? ChangeKind.UNION_MADE_EXCLUSIVE : ChangeKind.UNION_MADE_INCLUSIVE, p,
            o.exclusive() ? "oneOf" : "anyOf", n.exclusive() ? "oneOf" : "anyOf",
            n.exclusive() ? Effect.NARROWS : Effect.WIDENS, at);
      }
      Map<String, UnionType.Branch> newBranches = new LinkedHashMap<>();
      for (int i = 0; i < n.branches().size(); i++) {
        newBranches.put(label(n.branches().get(i), i, byValue), n.branches().get(i));
      }
      for (int i = 0; i < o.branches().size(); i++) {
        String label = label(o.branches().get(i), i, byValue);
        UnionType.Branch nb = newBranches.remove(label);
        String bp = p + "<" + label + ">";
        if (nb == null) {
          add(ChangeKind.UNION_BRANCH_REMOVED, bp, describe(o.branches().get(i).type()), null, Effect.NARROWS, at);
        } else {
          type(bp, o.branches().get(i).type(), nb.type(), at);
        }
      }
      for (Map.Entry<String, UnionType.Branch> e : newBranches.entrySet()) {
        add(ChangeKind.UNION_BRANCH_ADDED, p + "<" + e.getKey() + ">", null, describe(e.getValue().type()),
            Effect.WIDENS, at);
      }
    }

    private static String label(UnionType.Branch b, int index, boolean byValue) {
      return byValue && b.discriminatorValue() != null ? b.discriminatorValue() : "#" + (index + 1);
    }

    String describe(DataType t) {
      DataType r = t instanceof TypeRef ref ? resolveQuietly(ref) : t;
      if (t instanceof TypeRef ref && !(r instanceof ObjectType || r instanceof EnumType || r instanceof UnionType)) {
        return describeResolved(r);
      }
      return t instanceof TypeRef ref ? "$ref " + refName(ref) : describeResolved(t);
    }

    private DataType resolveQuietly(TypeRef ref) {
      DataType r = resolve(newSet, ref);
      return r instanceof AnyType ? resolve(oldSet, ref) : r;
    }

    String describe(Field f) {
      String d = describe(f.type());
      if (f.nullable()) {
        d += " or null";
      }
      d += f.required() ? ", required" : ", optional";
      if (f.constraints().defaultJson() != null) {
        d += ", default " + f.constraints().defaultJson();
      }
      return d;
    }

    static String describe(AdditionalProperties a) {
      return switch (a.kind()) {
        case OPEN -> "open";
        case CLOSED -> "closed";
        case TYPED -> "partially open";
      };
    }
  }

  /** Two model instances, compared by identity (the model shares one instance per named type). */
  private record Pair(Object a, Object b) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Pair p && p.a == a && p.b == b;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(a) + System.identityHashCode(b);
    }
  }

  // ------------------------------------------------------------------------------------------------- helpers

  static String describeResolved(DataType t) {
    if (t instanceof PrimitiveType p) {
      String f = typedFormat(p);
      return jsonKind(p) + (f == null ? "" : " (" + f + ")");
    }
    if (t instanceof ConstType c) {
      return "const " + c.json();
    }
    if (t instanceof EnumType e) {
      return "enum " + e.values();
    }
    if (t instanceof ObjectType o) {
      return "object";
    }
    if (t instanceof ListType l) {
      return "array of " + describeResolved(l.element());
    }
    if (t instanceof MapType m) {
      return "map of " + describeResolved(m.value());
    }
    if (t instanceof UnionType u) {
      return (u.exclusive() ? "oneOf" : "anyOf") + " of " + u.branches().size();
    }
    if (t instanceof AnyType a) {
      return a.reason().isEmpty() ? "any" : "any (" + a.reason() + ")";
    }
    return t instanceof TypeRef r ? "$ref " + refName(r) : String.valueOf(t);
  }

  static String refName(TypeRef ref) {
    String id = ref.contractId();
    String file = id.substring(id.lastIndexOf('/') + 1);
    return ref.isRoot() ? file : file + "#" + ref.definition();
  }

  private static ObjectType asObject(MapType m) {
    AdditionalProperties ap = m.value() instanceof AnyType a && a.reason().isEmpty()
        ? AdditionalProperties.OPEN : AdditionalProperties.typed(m.value());
    return new ObjectType("map", List.of(), ap, null, null);
  }

  private static SourceLocation location(DataType t) {
    if (t instanceof ObjectType o) {
      return o.location();
    }
    if (t instanceof EnumType e) {
      return e.location();
    }
    return t instanceof UnionType u ? u.location() : null;
  }

  private static int openness(AdditionalProperties a) {
    return switch (a.kind()) {
      case CLOSED -> 0;
      case TYPED -> 1;
      case OPEN -> 2;
    };
  }

  static String jsonKind(DataType t) {
    if (t instanceof PrimitiveType p) {
      return switch (p) {
        case STRING, DATE_TIME, DATE -> "string";
        case INTEGER, LONG, BIG_INTEGER -> "integer";
        case DECIMAL, DOUBLE -> "number";
        case BOOLEAN -> "boolean";
        case BYTES -> "bytes";
      };
    }
    if (t instanceof ConstType c) {
      return c.base().isInteger() ? "integer" : jsonKind(c.base());
    }
    if (t instanceof EnumType) {
      return "string";
    }
    return null;
  }

  private static String typedFormat(PrimitiveType p) {
    return p == PrimitiveType.DATE_TIME ? "date-time" : p == PrimitiveType.DATE ? "date" : null;
  }

  /** The finite set of values of a const or enum (as JSON text), else {@code null}. */
  private static Set<String> values(DataType t) {
    if (t instanceof ConstType c) {
      return Set.of(c.json());
    }
    if (t instanceof EnumType e) {
      Set<String> out = new LinkedHashSet<>();
      e.values().forEach(v -> out.add(quote(v)));
      return out;
    }
    return null;
  }

  /** The JSON kinds a primitive or a value union accepts, else {@code null}. */
  private static Set<String> kinds(DataType t) {
    if (t instanceof PrimitiveType p) {
      return Set.of(jsonKind(p));
    }
    if (t instanceof UnionType u && isValueUnion(u)) {
      Set<String> out = new LinkedHashSet<>();
      u.branches().forEach(b -> out.add(jsonKind(b.type())));
      if (out.contains("number")) {
        out.add("integer");
      }
      return out;
    }
    return null;
  }

  private static boolean isValueUnion(UnionType u) {
    return u.branches().stream().allMatch(b -> b.type() instanceof PrimitiveType);
  }

  private static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal dec(Integer v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
