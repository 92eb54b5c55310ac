package io.eventcontracts.codegen.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
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
import io.eventcontracts.codegen.naming.JavaNames;
import io.eventcontracts.codegen.naming.JavaNaming;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates one Jackson-annotated Java type per named model type (objects, enums, unions) with JavaPoet, reading
 * only the contract model and the {@link JavaNaming} pass.
 *
 * <p>Why JavaPoet and not jsonschema2pojo: wire fidelity needs constructs jsonschema2pojo's rules cannot express:
 * three states per optional nullable property (absent, {@code null}, value), unknown properties kept as
 * {@code JsonNode}s, sealed unions with a discriminator or deduction, merged {@code allOf} types, and no
 * collection or default initialisation. Generating from the model keeps the model the only input.
 *
 * <p>The shape of an object class: private fields carrying {@code @JsonProperty} with the wire name (Jackson
 * auto-detection is off, so the fields are the wire form, nothing else); an optional nullable property is an
 * {@code Optional<T>} field ({@code null} = absent, {@code Optional.empty()} = explicit {@code null}); a required
 * nullable one is always written; open objects keep unknown properties in an ordered {@code Map<String, JsonNode>}
 * ({@code @JsonAnySetter}/{@code @JsonAnyGetter}); {@code date-time} is {@code OffsetDateTime} read without
 * adjusting to UTC. Public API: a no-argument and an all-properties constructor, {@code getX}/{@code setX}/
 * {@code withX} per property ({@code hasX}/{@code clearX} for optional nullable ones), a {@code builder()},
 * {@code equals}/{@code hashCode}/{@code toString}.
 */
public final class EventClassGenerator {

  static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  static final ClassName JSON_FORMAT = ClassName.get("com.fasterxml.jackson.annotation", "JsonFormat");
  static final ClassName JSON_AUTO_DETECT = ClassName.get("com.fasterxml.jackson.annotation", "JsonAutoDetect");
  static final ClassName JSON_PROPERTY_ORDER = ClassName.get("com.fasterxml.jackson.annotation", "JsonPropertyOrder");
  static final ClassName JSON_ANY_GETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnyGetter");
  static final ClassName JSON_ANY_SETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnySetter");
  static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  static final ClassName JSON_TYPE_INFO = ClassName.get("com.fasterxml.jackson.annotation", "JsonTypeInfo");
  static final ClassName JSON_SUB_TYPES = ClassName.get("com.fasterxml.jackson.annotation", "JsonSubTypes");
  static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");
  static final ClassName OPTIONAL = ClassName.get(java.util.Optional.class);
  static final ClassName OBJECTS = ClassName.get(java.util.Objects.class);

  private final JavaNaming naming;

  public EventClassGenerator(JavaNaming naming) {
    this.naming = naming;
  }

