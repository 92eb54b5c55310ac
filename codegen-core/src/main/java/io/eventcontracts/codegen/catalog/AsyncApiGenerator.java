package io.eventcontracts.codegen.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractSet;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a contract set as one AsyncAPI 3.0 document (JSON): a channel per event, keyed by its subject with the
 * subject as {@code address}; a message per event with its payload schema; every contract file (events and shared
 * types) under {@code components.schemas} as a Multi Format Schema Object whose {@code schemaFormat} names the
 * contract's draft ({@code application/schema+json;version=2020-12}); and, from the service declarations
 * ({@code x-publishers}, {@code x-consumers}), a {@code send} operation per publisher and a {@code receive}
 * operation per consumer, tagged with the service name.
 *
 * <p>The embedded schemas are the bundled contract files with two changes, so the document is self-contained and
 * no tool fetches anything: the root {@code $id}/{@code id} and {@code $schema} are dropped (the draft is in
 * {@code schemaFormat}), and every {@code $ref} is resolved against the contract's id the way the loader resolves it
 * and rewritten to the embedded copy ({@code "order-status.json"} becomes
 * {@code "#/components/schemas/OrderStatus/schema"}). Same contracts, same bytes.
 */
public final class AsyncApiGenerator {

  /** The AsyncAPI version written. */
  public static final String ASYNCAPI_VERSION = "3.0.0";
  /** The payload content type of every message. */
  public static final String CONTENT_TYPE = "application/json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NAME_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  private static final Set<String> DATA = Set.of("enum", "const", "default", "examples", "example");

  private final ContractSet contracts;
  private final ExamplePayloads examples;
  private final Map<Contract, String> keys = new LinkedHashMap<>();

  /** A generator for one contract set. */
  public AsyncApiGenerator(ContractSet contracts) {
    this.contracts = contracts;
    this.examples = new ExamplePayloads(contracts);
    Set<String> used = new HashSet<>();
    for (Contract c : contracts.contracts()) {
      String base = Html.slug(c.name());
      String key = base;
      for (int i = 2; !used.add(key); i++) {
        key = base + "_" + i;
      }
      keys.put(c, key);
    }
  }

  /** The {@code schemaFormat} of a contract: its JSON Schema draft, or Protobuf 3. */
  public static String schemaFormat(Contract c) {
    if (c.format() == ContractFormat.PROTOBUF) {
      return "application/vnd.google.protobuf;version=3";
    }
    return "application/schema+json;version=" + (c.dialect() == null ? "2020-12" : c.dialect().shortName());
  }

  /**
   * The document.
   *
   * @param title {@code info.title}
   * @param version {@code info.version}
   * @param description {@code info.description}, or {@code null}
   */
  public byte[] generate(String title, String version, String description) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("asyncapi", ASYNCAPI_VERSION);
    ObjectNode info = doc.putObject("info");
    info.put("title", title);
    info.put("version", version);
    if (description != null) {
      info.put("description", description);
    }
    doc.put("defaultContentType", CONTENT_TYPE);
    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = JSON.createObjectNode();
    ObjectNode components = JSON.createObjectNode();
    ObjectNode messages = components.putObject("messages");
    ObjectNode schemas = components.putObject("schemas");

