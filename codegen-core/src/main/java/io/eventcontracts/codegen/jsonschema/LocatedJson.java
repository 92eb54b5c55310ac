package io.eventcontracts.codegen.jsonschema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON tree plus the line every value starts on, keyed by JSON pointer. Jackson's tree model drops token
 * locations, so the tree is built here from the streaming parser; an object member's line is the line of its name.
 */
final class LocatedJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final JsonNode tree;
  private final Map<String, Integer> lines;

  private LocatedJson(JsonNode tree, Map<String, Integer> lines) {
    this.tree = tree;
    this.lines = lines;
  }

  /**
   * Parses one document.
   *
   * @throws com.fasterxml.jackson.core.JsonProcessingException with the parser's location when the JSON is malformed
   */
  static LocatedJson parse(byte[] content) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(parser, "empty file: no JSON value");
      }
      JsonNode tree = read(parser, "", lines);
      if (parser.nextToken() != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected content after the JSON value");
      }
      return new LocatedJson(tree, lines);
    }
  }

  private static JsonNode read(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (parser.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = pointer + "/" + escape(name);
          lines.put(child, parser.currentTokenLocation().getLineNr());
          parser.nextToken();
          object.set(name, read(parser, child, lines));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, pointer + "/" + index++, lines));
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return nodes.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + parser.currentToken());
    }
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  JsonNode tree() {
    return tree;
  }

  /** Line of the value at {@code pointer}, or of its nearest ancestor; 1 when nothing is known. */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