  /** One file per named type of the set. */
  public List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    Map<DataType, List<ClassName>> unionsOf = new IdentityHashMap<>();
    for (DataType named : naming.namedTypes()) {
      if (named instanceof UnionType union) {
        for (UnionType.Branch b : union.branches()) {
          unionsOf.computeIfAbsent(resolve(contracts, b.type()), k -> new ArrayList<>())
              .add(ClassName.get(packageName, naming.className(union)));
        }
      }
    }
    List<GeneratedFile> files = new ArrayList<>();
    Types types = new Types(contracts, packageName);
    for (DataType named : naming.namedTypes()) {
      TypeSpec spec;
      if (named instanceof ObjectType object) {
        spec = objectClass(object, types, unionsOf.getOrDefault(object, List.of()));
      } else if (named instanceof EnumType enumType) {
        spec = enumClass(enumType);
      } else {
        UnionType union = (UnionType) named;
        spec = union.branches().stream().allMatch(b -> b.type() instanceof PrimitiveType)
            ? valueUnion(union) : unionInterface(union, types, contracts);
      }
      files.add(JavaFiles.emit(packageName, spec));
    }
    return files;
  }

  private static DataType resolve(ContractSet contracts, DataType type) {
    int guard = 0;
    while (type instanceof TypeRef ref && guard++ < 20) {
      type = contracts.resolve(ref);
    }
    return type;
  }

  /** Maps model types to Java types. */
  final class Types {
    final ContractSet contracts;
    final String packageName;

    Types(ContractSet contracts, String packageName) {
      this.contracts = contracts;
      this.packageName = packageName;
    }

    TypeName of(DataType type) {
      if (type instanceof TypeRef ref) {
        return of(resolve(contracts, ref));
      }
      if (type instanceof PrimitiveType p) {
        return primitive(p);
      }
      if (type instanceof ConstType c) {
        return primitive(c.base());
      }
      if (type instanceof AnyType) {
        return JSON_NODE;
      }
      if (type instanceof ListType l) {
        return ParameterizedTypeName.get(ClassName.get(List.class), of(l.element()));
      }
      if (type instanceof MapType m) {
        return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), of(m.value()));
      }
      return ClassName.get(packageName, naming.className(type));
    }

    boolean isDateTime(DataType type) {
      DataType t = resolve(contracts, type);
      if (t instanceof ListType l) {
        return isDateTime(l.element());
      }
      return t == PrimitiveType.DATE_TIME || t == PrimitiveType.DATE;
    }
  }

  static TypeName primitive(PrimitiveType p) {
    return switch (p) {
      case STRING -> ClassName.get(String.class);
      case INTEGER -> ClassName.get(Integer.class);
      case LONG -> ClassName.get(Long.class);
      case BIG_INTEGER -> ClassName.get(java.math.BigInteger.class);
      case DECIMAL -> ClassName.get(java.math.BigDecimal.class);
      case DOUBLE -> ClassName.get(Double.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case DATE_TIME -> ClassName.get(java.time.OffsetDateTime.class);
      case DATE -> ClassName.get(java.time.LocalDate.class);
      case BYTES -> TypeName.get(byte[].class);
    };
  }

  // ---------------------------------------------------------------------------------------------- objects

  private static boolean tracksPresence(Field f) {
    return f.nullable() && !f.required();
  }

  private static String doc(String text) {
    return text == null ? "" : text.replace("*/", "*&#47;").replace("$", "$$");
  }

  private static String fieldDoc(Field f) {
    StringBuilder out = new StringBuilder(doc(f.description()));
    String constraints = f.constraints().describe();
    if (!constraints.isEmpty()) {
      out.append(out.length() > 0 ? "\n<p>" : "").append("Contract: ").append(doc(constraints)).append('.');
    }
    out.append(out.length() > 0 ? "\n<p>" : "").append(f.required() ? "Required" : "Optional")
        .append(f.nullable() ? ", may be {@code null}." : ".");
    return out.toString();
  }

  private TypeSpec objectClass(ObjectType object, Types types, List<ClassName> unions) {
    String name = naming.className(object);
    ClassName self = ClassName.get(types.packageName, name);
    TypeSpec.Builder type = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterfaces(unions);
    type.addJavadoc(object.description() == null ? name : doc(object.description()));
    ClassName include = JSON_INCLUDE.nestedClass("Include");
    type.addAnnotation(AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.NON_NULL", include)
        .addMember("content", "$T.ALWAYS", include).build());
    ClassName visibility = JSON_AUTO_DETECT.nestedClass("Visibility");
    type.addAnnotation(AnnotationSpec.builder(JSON_AUTO_DETECT)
        .addMember("fieldVisibility", "$T.NONE", visibility)
        .addMember("getterVisibility", "$T.NONE", visibility)
        .addMember("isGetterVisibility", "$T.NONE", visibility)
        .addMember("setterVisibility", "$T.NONE", visibility)
        .addMember("creatorVisibility", "$T.NONE", visibility).build());
    if (!unions.isEmpty()) {
      // a branch read or written as itself (a field of the branch's own type) carries no type information
      type.addAnnotation(AnnotationSpec.builder(JSON_TYPE_INFO)
          .addMember("use", "$T.NONE", JSON_TYPE_INFO.nestedClass("Id")).build());
    }
    if (!object.fields().isEmpty()) {
      CodeBlock.Builder order = CodeBlock.builder().add("{");
      for (int i = 0; i < object.fields().size(); i++) {
        order.add(i == 0 ? "$S" : ", $S", object.fields().get(i).name());
      }
      type.addAnnotation(AnnotationSpec.builder(JSON_PROPERTY_ORDER).addMember("value", order.add("}").build())
          .build());
    }

    MethodSpec.Builder allArgs = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("All declared properties; {@code null} leaves a property absent.\n");
    ClassName builderClass = self.nestedClass("Builder");
    TypeSpec.Builder builder = TypeSpec.classBuilder("Builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; {@code build()} hands out the instance, so use one builder per object.\n",
            self)
        .addField(FieldSpec.builder(self, "instance", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", self).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<MethodSpec> accessors = new ArrayList<>();
    List<String> javaFields = new ArrayList<>();
    CodeBlock.Builder toString = CodeBlock.builder().add("return $S", name + "[");

    for (Field f : object.fields()) {
      String n = naming.fieldName(object, f);
      javaFields.add(n);
      String pascal = accessorBase(n);
      TypeName t = types.of(f.type());
      boolean presence = tracksPresence(f);
      FieldSpec.Builder field = FieldSpec.builder(presence ? ParameterizedTypeName.get(OPTIONAL, t) : t, n,
          Modifier.PRIVATE).addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", f.name())
          .build());
      if (f.required() && f.nullable()) {
        field.addAnnotation(AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.ALWAYS", include).build());
      }
      if (types.isDateTime(f.type())) {
        field.addAnnotation(AnnotationSpec.builder(JSON_FORMAT)
            .addMember("shape", "$T.STRING", JSON_FORMAT.nestedClass("Shape"))
            .addMember("without", "$T.ADJUST_DATES_TO_CONTEXT_TIME_ZONE", JSON_FORMAT.nestedClass("Feature"))
            .build());
      }
      if (resolve(types.contracts, f.type()) instanceof ConstType c) {
        type.addField(FieldSpec.builder(t, JavaNames.constantName(n) + "_VALUE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("The only value {@code $L} may have.\n", doc(f.name()))
            .initializer(constInitializer(c)).build());
      }
      type.addField(field.build());
      String javadoc = fieldDoc(f);

      allArgs.addParameter(t, n);
      if (presence) {
        allArgs.addStatement("this.$N = $N == null ? null : $T.of($N)", n, n, OPTIONAL, n);
      } else {
        allArgs.addStatement("this.$N = $N", n, n);
      }
      MethodSpec.Builder getter = MethodSpec.methodBuilder("get" + pascal).addModifiers(Modifier.PUBLIC)
          .returns(t).addJavadoc(javadoc + "\n");
      if (presence) {
        getter.addStatement("return $N == null ? null : $N.orElse(null)", n, n);
      } else {
        getter.addStatement("return $N", n);
      }
      accessors.add(getter.build());
      MethodSpec.Builder setter = MethodSpec.methodBuilder("set" + pascal).addModifiers(Modifier.PUBLIC)
          .addParameter(t, n);
      if (presence) {
        setter.addJavadoc("Sets the value; {@code null} writes an explicit {@code null} (use {@link #clear$L()} "
            + "to leave the property out).\n", pascal).addStatement("this.$N = $T.ofNullable($N)", n, OPTIONAL, n);
      } else {
        setter.addJavadoc("Sets {@code $L}; {@code null} leaves it out of the payload.\n", doc(f.name()))
            .addStatement("this.$N = $N", n, n);
      }
      accessors.add(setter.build());
      accessors.add(MethodSpec.methodBuilder("with" + pascal).addModifiers(Modifier.PUBLIC).returns(self)
          .addJavadoc("{@link #set$L} and returns this object.\n", pascal)
          .addParameter(t, n).addStatement("set$L($N)", pascal, n).addStatement("return this").build());
      builder.addMethod(MethodSpec.methodBuilder("with" + pascal).addModifiers(Modifier.PUBLIC)
          .returns(builderClass).addParameter(t, n).addStatement("instance.set$L($N)", pascal, n)
          .addStatement("return this").build());
      if (presence) {
        accessors.add(MethodSpec.methodBuilder("has" + pascal).addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
            .addJavadoc("True when the property is present, with a value or an explicit {@code null}.\n")
            .addStatement("return $N != null", n).build());
        accessors.add(MethodSpec.methodBuilder("clear" + pascal).addModifiers(Modifier.PUBLIC)
            .addJavadoc("Leaves the property out of the payload.\n").addStatement("this.$N = null", n).build());
      }
      toString.add(" + $S + $N", (javaFields.size() == 1 ? "" : ", ") + n + "=", n);
    }

    AdditionalProperties additional = object.additionalProperties();
    if (additional.kind() != AdditionalProperties.Kind.CLOSED) {
      TypeName value = additional.kind() == AdditionalProperties.Kind.TYPED ? types.of(additional.valueType())
          : JSON_NODE;
      TypeName mapType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), value);
      type.addField(FieldSpec.builder(mapType, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $T<>()", java.util.LinkedHashMap.class).build());
      accessors.add(MethodSpec.methodBuilder("getAdditionalProperties").addModifiers(Modifier.PUBLIC)
          .addAnnotation(JSON_ANY_GETTER).returns(mapType)
          .addJavadoc(additional.kind() == AdditionalProperties.Kind.TYPED
              ? "Properties beside the declared ones, in the order read; live and modifiable.\n"
              : "Properties the contract does not declare, kept as read and written back unchanged; live and "
                  + "modifiable.\n")
          .addStatement("return additionalProperties").build());
      accessors.add(MethodSpec.methodBuilder("setAdditionalProperty").addModifiers(Modifier.PUBLIC)
          .addAnnotation(JSON_ANY_SETTER).addParameter(String.class, "name").addParameter(value, "value")
          .addStatement("additionalProperties.put(name, value)").build());
      accessors.add(MethodSpec.methodBuilder("withAdditionalProperty").addModifiers(Modifier.PUBLIC).returns(self)
          .addParameter(String.class, "name").addParameter(value, "value")
          .addStatement("additionalProperties.put(name, value)").addStatement("return this").build());
      javaFields.add("additionalProperties");
      toString.add(" + $S + additionalProperties", (javaFields.size() == 1 ? "" : ", ") + "additionalProperties=");
    }

    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("An instance with every property absent.\n").build());
    if (!object.fields().isEmpty()) {
      type.addMethod(allArgs.build());
    }
    type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A builder; {@code builder().withX(x)...build()}.\n").returns(builderClass).addStatement("return new $T()", builderClass).build());
    type.addMethods(accessors);

    builder.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
        .addStatement("return instance").build());

    CodeBlock.Builder equals = CodeBlock.builder().add("return ");
    CodeBlock.Builder hash = CodeBlock.builder().add("return $T.hash(", OBJECTS);
    for (int i = 0; i < javaFields.size(); i++) {
      String n = javaFields.get(i);
      equals.add(i == 0 ? "$T.equals($N, other.$N)" : "\n    && $T.equals($N, other.$N)", OBJECTS, n, n);
      hash.add(i == 0 ? "$N" : ", $N", n);
    }
    if (javaFields.isEmpty()) {
      equals.add("true");
    }
    type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
        .addStatement("if (this == o) return true")
        .addStatement("if (!(o instanceof $T other)) return false", self)
        .addStatement(equals.build()).build());
    type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT).addStatement(hash.add(")").build()).build());
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement(toString.add(" + $S", "]").build()).build());
    type.addType(builder.build());
    return type.build();
  }

  /** {@code default_} → {@code Default}, {@code class_} → {@code Class_} (getClass() is Object's). */
  private static String accessorBase(String fieldName) {
    String base = fieldName.endsWith("_") && !fieldName.equals("class_")
        ? fieldName.substring(0, fieldName.length() - 1) : fieldName;
    return Character.toUpperCase(base.charAt(0)) + base.substring(1);
  }

  private static CodeBlock constInitializer(ConstType c) {
    return switch (c.base()) {
      case STRING -> CodeBlock.of("$S", c.stringValue());
      case LONG -> CodeBlock.of("$LL", c.json());
      case BOOLEAN -> CodeBlock.of("$L", c.json());
      case BIG_INTEGER -> CodeBlock.of("new $T($S)", java.math.BigInteger.class, c.json());
      default -> CodeBlock.of("new $T($S)", java.math.BigDecimal.class, c.json());
    };
  }

  // ---------------------------------------------------------------------------------------------- enums

  private TypeSpec enumClass(EnumType enumType) {
    String name = naming.className(enumType);
    ClassName self = ClassName.bestGuess(name);
    TypeSpec.Builder type = TypeSpec.enumBuilder(name).addModifiers(Modifier.PUBLIC)
        .addJavadoc(enumType.description() == null ? name : doc(enumType.description()));
    for (String value : enumType.values()) {
      type.addEnumConstant(naming.constant(enumType, value),
          TypeSpec.anonymousClassBuilder("$S", value).build());
    }
    type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value")
        .addStatement("this.value = value").build());
    type.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).addAnnotation(JSON_VALUE)
        .returns(String.class).addJavadoc("The value on the wire.\n").addStatement("return value").build());
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return value").build());
    type.addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addAnnotation(JSON_CREATOR).returns(self).addParameter(String.class, "value")
        .addJavadoc("The constant of a wire value.\n\n@throws IllegalArgumentException for any other value\n")
        .beginControlFlow("for ($T constant : values())", self)
        .beginControlFlow("if (constant.value.equals(value))")
        .addStatement("return constant")
        .endControlFlow()
        .endControlFlow()
        .addStatement("throw new $T($S + value)", IllegalArgumentException.class, "not a " + name + " value: ")
        .build());
    return type.build();
  }

  // ---------------------------------------------------------------------------------------------- unions

  private TypeSpec unionInterface(UnionType union, Types types, ContractSet contracts) {
    String name = naming.className(union);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    type.addJavadoc((union.description() == null ? name : doc(union.description())) + "\n<p>"
        + (union.discriminator() != null ? "Told apart by the property {@code " + doc(union.discriminator()) + "}."
        : "Told apart by the properties each branch requires.") + "\n");
    ClassName typeInfo = JSON_TYPE_INFO;
    AnnotationSpec.Builder info = AnnotationSpec.builder(typeInfo);
    if (union.discriminator() != null) {
      info.addMember("use", "$T.NAME", typeInfo.nestedClass("Id"))
          .addMember("include", "$T.EXISTING_PROPERTY", typeInfo.nestedClass("As"))
          .addMember("property", "$S", union.discriminator())
          .addMember("visible", "true");
    } else {
      info.addMember("use", "$T.DEDUCTION", typeInfo.nestedClass("Id"));
    }
    type.addAnnotation(info.build());
    AnnotationSpec.Builder subTypes = AnnotationSpec.builder(JSON_SUB_TYPES);
    Set<TypeName> permitted = new LinkedHashSet<>();
    for (UnionType.Branch b : union.branches()) {
      TypeName branch = types.of(b.type());
      permitted.add(branch);
      AnnotationSpec.Builder t = AnnotationSpec.builder(JSON_SUB_TYPES.nestedClass("Type"))
          .addMember("value", "$T.class", branch);
      if (b.discriminatorValue() != null) {
        t.addMember("name", "$S", b.discriminatorValue());
      }
      subTypes.addMember("value", "$L", t.build());
    }
    type.addAnnotation(subTypes.build());
    type.addPermittedSubclasses(permitted);
    return type.build();
  }

  // ---------------------------------------------------------------------------------------------- value unions

  static final ClassName JSON_PARSER = ClassName.get("tools.jackson.core", "JsonParser");
  static final ClassName JSON_GENERATOR = ClassName.get("tools.jackson.core", "JsonGenerator");
  static final ClassName JSON_TOKEN = ClassName.get("tools.jackson.core", "JsonToken");
  static final ClassName DESER_CONTEXT = ClassName.get("tools.jackson.databind", "DeserializationContext");
  static final ClassName SER_CONTEXT = ClassName.get("tools.jackson.databind", "SerializationContext");
  static final ClassName VALUE_DESERIALIZER = ClassName.get("tools.jackson.databind", "ValueDeserializer");
  static final ClassName VALUE_SERIALIZER = ClassName.get("tools.jackson.databind", "ValueSerializer");
  static final ClassName JSON_DESERIALIZE = ClassName.get("tools.jackson.databind.annotation", "JsonDeserialize");
  static final ClassName JSON_SERIALIZE = ClassName.get("tools.jackson.databind.annotation", "JsonSerialize");

  /**
   * A union of primitives of different JSON kinds ({@code type: ["integer", "string"]}, {@code oneOf} of an integer
   * and a date-time string): a sealed interface with one final class per branch ({@code OfLong}, {@code
   * OfOffsetDateTime}, ...) and a deserializer that picks the branch by the JSON token, so the value is written
   * back as the same JSON.
   */
  private TypeSpec valueUnion(UnionType union) {
    String name = naming.className(union);
    ClassName self = ClassName.bestGuess(name);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    List<String> kinds = new ArrayList<>();
    for (UnionType.Branch b : union.branches()) {
      kinds.add(((ClassName) primitive((PrimitiveType) b.type())).simpleName());
    }
    type.addJavadoc((union.description() == null ? name : doc(union.description())) + "\n<p>One of "
        + String.join(", ", kinds) + ", told apart by the JSON token; written back as the same JSON.\n");
    type.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE).addMember("using", "$T.class",
        self.nestedClass("Deserializer")).build());
    type.addAnnotation(AnnotationSpec.builder(JSON_SERIALIZE).addMember("using", "$T.class",
        self.nestedClass("Serializer")).build());
    type.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(Object.class).addJavadoc("The value of the branch; never {@code null}.\n").build());

    CodeBlock.Builder read = CodeBlock.builder().beginControlFlow("return switch (p.currentToken())");
    Set<String> tokensDone = new LinkedHashSet<>();
    for (UnionType.Branch b : union.branches()) {
      PrimitiveType p = (PrimitiveType) b.type();
      TypeName java = primitive(p);
      ClassName branch = self.nestedClass("Of" + ((ClassName) java).simpleName());
      type.addPermittedSubclass(branch);
      type.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
          .addParameter(java, "value").addJavadoc("The {@code $L} branch.\n", ((ClassName) java).simpleName())
          .addStatement("return new $T(value)", branch).build());
      type.addType(valueBranch(self, branch, java));
      String tokens = switch (p) {
        case STRING, DATE_TIME, DATE, BYTES -> "VALUE_STRING";
        case BOOLEAN -> "VALUE_TRUE, VALUE_FALSE";
        default -> "VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT";
      };
      tokensDone.add(tokens);
      read.addStatement("case $L -> new $T(ctxt.readValue(p, $T.class))", tokens, branch, java);
    }
    read.addStatement("default -> ($T) ctxt.handleUnexpectedToken($T.class, p)", self, self);
    read.unindent().add("};\n");
    type.addType(TypeSpec.classBuilder("Deserializer").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(VALUE_DESERIALIZER, self))
        .addJavadoc("Reads a JSON value into the branch its token (string, number, boolean) selects.\n")
        .addMethod(MethodSpec.methodBuilder("deserialize").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_PARSER, "p")
            .addParameter(DESER_CONTEXT, "ctxt").addCode(read.build()).build())
        .build());
    type.addType(TypeSpec.classBuilder("Serializer").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(VALUE_SERIALIZER, self))
        .addJavadoc("Writes the branch's value as it was read.\n")
        .addMethod(MethodSpec.methodBuilder("serialize").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).addParameter(self, "value").addParameter(JSON_GENERATOR, "gen")
            .addParameter(SER_CONTEXT, "ctxt").addStatement("ctxt.writeValue(gen, value.value())").build())
        .build());
    return type.build();
  }

  private static TypeSpec valueBranch(ClassName union, ClassName branch, TypeName java) {
    return TypeSpec.classBuilder(branch.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(union)
        .addJavadoc("The {@code $L} branch of {@link $T}.\n", ((ClassName) java).simpleName(), union)
        .addAnnotation(AnnotationSpec.builder(JSON_SERIALIZE).addMember("using", "$T.class",
            union.nestedClass("Serializer")).build())
        .addField(java, "value", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(java, "value")
            .addJavadoc("@param value never {@code null}\n")
            .addStatement("this.value = $T.requireNonNull(value, $S)", OBJECTS, "value").build())
        .addMethod(MethodSpec.methodBuilder("value").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(java).addStatement("return value").build())
        .addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(boolean.class).addParameter(Object.class, "o")
            .addStatement("return o instanceof $T other && value.equals(other.value)", branch).build())
        .addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(int.class).addStatement("return value.hashCode()").build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addStatement("return $T.valueOf(value)", String.class).build())
        .build();
  }
}
