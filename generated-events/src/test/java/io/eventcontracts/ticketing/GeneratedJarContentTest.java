package io.eventcontracts.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.Listener;
import io.eventcontracts.runtime.Publisher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the ticketing-events jar must contain: the contract between the generator and the services using it. */
class GeneratedJarContentTest {

  private static final Map<String, String> SUBJECTS = new LinkedHashMap<>();

  static {
    SUBJECTS.put("TICKET_CREATED", "ticket:created");
    SUBJECTS.put("TICKET_UPDATED", "ticket:updated");
    SUBJECTS.put("ORDER_CREATED", "order:created");
    SUBJECTS.put("ORDER_CANCELLED", "order:cancelled");
    SUBJECTS.put("EXPIRATION_COMPLETE", "expiration:complete");
    SUBJECTS.put("PAYMENT_CREATED", "payment:created");
  }

  private static final List<String> CONTRACT_FILES = List.of(
      "expiration-complete.json", "order-cancelled.json", "order-created.json", "order-status.json",
      "ticket-created.json", "ticket-updated.json");

  @ParameterizedTest
  @ValueSource(strings = {
      "TicketCreated", "TicketUpdated", "OrderCreated", "OrderCancelled", "ExpirationComplete", "PaymentCreated"})
  void eachEventHasClassListenerAndPublisher(String name) throws Exception {
    Class<?> event = load(name + "Event");
    Class<?> listener = load(name + "Listener");
    Class<?> publisher = load(name + "Publisher");

    assertThat(Listener.class).isAssignableFrom(listener);
    assertThat(Modifier.isAbstract(listener.getModifiers())).isTrue();
    assertThat(typeArgument(listener)).isEqualTo(event);
    assertThat(Publisher.class).isAssignableFrom(publisher);
    assertThat(typeArgument(publisher)).isEqualTo(event);
  }

