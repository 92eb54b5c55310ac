package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.testevents.OrderCreatedEvent;
import io.eventcontracts.runtime.testevents.OrderStatus;
import io.eventcontracts.runtime.testevents.TicketCreatedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventClientReceiveTest {

  static final String TICKET = "ticket:created";
  static final String DLQ = "deadletter.ticket:created";
  static final JsonMapper JSON = JsonMapper.builder().build();

  final InMemoryTestTransport transport = new InMemoryTestTransport();
  final List<String> listenerEvents = new CopyOnWriteArrayList<>();
  final EventClient client = EventClient.create(transport, ClientOptions.builder()
      .contracts(EventClientPublishTest.CONTRACTS)
      .closeOnShutdown(false)
      .errorListener(new ErrorListener() {
        @Override
        public void handlerFailed(MessageContext context, Throwable error) {
          listenerEvents.add("handlerFailed " + context.sequence() + " " + error.getMessage());
        }

        @Override
        public void deadLettered(MessageContext context, EventException reason) {
          listenerEvents.add("deadLettered " + context.sequence() + " " + reason.kind());
        }

        @Override
        public void deadLetterFailed(MessageContext context, EventException reason, Throwable error) {
          listenerEvents.add("deadLetterFailed " + context.sequence() + " " + reason.kind());
        }
      })
      .build());

  @AfterEach
  void close() {
    client.close();
  }

  static String ticket(String id) {
    return "{\"id\":\"" + id + "\",\"version\":0,\"title\":\"concert\",\"price\":20,\"userId\":\"u1\"}";
  }

  static String nested(int depth) {
    return "{\"id\":\"x\",\"version\":0,\"title\":" + "[".repeat(depth) + "]".repeat(depth)
        + ",\"price\":1,\"userId\":\"u\"}";
  }

  List<TicketCreatedEvent> listenManually() {
    List<TicketCreatedEvent> handled = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("orders-service"), (event, context) -> {
      handled.add(event);
      context.ack();
    });
    return handled;
  }

  JsonNode deadLetter(int index) {
    return JSON.readTree(transport.stored(DLQ).get(index).message().payload());
  }

  @Test
  void invalidMessagesAreDeadLetteredAndValidOnesAroundThemProcessed() {
    List<TicketCreatedEvent> handled = listenManually();

    transport.inject(TICKET, ticket("t1"));                                          // seq 1 valid
    transport.inject(TICKET, "{\"id\":\"t2\",\"version\":");                         // seq 2 broken JSON
    transport.inject(TICKET, "{\"id\":\"t3\",\"version\":\"zero\",\"title\":\"c\",\"price\":1,\"userId\":\"u\"}");
    transport.inject(TICKET, "{\"id\":\"t4\",\"version\":0,\"title\":\"c\",\"price\":1}");       // missing userId
    transport.inject(TICKET, ticket("t5").replace("}", ",\"extra\":true}"));         // seq 5 extra field
    transport.inject(TICKET, "{\"id\":\"t6\",\"title\":\"" + "x".repeat(1024 * 1024) + "\"}");  // > 1 MiB
    long started = System.nanoTime();
    transport.inject(TICKET, nested(10_000));                                        // seq 7 deep nesting
    long nestedMillis = (System.nanoTime() - started) / 1_000_000;
    transport.inject(TICKET, ticket("t8"));                                          // seq 8 valid

    assertThat(handled).extracting(TicketCreatedEvent::getId).containsExactly("t1", "t8");
    assertThat(handled.get(0)).isEqualTo(new TicketCreatedEvent("t1", 0, "concert", 20.0, "u1"));
    assertThat(nestedMillis).isLessThan(2_000);

    List<InMemoryTestTransport.Stored> dead = transport.stored(DLQ);
    assertThat(dead).hasSize(6);
    assertThat(dead).extracting(s -> JSON.readTree(s.message().payload()).get("sequence").asLong())
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(deadLetter(0).get("reason").asString()).isEqualTo("UNPARSEABLE_PAYLOAD");
    assertThat(deadLetter(0).at("/violations/0/keyword").asString()).isEqualTo("syntax");
    assertThat(deadLetter(1).get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
    assertThat(deadLetter(1).at("/violations/0/pointer").asString()).isEqualTo("/version");
    assertThat(deadLetter(1).at("/violations/0/keyword").asString()).isEqualTo("type");
    assertThat(deadLetter(2).at("/violations/0/pointer").asString()).isEqualTo("/userId");
    assertThat(deadLetter(2).at("/violations/0/keyword").asString()).isEqualTo("required");
    assertThat(deadLetter(3).at("/violations/0/pointer").asString()).isEqualTo("/extra");
    assertThat(deadLetter(3).at("/violations/0/keyword").asString()).isEqualTo("additionalProperties");
    assertThat(deadLetter(4).get("reason").asString()).isEqualTo("UNPARSEABLE_PAYLOAD");
    assertThat(deadLetter(4).at("/violations/0/keyword").asString()).isEqualTo("maxPayloadBytes");
    assertThat(deadLetter(4).get("payloadTruncated").asBoolean()).isTrue();
    assertThat(deadLetter(4).get("payloadSize").asInt()).isGreaterThan(1024 * 1024);
    assertThat(dead.get(4).message().payload().length).isLessThan(1_000_000);
    assertThat(deadLetter(5).at("/violations/0/keyword").asString()).isEqualTo("maxNestingDepth");

    SubjectMetrics m = client.metrics().forSubject(TICKET);
    assertThat(m).isEqualTo(new SubjectMetrics(TICKET, 0, 8, 8, 0, 6, 6, 0));
    assertThat(transport.unackedCount()).isZero();
  }

  @Test
  void theExactDecimalIsValidatedNotItsDoubleApproximation() {
    List<TicketCreatedEvent> handled = listenManually();

    transport.inject(TICKET, ticket("t1").replace("\"version\":0", "\"version\":1.0000000000000000001"));
    transport.inject(TICKET, ticket("t2").replace("\"price\":20", "\"price\":-1e-400"));
    transport.inject(TICKET, ticket("t3").replace("\"version\":0", "\"version\":1.0"));   // 1.0 is an integer

    assertThat(handled).extracting(TicketCreatedEvent::getId).containsExactly("t3");
    // the exact decimal breaks the contract, and (issue 7) the number rule shared with the TypeScript validator:
    // a JavaScript consumer would read 1 and -0
    assertThat(deadLetter(0).at("/violations/0/pointer").asString()).isEqualTo("/version");
    assertThat(deadLetter(0).at("/violations/0/keyword").asString()).isEqualTo("numberPrecision");
    assertThat(deadLetter(0).at("/violations/1/pointer").asString()).isEqualTo("/version");
    assertThat(deadLetter(0).at("/violations/1/keyword").asString()).isEqualTo("type");
    assertThat(deadLetter(1).at("/violations/0/pointer").asString()).isEqualTo("/price");
    assertThat(deadLetter(1).at("/violations/0/keyword").asString()).isEqualTo("minimum");
    assertThat(deadLetter(1).at("/violations/1/keyword").asString()).isEqualTo("numberPrecision");
  }

  @Test
  void overlongUtf8IsNotReadAsTheCharacterItImitates() {
    List<TicketCreatedEvent> handled = listenManually();
    byte[] overlong = ticket("a").replace("\"id\":\"a\"", "\"id\":\"a@@\"").getBytes(StandardCharsets.UTF_8);
    int at = new String(overlong, StandardCharsets.UTF_8).indexOf("@@");
    overlong[at] = (byte) 0xC0;
    overlong[at + 1] = (byte) 0xAF;                                                 // overlong form of '/'

    transport.inject(TICKET, overlong, Map.of());

    assertThat(handled).isEmpty();
    assertThat(deadLetter(0).get("reason").asString()).isEqualTo("UNPARSEABLE_PAYLOAD");
    assertThat(deadLetter(0).at("/violations/0/keyword").asString()).isEqualTo("encoding");
  }

  @Test
  void deadLetterEnvelopeCarriesEverythingNeededToReplay() {
    listenManually();
    String payload = ticket("t1").replace("\"price\":20", "\"price\":-1");
    transport.inject(TICKET, payload.getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract-Version", "1"));

    JsonNode envelope = deadLetter(0);
    assertThat(envelope.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(envelope.get("subject").asString()).isEqualTo(TICKET);
    assertThat(envelope.get("sequence").asLong()).isEqualTo(1);
    assertThat(envelope.get("deliveryCount").asLong()).isEqualTo(1);
    assertThat(envelope.get("queueGroup").asString()).isEqualTo("orders-service");
    assertThat(envelope.get("durableName").asString()).isEqualTo("orders-service");
    assertThat(envelope.get("contractId").asString())
        .isEqualTo("https://eventcontracts.io/schemas/ticketing/ticket-created.json");
    assertThat(envelope.get("contractVersion").asInt()).isEqualTo(1);
    assertThat(envelope.at("/headers/Ec-Contract-Version").asString()).isEqualTo("1");
    assertThat(envelope.get("payloadText").asString()).isEqualTo(payload);
    assertThat(Base64.getDecoder().decode(envelope.get("payloadBase64").asString()))
        .isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
    assertThat(envelope.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(envelope.get("error").asString()).contains("/price: ").contains("[minimum]");
    assertThat(Instant.parse(envelope.get("timestamp").asString())).isNotNull();
    assertThat(transport.stored(DLQ).get(0).message().headers())
        .containsEntry("Ec-Dead-Letter-Reason", "INVALID_PAYLOAD").containsEntry("Ec-Original-Subject", TICKET);
    assertThat(listenerEvents).containsExactly("deadLettered 1 INVALID_PAYLOAD");
  }

  @Test
  void handlerThatFailsTwiceThenSucceedsProcessesTheMessageOnce() {
    List<Long> deliveryCounts = new ArrayList<>();
    List<String> processed = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("orders-service"), (event, context) -> {
      deliveryCounts.add(context.deliveryCount());
      if (context.deliveryCount() < 3) {
        throw new IllegalStateException("database down");
      }
      processed.add(event.getId());
      assertThat(context.redelivered()).isTrue();
      context.ack();
    });

    transport.inject(TICKET, ticket("t1"));
    assertThat(transport.redeliverUnacked()).isEqualTo(1);
    assertThat(transport.redeliverUnacked()).isEqualTo(1);
    assertThat(transport.redeliverUnacked()).isZero();

    assertThat(processed).containsExactly("t1");
    assertThat(deliveryCounts).containsExactly(1L, 2L, 3L);
    assertThat(transport.stored(DLQ)).isEmpty();
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 0, 3, 1, 2, 0, 0, 2));
    assertThat(listenerEvents).containsExactly("handlerFailed 1 database down", "handlerFailed 1 database down");
  }

  @Test
  void exhaustingMaxDeliverDeadLettersWithTheException() {
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("orders-service").maxDeliver(3).build(),
        (event, context) -> {
          throw new IllegalStateException("cannot process " + event.getId());
        });

    transport.inject(TICKET, ticket("t1"));
    transport.redeliverUnacked();
    transport.redeliverUnacked();
    assertThat(transport.redeliverUnacked()).isZero();

    assertThat(transport.stored(DLQ)).hasSize(1);
    JsonNode envelope = deadLetter(0);
    assertThat(envelope.get("reason").asString()).isEqualTo("HANDLER_FAILED");
    assertThat(envelope.get("deliveryCount").asLong()).isEqualTo(3);
    assertThat(envelope.get("error").asString()).contains("cannot process t1");
    assertThat(envelope.get("exception").asString()).isEqualTo("java.lang.IllegalStateException");
    assertThat(envelope.get("stackTrace").asString()).contains("cannot process t1");
    assertThat(envelope.get("violations")).isEmpty();
    assertThat(envelope.get("payloadText").asString()).isEqualTo(ticket("t1"));
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 0, 3, 1, 2, 1, 0, 3));
    assertThat(transport.unackedCount()).isZero();
  }

  @Test
  void failedDeadLetterPublishLeavesTheMessageUnackedUntilItSucceeds() {
    List<TicketCreatedEvent> handled = listenManually();
    transport.failPublishesTo(s -> s.startsWith("deadletter."));

    transport.inject(TICKET, "not json");
    assertThat(transport.unackedCount()).isEqualTo(1);
    assertThat(listenerEvents).containsExactly("deadLetterFailed 1 UNPARSEABLE_PAYLOAD");
    assertThat(client.metrics().forSubject(TICKET).deadLettered()).isZero();

    transport.failPublishesTo(s -> false);
    transport.redeliverUnacked();

    assertThat(transport.unackedCount()).isZero();
    assertThat(transport.stored(DLQ)).hasSize(1);
    assertThat(deadLetter(0).get("deliveryCount").asLong()).isEqualTo(2);
    assertThat(handled).isEmpty();
    // invalid counts messages, not deliveries: once, when the dead letter is stored
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 0, 2, 1, 1, 1, 1, 0));
  }

  @Test
  void contractIdHeaderMustMatchTheSubjectsContract() {
    List<TicketCreatedEvent> handled = listenManually();
    transport.inject(TICKET, ticket("t1").getBytes(StandardCharsets.UTF_8),
        Map.of("Ec-Contract-Id", "https://eventcontracts.io/schemas/ticketing/order-created.json"));
    transport.inject(TICKET, ticket("t2").getBytes(StandardCharsets.UTF_8),
        Map.of("Ec-Contract-Id", "https://eventcontracts.io/schemas/ticketing/ticket-created.json"));

    assertThat(handled).extracting(TicketCreatedEvent::getId).containsExactly("t2");
    assertThat(deadLetter(0).get("reason").asString()).isEqualTo("CONTRACT_MISMATCH");
  }

  @Test
  void anotherMajorOfTheContractIsRefusedNotMisread() {
    // docs/compatibility.md#versioning: a new major is a breaking change; a listener of major 1 never handles major 2
    List<TicketCreatedEvent> handled = listenManually();
    transport.inject(TICKET, ticket("t1").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract-Version", "2"));
    transport.inject(TICKET, ticket("t2").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract-Version", " 1 "));
    transport.inject(TICKET, ticket("t3").getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(handled).extracting(TicketCreatedEvent::getId).containsExactly("t2", "t3");
    assertThat(deadLetter(0).get("reason").asString()).isEqualTo("CONTRACT_MISMATCH");
    assertThat(deadLetter(0).toString()).contains("ticket-created.json version 1, but the message/event type names "
        + "https://eventcontracts.io/schemas/ticketing/ticket-created.json version 2");
  }

  @Test
  void theEcContractHeaderNamesContractAndMajorInOne() {
    List<TicketCreatedEvent> handled = listenManually();
    String id = "https://eventcontracts.io/schemas/ticketing/ticket-created.json";
    transport.inject(TICKET, ticket("t1").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract", id + "@1"));
    transport.inject(TICKET, ticket("t2").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract", id + "@2"));
    transport.inject(TICKET, ticket("t3").getBytes(StandardCharsets.UTF_8),
        Map.of("Ec-Contract", "https://eventcontracts.io/schemas/ticketing/order-created.json@1"));
    transport.inject(TICKET, ticket("t4").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract", id + "#@1"));
    transport.inject(TICKET, ticket("t5").getBytes(StandardCharsets.UTF_8), Map.of("Ec-Contract", id));
    // Ec-Contract wins over the older headers when both are present
    transport.inject(TICKET, ticket("t6").getBytes(StandardCharsets.UTF_8),
        Map.of("Ec-Contract", id + "@1", "Ec-Contract-Version", "2"));

    assertThat(handled).extracting(TicketCreatedEvent::getId).containsExactly("t1", "t4", "t6");
    assertThat(transport.stored(DLQ)).hasSize(3);
    assertThat(deadLetter(0).get("reason").asString()).isEqualTo("CONTRACT_MISMATCH");
    assertThat(deadLetter(0).get("error").asString()).contains("is governed by contract " + id + " version 1, but "
        + "the message/event type names " + id + " version 2");
    assertThat(deadLetter(1).get("error").asString()).contains("is governed by contract " + id + ", but the "
        + "message/event type names https://eventcontracts.io/schemas/ticketing/order-created.json");
    assertThat(deadLetter(2).get("reason").asString()).as("no @version: not this listener's major")
        .isEqualTo("CONTRACT_MISMATCH");
  }

  @Test
  void withoutContentTypeADeliveryNamingItsContractIsJsonWhateverTheSubjectsConfiguredFormat() {
    // a client that would publish ticket:created as protobuf still reads a JSON delivery from another publisher:
    // the runtimes send Content-Type only for protobuf, so "names its contract, no content type" means JSON
    try (EventClient protobufConfigured = EventClient.create(transport, ClientOptions.builder()
        .contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(false)
        .payloadFormat(TICKET, PayloadFormat.PROTOBUF).build())) {
      List<String> handled = new ArrayList<>();
      protobufConfigured.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("orders-service"), (event, context) -> {
        handled.add(event.getId());
        context.ack();
      });
      transport.inject(TICKET, ticket("t1").getBytes(StandardCharsets.UTF_8),
          Map.of("Ec-Contract", "https://eventcontracts.io/schemas/ticketing/ticket-created.json@1"));
      transport.inject(TICKET, ticket("t2").getBytes(StandardCharsets.UTF_8),
          Map.of("Ec-Contract-Id", "https://eventcontracts.io/schemas/ticketing/ticket-created.json"));
      transport.inject(TICKET, ticket("t3").getBytes(StandardCharsets.UTF_8), Map.of());

      assertThat(handled).containsExactly("t1", "t2");
      // no headers at all (NATS Streaming, a foreign publisher): the subject's configured format, here protobuf
      assertThat(deadLetter(0).at("/violations/0/keyword").asString()).isEqualTo("protobuf");
    }
  }

  @Test
  void rfc3339DateTimesAreAcceptedAndOthersRejected() {
    List<Instant> expiries = new ArrayList<>();
    client.subscribe(OrderCreatedEvent.TYPE, ListenOptions.builder("tickets-service").autoAck(true).build(),
        (event, context) -> {
          assertThat(event.status).isEqualTo(OrderStatus.AWAITING_PAYMENT);
          expiries.add(event.expiresAt);
        });
    for (String expiresAt : List.of("2024-05-01T10:00:00Z", "2024-05-01T12:00:00+02:00",
        "2024-05-01T10:00:00.123Z", "tomorrow", "2024-05-01 10:00:00")) {
      transport.inject("order:created", "{\"id\":\"o1\",\"version\":0,\"status\":\"awaiting:payment\","
          + "\"userId\":\"u1\",\"expiresAt\":\"" + expiresAt + "\",\"ticket\":{\"id\":\"t1\",\"price\":20}}");
    }

    assertThat(expiries).containsExactly(Instant.parse("2024-05-01T10:00:00Z"),
        Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00.123Z"));
    List<InMemoryTestTransport.Stored> dead = transport.stored("deadletter.order:created");
    assertThat(dead).hasSize(2);
    for (InMemoryTestTransport.Stored s : dead) {
      JsonNode envelope = JSON.readTree(s.message().payload());
      assertThat(envelope.at("/violations/0/pointer").asString()).isEqualTo("/expiresAt");
      assertThat(envelope.at("/violations/0/keyword").asString()).isEqualTo("format");
    }
    assertThat(client.metrics().forSubject("order:created"))
        .isEqualTo(new SubjectMetrics("order:created", 0, 5, 5, 0, 2, 2, 0));
  }

  @Test
  void manualAckModeRedeliversWhenTheHandlerForgetsToAck() {
    List<Long> counts = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("orders-service"), (event, context) -> {
      counts.add(context.deliveryCount());
      if (context.deliveryCount() == 2) {
        context.ack();
        context.ack(); // harmless
      }
    });
    transport.inject(TICKET, ticket("t1"));
    transport.redeliverUnacked();
    assertThat(transport.redeliverUnacked()).isZero();
    assertThat(counts).containsExactly(1L, 2L);
    assertThat(transport.acks()).isEqualTo(1);
    assertThat(client.metrics().forSubject(TICKET).acked()).isEqualTo(1);
  }

  @Test
  void queueGroupMembersShareTheMessages() {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(),
        (e, c) -> a.add(e.getId()));
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(),
        (e, c) -> b.add(e.getId()));
    for (int i = 0; i < 4; i++) {
      transport.inject(TICKET, ticket("t" + i));
    }
    assertThat(a).containsExactly("t0", "t2");
    assertThat(b).containsExactly("t1", "t3");
  }

  @Test
  void listenerAndPublisherBaseClassesWorkLikeGeneratedCode() {
    class TicketCreatedListener extends Listener<TicketCreatedEvent> {
      final List<TicketCreatedEvent> seen = new ArrayList<>();

      TicketCreatedListener(EventClient client) {
        super(client, TicketCreatedEvent.TYPE);
      }

      @Override
      protected String queueGroupName() {
        return "orders-service";
      }

      @Override
      public void onMessage(TicketCreatedEvent event, MessageContext context) {
        seen.add(event);
        context.ack();
      }
    }
    TicketCreatedListener listener = new TicketCreatedListener(client);
    assertThat(listener.subject()).isEqualTo(TICKET);
    assertThat(listener.listenOptions()).isEqualTo(new ListenOptions("orders-service", "orders-service",
        java.time.Duration.ofSeconds(5), 64, 5, false, true));
    Subscription subscription = listener.listen();
    assertThat(listener.listen()).isSameAs(subscription);
    assertThat(subscription.subject()).isEqualTo(TICKET);
    assertThat(subscription.queueGroup()).isEqualTo("orders-service");

    Publisher<TicketCreatedEvent> publisher = new Publisher<>(client, TicketCreatedEvent.TYPE);
    assertThat(publisher.subject()).isEqualTo(TICKET);
    TicketCreatedEvent event = new TicketCreatedEvent("t1", 0, "concert", 20.5, "u1");
    publisher.publish(event).join();

    assertThat(listener.seen).containsExactly(event);
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 1, 1, 1, 0, 0, 0, 0));

    listener.close();
    assertThat(subscription.isActive()).isFalse();
    assertThat(transport.members()).isZero();
    publisher.publish(event).join();
    assertThat(listener.seen).hasSize(1);
  }

  @Test
  void closeIsGracefulAndIdempotent() {
    Subscription subscription = client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});
    client.close();
    client.close();
    assertThat(subscription.isActive()).isFalse();
    assertThat(transport.isClosed()).isTrue();
    EventClientPublishTest.assertKind(
        () -> client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {}),
        EventException.Kind.CLOSED);
  }
}