    for (Contract c : contracts.events()) {
      String key = keys.get(c);
      ObjectNode channel = channels.putObject(c.subject());
      channel.put("address", c.subject());
      channel.put("title", c.name());
      if (c.description() != null) {
        channel.put("description", c.description());
      }
      channel.putObject("messages").putObject(key).put("$ref", "#/components/messages/" + key);

      ObjectNode message = messages.putObject(key);
      message.put("name", c.name());
      message.put("title", c.name() + " v" + c.version());
      if (c.description() != null) {
        message.put("description", c.description());
      }
      message.put("contentType", CONTENT_TYPE);
      ObjectNode payload = message.putObject("payload");
      payload.put("schemaFormat", schemaFormat(c));
      payload.putObject("schema").put("$ref", "#/components/schemas/" + key + "/schema");
      ArrayNode exampleList = message.putArray("examples");
      ObjectNode example = exampleList.addObject();
      example.put("name", "example");
      example.put("summary", "Generated from the contract; valid against it.");
      example.set("payload", examples.example(c));
      message.put("x-eventcontracts-subject", c.subject());
      message.put("x-eventcontracts-version", c.version());

      String channelRef = "#/channels/" + pointerToken(c.subject());
      for (String service : c.services().publishers()) {
        operation(operations, service, "send", c, channelRef, key, "publishes");
      }
      for (String service : c.services().consumers()) {
        operation(operations, service, "receive", c, channelRef, key, "consumes");
      }
    }
    for (Contract c : contracts.contracts()) {
      ObjectNode schema = schemas.putObject(keys.get(c));
      schema.put("schemaFormat", schemaFormat(c));
      schema.set("schema", embedded(c));
    }
    if (!operations.isEmpty()) {
      doc.set("operations", sorted(operations));
    }
    doc.set("components", components);
    return (ExamplePayloads.pretty(doc) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void operation(ObjectNode operations, String service, String action, Contract c, String channelRef,
      String key, String verb) {
    ObjectNode op = JSON.createObjectNode();
    op.put("action", action);
    op.putObject("channel").put("$ref", channelRef);
    op.put("title", service + " " + verb + " " + c.subject());
    op.putArray("tags").addObject().put("name", service);
    op.putArray("messages").addObject().put("$ref", channelRef + "/messages/" + key);
    operations.set(service + "." + action + "." + c.subject(), op);
  }

  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = JSON.createObjectNode();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.stream().sorted().forEach(n -> out.set(n, node.get(n)));
    return out;
  }

  /** The contract file as embedded: root id and $schema dropped, every $ref pointing into the document. */
  JsonNode embedded(Contract c) {
    JsonNode tree;
    try {
      tree = JSON.readTree(c.document().content());
    } catch (IOException e) {
      tree = null;
    }
    if (tree == null || !tree.isObject()) {
      // not JSON (a .proto file): embed the source text
      return JSON.getNodeFactory().textNode(new String(c.document().content(), StandardCharsets.UTF_8));
    }
    ObjectNode root = (ObjectNode) tree.deepCopy();
    root.remove("$schema");
    root.remove(c.dialect() == null ? "$id" : c.dialect().idKeyword());
    rewrite(root, c);
    return root;
  }

  private void rewrite(JsonNode node, Contract c) {
    if (node.isArray()) {
      node.forEach(n -> rewrite(n, c));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = object.get(name);
      if (name.equals("$ref") && value.isTextual()) {
        object.put("$ref", target(value.asText(), c));
      } else if (NAME_MAPS.contains(name) && value.isObject()) {
        value.forEach(v -> rewrite(v, c));
      } else if (!DATA.contains(name)) {
        rewrite(value, c);
      }
    }
  }

  /** Where a {@code $ref} of a contract points inside the document; unchanged when it names no loaded contract. */
  String target(String ref, Contract c) {
    String document;
    String fragment;
    if (ref.isEmpty() || ref.startsWith("#")) {
      // the same document (java.net.URI does not resolve an empty reference as RFC 3986 says)
      document = c.id();
      fragment = ref.isEmpty() ? "" : ref.substring(1);
    } else {
      URI resolved;
      try {
        resolved = new URI(c.id()).resolve(new URI(ref));
      } catch (URISyntaxException | IllegalArgumentException e) {
        return ref;
      }
      fragment = resolved.getRawFragment() == null ? "" : resolved.getRawFragment();
      document = resolved.toString();
      int hash = document.indexOf('#');
      if (hash >= 0) {
        document = document.substring(0, hash);
      }
    }
    Contract target = contracts.byId(document).orElse(null);
    if (target == null || !(fragment.isEmpty() || fragment.startsWith("/"))) {
      return ref;
    }
    return "#/components/schemas/" + keys.get(target) + "/schema" + fragment;
  }

  /** A JSON pointer token in a URI fragment: {@code ~} and {@code /} escaped, then unsafe characters encoded. */
  static String pointerToken(String name) {
    String token = name.replace("~", "~0").replace("/", "~1");
    try {
      return new URI(null, null, null, -1, null, null, token).getRawFragment();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
