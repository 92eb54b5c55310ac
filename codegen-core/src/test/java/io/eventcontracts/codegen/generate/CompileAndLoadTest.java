package io.eventcontracts.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.TestCompiler;
import io.eventcontracts.runtime.EventType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generate → compile (javac with the test classpath: runtime + Jackson) → load → exercise, for the real ticketing
 * contracts in {@code ../schemas/json}. Round trips go through a default Jackson 3 {@link JsonMapper}, the line the
 * runtime uses.
 *
 * <p>The listener and publisher stubs extend runtime classes ({@code Listener}, {@code Publisher}, ...); while the
 * runtime on the test classpath does not have them yet, {@link #listenerAndPublisherStubsCompileAgainstTheRuntime}
 * is skipped and the rest compiles without the stubs.
 */
class CompileAndLoadTest {

  static final String PACKAGE = "io.eventcontracts.ticketing";
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir
  static Path work;

  static ClassLoader loader;

  @BeforeAll
  static void generateAndCompile() throws IOException {
    Path java = work.resolve("java");
    // the ticketing contracts of both formats; protobuf-java classes are generated and compiled too
    Codegen.execute(new CodegenRequest(List.of(Path.of("../schemas/json")), PACKAGE, java, work.resolve("res"),
        null, null, false, false, false, new io.eventcontracts.codegen.proto.ProtobufOptions(
            List.of(Path.of("../schemas/proto")), Path.of(System.getProperty("eventcontracts.protoc")),
            work.resolve("protoc"), true)));
    loader = TestCompiler.compile(TestCompiler.sources(java), work.resolve("classes"));
  }

  Class<?> load(String simpleName) throws ClassNotFoundException {
    return Class.forName(PACKAGE + "." + simpleName, true, loader);
  }

  @Test
  void builderJacksonRoundTripAndEquals() throws Exception {
    Class<?> orderCreated = load("OrderCreatedEvent");
    Class<?> ticket = load("OrderCreatedTicket");
    Class<?> status = load("OrderStatus");
    Object awaiting = status.getMethod("fromValue", String.class).invoke(null, "awaiting:payment");

    Object ticketValue = build(ticket, "withId", "t-1", "withPrice", new java.math.BigDecimal("20.5"));
    Object event = build(orderCreated, "withId", "o-1", "withVersion", 0L, "withStatus", awaiting,
        "withUserId", "u-1", "withExpiresAt", OffsetDateTime.parse("2024-05-01T10:00:00Z"), "withTicket", ticketValue);

    String json = MAPPER.writeValueAsString(event);
    assertThat(json).isEqualTo("{\"id\":\"o-1\",\"version\":0,\"status\":\"awaiting:payment\",\"userId\":\"u-1\","
        + "\"expiresAt\":\"2024-05-01T10:00:00Z\",\"ticket\":{\"id\":\"t-1\",\"price\":20.5}}");
    Object back = MAPPER.readValue(json, orderCreated);
    assertThat(back).isEqualTo(event).hasSameHashCodeAs(event);
    assertThat(back.toString()).contains("awaiting:payment");
  }

  @Test
  void dateTimesAcceptZuluOffsetsAndFractionsAndWriteIsoStrings() throws Exception {
    Class<?> orderCreated = load("OrderCreatedEvent");
    String template = "{\"id\":\"o\",\"version\":1,\"status\":\"created\",\"userId\":\"u\",\"expiresAt\":\"%s\","
        + "\"ticket\":{\"id\":\"t\",\"price\":1}}";
    Method getter = orderCreated.getMethod("getExpiresAt");

    assertThat(getter.invoke(MAPPER.readValue(template.formatted("2024-05-01T10:00:00Z"), orderCreated)))
        .isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00Z"));
    // the same instant with the same offset: nothing is converted to UTC
    assertThat(getter.invoke(MAPPER.readValue(template.formatted("2024-05-01T12:00:00+02:00"), orderCreated)))
        .isEqualTo(OffsetDateTime.parse("2024-05-01T12:00:00+02:00"));
    assertThat(getter.invoke(MAPPER.readValue(template.formatted("2024-05-01T10:00:00.123Z"), orderCreated)))
        .isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00.123Z"));
    Object withOffset = MAPPER.readValue(template.formatted("2024-05-01T12:00:00+02:00"), orderCreated);
    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(withOffset)).get("expiresAt").asString())
        .isEqualTo("2024-05-01T12:00:00+02:00");
    Object fromNode = MAPPER.readValue(template.formatted("2024-05-01T10:00:00.123456Z"), orderCreated);
    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(fromNode));
    assertThat(written.get("expiresAt").isString()).isTrue();
    assertThat(written.get("expiresAt").asString()).isEqualTo("2024-05-01T10:00:00.123456Z");

    // also when a mapper is configured to write dates as numbers: the field's @JsonFormat(shape = STRING) wins
    JsonMapper timestamps = JsonMapper.builder()
        .enable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    assertThat(timestamps.readTree(timestamps.writeValueAsString(fromNode)).get("expiresAt").isString()).isTrue();
  }

  @Test
  void absentOptionalFieldIsNotSerialized() throws Exception {
    Class<?> ticketUpdated = load("TicketUpdatedEvent");
    Object released = build(ticketUpdated, "withId", "t-1", "withVersion", 3L, "withTitle", "concert",
        "withPrice", new java.math.BigDecimal("10.0"), "withUserId", "u-1");

    String json = MAPPER.writeValueAsString(released);

    assertThat(json).isEqualTo("{\"id\":\"t-1\",\"version\":3,\"title\":\"concert\",\"price\":10.0,"
        + "\"userId\":\"u-1\"}");
    assertThat(ticketUpdated.getMethod("getOrderId").invoke(MAPPER.readValue(json, ticketUpdated))).isNull();
  }

  @Test
  void enumReadsAndWritesWireValues() throws Exception {
    Class<?> status = load("OrderStatus");
    Object awaiting = Enum.valueOf(status.asSubclass(Enum.class), "AWAITING_PAYMENT");

    assertThat(MAPPER.writeValueAsString(awaiting)).isEqualTo("\"awaiting:payment\"");
    assertThat(MAPPER.readValue("\"awaiting:payment\"", status)).isSameAs(awaiting);
    assertThatThrownBy(() -> MAPPER.readValue("\"AWAITING_PAYMENT\"", status))
        .isInstanceOf(tools.jackson.core.JacksonException.class);
  }

  @Test
  void subjectsAndEventTypes() throws Exception {
    Class<?> subjects = load("Subjects");
    Object created = subjects.getMethod("fromValue", String.class).invoke(null, "ticket:created");
    assertThat(((Enum<?>) created).name()).isEqualTo("TICKET_CREATED");
    assertThat(subjects.getMethod("value").invoke(created)).isEqualTo("ticket:created");
    assertThat(subjects.getEnumConstants()).hasSize(6);

    EventType<?> type = (EventType<?>) load("EventTypes").getField("EXPIRATION_COMPLETE").get(null);
    assertThat(type.subject()).isEqualTo("expiration:complete");
    assertThat(type.contractId()).isEqualTo("https://eventcontracts.io/schemas/ticketing/expiration-complete.json");
    assertThat(type.contractVersion()).isEqualTo(1);
    assertThat(type.javaType()).isSameAs(load("ExpirationCompleteEvent"));
  }

  @Test
  void protoAuthoredPaymentCreatedGetsTheSameTypedEventAndTheProtobufClassCompiles() throws Exception {
    Class<?> event = load("PaymentCreatedEvent");
    Object built = event.getMethod("builder").invoke(null);
    built.getClass().getMethod("withOrderId", String.class).invoke(built, "o-1");
    Object payment = built.getClass().getMethod("build").invoke(built);
    assertThat(MAPPER.writeValueAsString(payment)).isEqualTo("{\"orderId\":\"o-1\"}");
    EventType<?> type = (EventType<?>) load("EventTypes").getField("PAYMENT_CREATED").get(null);
    assertThat(type.subject()).isEqualTo("payment:created");
    assertThat(type.javaType()).isSameAs(event);
    assertThat(load("PaymentCreatedListener").getSuperclass().getSimpleName()).isEqualTo("Listener");
    Class<?> proto = Class.forName("io.eventcontracts.ticketing.proto.PaymentCreated", true, loader);
    assertThat(com.google.protobuf.Message.class).isAssignableFrom(proto);
    Object descriptor = proto.getMethod("getDescriptor").invoke(null);
    assertThat(((com.google.protobuf.Descriptors.Descriptor) descriptor).getFullName())
        .isEqualTo("ticketing.v1.PaymentCreated");
  }

  @Test
  void listenerAndPublisherStubsCompileAgainstTheRuntime() throws Exception {
    Class<?> listener = load("TicketCreatedListener");
    assertThat(Modifier.isAbstract(listener.getModifiers())).isTrue();
    assertThat(listener.getSuperclass().getName()).isEqualTo("io.eventcontracts.runtime.Listener");
    assertThat(Modifier.isAbstract(listener.getMethod("onMessage", load("TicketCreatedEvent"),
        Class.forName("io.eventcontracts.runtime.MessageContext")).getModifiers())).isTrue();
    Class<?> publisher = load("TicketCreatedPublisher");
    assertThat(publisher.getSuperclass().getName()).isEqualTo("io.eventcontracts.runtime.Publisher");
    assertThat(publisher.getConstructor(Class.forName("io.eventcontracts.runtime.EventClient"))).isNotNull();
  }

  @Test
  void javaKeywordPropertiesCompileAndKeepTheirWireName(@TempDir Path dir) throws Exception {
    Path contracts = Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(contracts.resolve("k.json"), """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.com/schemas/k.json",
          "title": "Keywords",
          "description": "Property names that are Java keywords.",
          "x-subject": "keywords:used",
          "x-version": 1,
          "type": "object",
          "properties": {
            "class": { "description": "A class.", "type": "string" },
            "default": { "description": "A default.", "type": "integer", "format": "int64" },
            "public": { "description": "Flag.", "type": "boolean" },
            "tags": { "description": "Tags.", "type": "array", "items": { "type": "string" } }
          },
          "required": ["class"],
          "additionalProperties": false
        }
        """);
    Path java = dir.resolve("java");
    Codegen.execute(new CodegenRequest(List.of(contracts), "com.example.kw", java, dir.resolve("res"), null));
    ClassLoader kwLoader = TestCompiler.compile(TestCompiler.sources(java), dir.resolve("classes"));
    Class<?> type = Class.forName("com.example.kw.KeywordsUsedEvent", true, kwLoader);

    Object event = MAPPER.readValue("{\"class\":\"c\",\"default\":9007199254740993,\"public\":true}", type);

    assertThat(MAPPER.writeValueAsString(event))
        .isEqualTo("{\"class\":\"c\",\"default\":9007199254740993,\"public\":true}");
    assertThat(type.getMethod("getDefault").getReturnType()).as("unbounded: format int64 is no bound")
        .isEqualTo(java.math.BigInteger.class);
    assertThat(type.getDeclaredField("class_").getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
        .value()).isEqualTo("class");
    assertThat(type.getMethod("getTags").invoke(event)).as("collections are not initialised").isNull();
  }

  /** Builds via the generated builder: {@code Type.builder().withX(x)...build()}. */
  static Object build(Class<?> type, Object... namesAndValues) throws Exception {
    Object builder = type.getMethod("builder").invoke(null);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      Method with = null;
      for (Method m : builder.getClass().getMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 1) {
          with = m;
        }
      }
      assertThat(with).as("builder method %s", name).isNotNull();
      with.setAccessible(true);
      builder = with.invoke(builder, value);
    }
    Method build = builder.getClass().getMethod("build");
    build.setAccessible(true);
    return build.invoke(builder);
  }
}
