package io.eventcontracts.codegen.proto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives a JSON Schema (2020-12) from the model of a contract authored in Protobuf: the schema of the message's
 * proto3 JSON form. It is what the bundle carries for the contract, so JSON and TypeScript consumers and the Java
 * runtime validate the event like any JSON Schema contract, and what a protobuf payload is validated against after
 * it is printed as JSON. Named types (nested messages, enums, unions) go to {@code $defs} by their model name.
 * Output is deterministic: same model, same bytes.
 */
public final class JsonSchemaDeriver {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<DataType, String> defNames = new IdentityHashMap<>();
  private final Map<String, ObjectNode> defs = new TreeMap<>();
  private DataType root;

  private JsonSchemaDeriver() {}

  /**
   * The derived schema's bytes (pretty printed, {@code \n} line ends, trailing newline).
   *
   * @param id the {@code $id}
   * @param title the contract name
   * @param description the contract description, may be {@code null}
   * @param subject {@code x-subject}
   * @param version {@code x-version}
   * @param rootType the contract's root type
   */
  public static byte[] derive(String id, String title, String description, String subject, int version,
      DataType rootType) {
    JsonSchemaDeriver deriver = new JsonSchemaDeriver();
    deriver.root = rootType;
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", Dialect.DRAFT_2020_12.uri());
    schema.put("$id", id);
    schema.put("title", title);
    if (description != null) {
      schema.put("description", description);
    }
    schema.put("$comment", "Derived from a .proto contract by eventcontracts: the proto3 JSON form. Do not edit.");
    schema.put("x-subject", subject);
    schema.put("x-version", version);
    schema.setAll(deriver.body(rootType));
    if (!deriver.defs.isEmpty()) {
      ObjectNode defsNode = schema.putObject("$defs");
      deriver.defs.forEach(defsNode::set);
    }
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return (MAPPER.writer(pretty).writeValueAsString(schema) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode body(DataType type) {
    ObjectNode node = NODES.objectNode();
    if (type instanceof ObjectType object) {
      node.put("type", "object");
      if (object.description() != null && object != root) {
        node.put("description", object.description());
      }
      ObjectNode properties = node.putObject("properties");
      ArrayNode required = NODES.arrayNode();
      for (Field field : object.fields()) {
        ObjectNode property = field.nullable() ? nullable(schemaOf(field.type())) : schemaOf(field.type());
        if (field.description() != null) {
          ObjectNode withDescription = NODES.objectNode();
          withDescription.put("description", field.description());
          withDescription.setAll(property);
          property = withDescription;
        }
        constraints(property, field.constraints());
        properties.set(field.name(), property);
        if (field.required()) {
          required.add(field.name());
        }
      }
      if (!required.isEmpty()) {
        node.set("required", required);
      }
      switch (object.additionalProperties().kind()) {
        case CLOSED -> node.put("additionalProperties", false);
        case TYPED -> node.set("additionalProperties", schemaOf(object.additionalProperties().valueType()));
        case OPEN -> { }
      }
    } else if (type instanceof EnumType enumType) {
      node.put("type", "string");
      if (enumType.description() != null) {
        node.put("description", enumType.description());
      }
      ArrayNode values = node.putArray("enum");
      enumType.values().forEach(values::add);
    } else if (type instanceof UnionType union) {
      ArrayNode oneOf = node.putArray(union.exclusive() ? "oneOf" : "anyOf");
      union.branches().forEach(b -> oneOf.add(schemaOf(b.type())));
    } else {
      node.setAll(schemaOf(type));
    }
    return node;
  }

  private ObjectNode schemaOf(DataType type) {
    ObjectNode node = NODES.objectNode();
    if (type instanceof PrimitiveType primitive) {
      switch (primitive) {
        case STRING -> node.put("type", "string");
        case INTEGER, LONG, BIG_INTEGER -> node.put("type", "integer");
        case DECIMAL, DOUBLE -> node.put("type", "number");
        case BOOLEAN -> node.put("type", "boolean");
        case DATE_TIME -> node.put("type", "string").put("format", "date-time");
        case DATE -> node.put("type", "string").put("format", "date");
        case BYTES -> node.put("type", "string").put("contentEncoding", "base64");
      }
    } else if (type instanceof ConstType constant) {
      try {
        node.set("const", MAPPER.readTree(constant.json()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("bad constant " + constant.json(), e);
      }
    } else if (type instanceof AnyType) {
      return node;
    } else if (type instanceof ListType list) {
      node.put("type", "array");
      node.set("items", schemaOf(list.element()));
    } else if (type instanceof MapType map) {
      node.put("type", "object");
      node.set("additionalProperties", schemaOf(map.value()));
    } else if (type instanceof TypeRef ref) {
      throw new IllegalArgumentException("a derived schema has no references to other contracts: " + ref);
    } else {
      node.put("$ref", "#/$defs/" + define(type));
    }
    return node;
  }

  private String define(DataType named) {
    String existing = defNames.get(named);
    if (existing != null) {
      return existing;
    }
    String base;
    if (named instanceof ObjectType o) {
      base = o.name();
    } else if (named instanceof EnumType e) {
      base = e.name();
    } else if (named instanceof UnionType u) {
      base = u.name();
    } else {
      throw new IllegalArgumentException("not a named type: " + named);
    }
    String name = base;
    for (int i = 2; defs.containsKey(name); i++) {
      name = base + i;
    }
    defNames.put(named, name);
    defs.put(name, NODES.objectNode());
    defs.put(name, body(named));
    return name;
  }

  private static ObjectNode nullable(ObjectNode schema) {
    if (schema.size() == 0) {
      return schema;
    }
    if (schema.has("type") && schema.get("type").isTextual() && !schema.has("$ref")) {
      ObjectNode copy = schema.deepCopy();
      ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
      copy.set("type", types);
      return copy;
    }
    ObjectNode node = NODES.objectNode();
    node.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
    return node;
  }

  private static void constraints(ObjectNode property, Constraints c) {
    if (c.format() != null && !property.has("format")) {
      property.put("format", c.format());
    }
    if (c.minimum() != null) {
      property.put("minimum", c.minimum());
    }
    if (c.maximum() != null) {
      property.put("maximum", c.maximum());
    }
    if (c.exclusiveMinimum() != null) {
      property.put("exclusiveMinimum", c.exclusiveMinimum());
    }
    if (c.exclusiveMaximum() != null) {
      property.put("exclusiveMaximum", c.exclusiveMaximum());
    }
    if (c.minLength() != null) {
      property.put("minLength", c.minLength());
    }
    if (c.maxLength() != null) {
      property.put("maxLength", c.maxLength());
    }
    if (c.pattern() != null) {
      property.put("pattern", c.pattern());
    }
    if (c.minItems() != null) {
      property.put("minItems", c.minItems());
    }
    if (c.maxItems() != null) {
      property.put("maxItems", c.maxItems());
    }
  }
}