  @Test
  void subjectsEnumHasOneConstantPerEvent() throws Exception {
    assertThat(Subjects.values()).hasSize(6);
    Map<String, String> actual = new LinkedHashMap<>();
    for (Subjects subject : Subjects.values()) {
      actual.put(subject.name(), subject.value());
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(SUBJECTS);
    assertThat(Subjects.fromValue("order:cancelled")).isEqualTo(Subjects.ORDER_CANCELLED);
  }

  @Test
  void eventTypesHasOneConstantPerEvent() throws Exception {
    List<Field> constants = Arrays.stream(EventTypes.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == EventType.class)
        .collect(Collectors.toList());
    assertThat(constants).extracting(Field::getName).containsExactlyInAnyOrderElementsOf(SUBJECTS.keySet());
    for (Field constant : constants) {
      EventType<?> type = (EventType<?>) constant.get(null);
      assertThat(type.subject()).isEqualTo(SUBJECTS.get(constant.getName()));
      assertThat(type.contractVersion()).isEqualTo(1);
      assertThat(type.contractId()).startsWith("https://eventcontracts.io/schemas/ticketing/");
    }
    assertThat(EventTypes.TICKET_CREATED.javaType()).isEqualTo(TicketCreatedEvent.class);
  }

  @Test
  void orderStatusIsAJavaEnumWithWireValues() {
    assertThat(OrderStatus.class.isEnum()).isTrue();
    assertThat(Arrays.stream(OrderStatus.values()).map(Enum::name))
        .containsExactly("CREATED", "CANCELLED", "AWAITING_PAYMENT", "COMPLETE");
    assertThat(OrderStatus.AWAITING_PAYMENT.value()).isEqualTo("awaiting:payment");
  }

  @Test
  void bundlesExactCopiesOfTheSevenContracts() throws Exception {
    for (String file : CONTRACT_FILES) {
      byte[] bundled = resource("META-INF/eventcontracts/schemas/" + file);
      assertThat(bundled).as(file).isEqualTo(Files.readAllBytes(Path.of("../schemas/json", file)));
    }
  }

  @Test
  void indexListsSixEventsAndOneType() throws Exception {
    JsonNode index = new ObjectMapper().readTree(resource("META-INF/eventcontracts/index.json"));
    assertThat(index.get("formatVersion").asInt()).isEqualTo(1);
    JsonNode contracts = index.get("contracts");
    assertThat(contracts.size()).isEqualTo(7);

    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (JsonNode contract : contracts) {
      kinds.merge(contract.get("kind").asString(), 1, Integer::sum);
      assertThat(resource(contract.get("resource").asString())).isNotEmpty();
    }
    assertThat(kinds).containsOnly(Map.entry("event", 6), Map.entry("type", 1));
    JsonNode ticketCreated = find(contracts, "ticket:created");
    assertThat(ticketCreated.get("javaType").asString()).isEqualTo(TicketCreatedEvent.class.getName());
    assertThat(ticketCreated.get("resource").asString())
        .isEqualTo("META-INF/eventcontracts/schemas/ticket-created.json");
    assertThat(ticketCreated.get("protobufJavaType").asString())
        .isEqualTo(io.eventcontracts.ticketing.proto.TicketCreated.class.getName());
    JsonNode paymentCreated = find(contracts, "payment:created");
    assertThat(paymentCreated.get("format").asString()).isEqualTo("protobuf");
    assertThat(paymentCreated.get("resource").asString())
        .isEqualTo("META-INF/eventcontracts/schemas/ticketing/v1/payment-created.json");
    assertThat(find(contracts, "order:created").get("protobufJavaType").asString())
        .as("order:created has a .proto twin (orders.proto)")
        .isEqualTo(io.eventcontracts.ticketing.proto.OrderCreated.class.getName());
    assertThat(find(contracts, "order:cancelled").has("protobufJavaType")).as("JSON Schema only").isFalse();
  }

  @Test
  void paymentCreatedIsAuthoredInProtobufAndItsJsonSchemaIsDerivedAndBundled() throws Exception {
    JsonNode derived = new ObjectMapper().readTree(
        resource("META-INF/eventcontracts/schemas/ticketing/v1/payment-created.json"));
    assertThat(derived.get("x-subject").asString()).isEqualTo("payment:created");
    assertThat(derived.get("required").toString()).isEqualTo("[\"id\",\"orderId\",\"stripeId\"]");
    assertThat(derived.get("additionalProperties").asBoolean()).isFalse();
    assertThat(derived.get("properties").get("orderId").get("minLength").asInt()).isEqualTo(1);
    assertThat(io.eventcontracts.ticketing.proto.PaymentCreated.getDescriptor().getFullName())
        .isEqualTo("ticketing.v1.PaymentCreated");
  }

  @Test
  void ticketCreatedPublisherAcceptsOnlyTicketCreatedEvents() {
    List<Method> publish = Arrays.stream(TicketCreatedPublisher.class.getMethods())
        .filter(m -> m.getName().equals("publish") && !m.isBridge() && m.getParameterCount() == 1)
        .collect(Collectors.toList());
    assertThat(publish).isNotEmpty();
    for (Method method : publish) {
      Type parameter = method.getGenericParameterTypes()[0];
      Type resolved = parameter instanceof TypeVariable<?> variable
          ? resolve(TicketCreatedPublisher.class, variable)
          : parameter;
      assertThat(resolved).as(method.toGenericString()).isEqualTo(TicketCreatedEvent.class);
    }
  }

  private static Class<?> load(String simpleName) throws ClassNotFoundException {
    return Class.forName("io.eventcontracts.ticketing." + simpleName);
  }

  /** The type argument the generated class passes to its runtime superclass (Listener<T> or Publisher<T>). */
  private static Type typeArgument(Class<?> generated) {
    return ((ParameterizedType) generated.getGenericSuperclass()).getActualTypeArguments()[0];
  }

  private static Type resolve(Class<?> type, TypeVariable<?> variable) {
    ParameterizedType superclass = (ParameterizedType) type.getGenericSuperclass();
    TypeVariable<?>[] parameters = ((Class<?>) superclass.getRawType()).getTypeParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].getName().equals(variable.getName())) {
        return superclass.getActualTypeArguments()[i];
      }
    }
    return variable;
  }

  private static JsonNode find(JsonNode contracts, String subject) {
    for (JsonNode contract : contracts) {
      if (contract.has("subject") && contract.get("subject").asString().equals(subject)) {
        return contract;
      }
    }
    throw new AssertionError("no contract for " + subject);
  }

  /**
   * A resource of this module's jar (target/classes): the test classpath also holds the agreement corpus' ledger
   * bundle (src/test/contracts, never in the jar), whose index would shadow the jar's.
   */
  private static byte[] resource(String name) throws IOException {
    java.net.URL url = GeneratedJarContentTest.class.getClassLoader().resources(name)
        .filter(u -> u.getPath().contains("/target/classes/"))
        .findFirst().orElse(null);
    assertThat(url).as("resource " + name + " in target/classes").isNotNull();
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
