package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the protobuf binary form of an event and its proto3 JSON form, through the protobuf-java class
 * protoc generated for the contract (named by {@code protobufJavaType} in the bundle index) and protobuf's own
 * {@code JsonFormat}. The runtime validates and binds the JSON form exactly as for JSON payloads, so both formats
 * get one verdict.
 *
 * <p>Unknown-field policy: fields of the binary form that the receiver's message does not declare (a newer
 * producer) are dropped when printing the JSON form, as protobuf's forward compatibility intends; the JSON Schema
 * then checks what is known. protobuf-java and protobuf-java-util are optional dependencies: only applications
 * that carry protobuf payloads need them.
 */
final class ProtobufPayloads {

  private final Map<String, String> javaTypes;
  private final ClassLoader classLoader;
  private final Map<String, Codec> codecs = new ConcurrentHashMap<>();

  private ProtobufPayloads(Map<String, String> javaTypes, ClassLoader classLoader) {
    this.javaTypes = javaTypes;
    this.classLoader = classLoader;
  }

  /** The protobuf classes of every subject in the bundle indexes on the class path. */
  static ProtobufPayloads fromClasspath(ClassLoader classLoader) {
    Map<String, String> types = new HashMap<>();
    JsonMapper mapper = JsonMapper.builder().build();
    try {
      Enumeration<URL> urls = classLoader.getResources(ContractRegistry.INDEX_RESOURCE);
      while (urls.hasMoreElements()) {
        try (InputStream in = urls.nextElement().openStream()) {
          JsonNode index = mapper.readTree(in);
          for (JsonNode contract : index.path("contracts")) {
            if (contract.hasNonNull("subject") && contract.hasNonNull("protobufJavaType")) {
              types.put(contract.get("subject").asString(), contract.get("protobufJavaType").asString());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + ContractRegistry.INDEX_RESOURCE, e);
    }
    return new ProtobufPayloads(Map.copyOf(types), classLoader);
  }

  /** True when the subject's contract has a protobuf message. */
  boolean supports(String subject) {
    return javaTypes.containsKey(subject);
  }

  /** The proto3 JSON form of a protobuf payload. */
  byte[] toJson(String subject, byte[] protobuf) {
    Codec codec = codec(subject);
    try {
      Object message = codec.parseFrom.invoke(null, (Object) protobuf);
      String json = (String) codec.print.invoke(codec.printer, message);
      return json.getBytes(StandardCharsets.UTF_8);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EventException(EventException.Kind.UNPARSEABLE_PAYLOAD, subject, "protobuf payload for '" + subject
          + "' cannot be parsed as " + codec.type.getName(), List.of(new Violation("", "not a valid "
          + codec.type.getSimpleName() + " protobuf message: " + cause.getMessage(), "protobuf")), cause);
    }
  }

  /** The protobuf binary form of a (validated) JSON tree. */
  byte[] fromJson(String subject, JsonNode tree) {
    Codec codec = codec(subject);
    try {
      Object builder = codec.newBuilder.invoke(null);
      codec.merge.invoke(codec.parser, tree.toString(), builder);
      Object message = builder.getClass().getMethod("build").invoke(builder);
      return (byte[]) message.getClass().getMethod("toByteArray").invoke(message);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject, "event for '" + subject
          + "' has no protobuf form", List.of(new Violation("", cause.getMessage(), "protobuf")), cause);
    }
  }

  private Codec codec(String subject) {
    String javaType = javaTypes.get(subject);
    if (javaType == null) {
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject, "'" + subject + "' has no protobuf "
          + "contract", List.of(new Violation("", "no protobufJavaType in the bundle index for this subject; "
          + "author the contract in (or twin it with) a .proto, or publish it as JSON", "protobuf")), null);
    }
    return codecs.computeIfAbsent(subject, s -> Codec.of(javaType, classLoader));
  }

  /** Reflective handles, resolved once per subject (protobuf-java is optional at compile time). */
  private record Codec(Class<?> type, Method parseFrom, Method newBuilder, Object printer, Method print,
      Object parser, Method merge) {
    static Codec of(String javaType, ClassLoader loader) {
      try {
        Class<?> type = Class.forName(javaType, true, loader);
        Class<?> jsonFormat = Class.forName("com.google.protobuf.util.JsonFormat", true, loader);
        Class<?> messageOrBuilder = Class.forName("com.google.protobuf.MessageOrBuilder", true, loader);
        Class<?> messageBuilder = Class.forName("com.google.protobuf.Message$Builder", true, loader);
        Object printer = jsonFormat.getMethod("printer").invoke(null);
        printer = printer.getClass().getMethod("omittingInsignificantWhitespace").invoke(printer);
        Object parser = jsonFormat.getMethod("parser").invoke(null);
        return new Codec(type, type.getMethod("parseFrom", byte[].class), type.getMethod("newBuilder"), printer,
            printer.getClass().getMethod("print", messageOrBuilder), parser,
            parser.getClass().getMethod("merge", String.class, messageBuilder));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("protobuf class " + javaType + " or protobuf-java-util's JsonFormat is "
            + "not on the class path; add com.google.protobuf:protobuf-java-util", e);
      }
    }
  }
}
