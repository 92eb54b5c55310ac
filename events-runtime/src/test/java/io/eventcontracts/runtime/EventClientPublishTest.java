package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.testevents.OrderCreatedEvent;
import io.eventcontracts.runtime.testevents.OrderCreatedTicket;
import io.eventcontracts.runtime.testevents.OrderStatus;
import io.eventcontracts.runtime.testevents.TicketCreatedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventClientPublishTest {

  static final ContractRegistry CONTRACTS = ContractRegistry.fromClasspath();

  final InMemoryTestTransport transport = new InMemoryTestTransport();
  final EventClient client = EventClient.create(transport,
      ClientOptions.builder().contracts(CONTRACTS).closeOnShutdown(false).build());

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void validTicketIsPublishedWithExactBytesAndHeaders() {
    PublishAck ack = new Publisher<>(client, TicketCreatedEvent.TYPE)
        .publish(new TicketCreatedEvent("t1", 0, "concert", 20.5, "u1")).join();

    assertThat(ack.sequence()).isEqualTo(1);
    List<InMemoryTestTransport.Stored> stored = transport.stored("ticket:created");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).text())
        .isEqualTo("{\"id\":\"t1\",\"version\":0,\"title\":\"concert\",\"price\":20.5,\"userId\":\"u1\"}");
    // one header names contract and major; Content-Type only for protobuf (a delivery naming its contract is JSON)
    assertThat(stored.get(0).message().headers()).containsExactly(
        Map.entry("Ec-Contract", "https://eventcontracts.io/schemas/ticketing/ticket-created.json@1"));
    assertThat(stored.get(0).message().messageId()).as("no de-duplication key by default").isNull();
    assertThat(client.metrics().forSubject("ticket:created").published()).isEqualTo(1);
  }

  @Test
  void aPublisherCanDeriveADeduplicationKeyFromTheEvent() {
    Publisher<TicketCreatedEvent> publisher = new Publisher<>(client, TicketCreatedEvent.TYPE) {
      @Override
      protected String deduplicationKey(TicketCreatedEvent event) {
        return event.getId() + ":" + event.getVersion();
      }
    };

    publisher.publish(new TicketCreatedEvent("t7", 3, "concert", 20.5, "u1")).join();

    assertThat(transport.stored("ticket:created").get(0).message().messageId()).isEqualTo("t7:3");
  }

  @Test
  void orderWithEnumAndDateTimeIsWrittenAsIsoStrings() {
    OrderCreatedEvent order = new OrderCreatedEvent("o1", 0, OrderStatus.AWAITING_PAYMENT, "u1",
        Instant.parse("2024-05-01T10:00:00Z"), new OrderCreatedTicket("t1", 20.5));

    client.publish(OrderCreatedEvent.TYPE, order).join();

    assertThat(transport.stored("order:created").get(0).text()).isEqualTo("{\"id\":\"o1\",\"version\":0,"
        + "\"status\":\"awaiting:payment\",\"userId\":\"u1\",\"expiresAt\":\"2024-05-01T10:00:00Z\","
        + "\"ticket\":{\"id\":\"t1\",\"price\":20.5}}");
  }

  @Test
  void fractionalSecondsSurviveTheRoundTrip() {
    OrderCreatedEvent order = new OrderCreatedEvent("o1", 0, OrderStatus.CREATED, "u1",
        Instant.parse("2024-05-01T10:00:00.123Z"), new OrderCreatedTicket("t1", 1.0));
    client.publish(OrderCreatedEvent.TYPE, order).join();
    assertThat(transport.stored("order:created").get(0).text()).contains("\"expiresAt\":\"2024-05-01T10:00:00.123Z\"");
  }

  @Test
  void invalidEventListsEveryViolationAndSendsNothing() {
    TicketCreatedEvent bad = new TicketCreatedEvent("", -1, null, -5.0, "u1");

    assertThatThrownBy(() -> client.publish(TicketCreatedEvent.TYPE, bad))
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
          assertThat(e.subject()).isEqualTo("ticket:created");
          assertThat(e.violations()).extracting(Violation::pointer, Violation::keyword).containsExactly(
              org.assertj.core.groups.Tuple.tuple("/id", "minLength"),
              org.assertj.core.groups.Tuple.tuple("/price", "minimum"),
              org.assertj.core.groups.Tuple.tuple("/title", "required"),
              org.assertj.core.groups.Tuple.tuple("/version", "minimum"));
          assertThat(e.getMessage()).contains("/title: ").contains("[required]").contains("/price: ");
        });
    assertThat(transport.stored()).isEmpty();
    assertThat(client.metrics().forSubject("ticket:created").published()).isZero();
  }

  @Test
  void unknownSubjectAndUnbundledContractAreRefused() {
    EventType<TicketCreatedEvent> unknownSubject = EventType.of("ticket:deleted",
        "https://eventcontracts.io/schemas/ticketing/ticket-deleted.json", 1, TicketCreatedEvent.class);
    EventType<TicketCreatedEvent> notBundled = EventType.of("ticket:created",
        "https://eventcontracts.io/schemas/ticketing/ticket-created-v2.json", 2, TicketCreatedEvent.class);
    EventType<TicketCreatedEvent> otherContract = EventType.of("ticket:created",
        "https://eventcontracts.io/schemas/ticketing/order-created.json", 1, TicketCreatedEvent.class);
    TicketCreatedEvent ticket = new TicketCreatedEvent("t1", 0, "x", 1.0, "u1");

    assertKind(() -> client.publish(unknownSubject, ticket), EventException.Kind.UNKNOWN_SUBJECT);
    assertKind(() -> client.publish(notBundled, ticket), EventException.Kind.SCHEMA_NOT_BUNDLED);
    assertKind(() -> client.publish(otherContract, ticket), EventException.Kind.CONTRACT_MISMATCH);
    assertKind(() -> client.subscribe(unknownSubject, ListenOptions.of("g"), (e, c) -> {}),
        EventException.Kind.UNKNOWN_SUBJECT);
    assertThat(transport.stored()).isEmpty();
  }

  @Test
  void publishAfterCloseFailsWithClosed() {
    client.close();
    assertKind(() -> client.publish(TicketCreatedEvent.TYPE, new TicketCreatedEvent("t1", 0, "x", 1.0, "u1")),
        EventException.Kind.CLOSED);
  }

  @Test
  void transportFailureCompletesTheFutureExceptionally() {
    transport.failPublishesTo(s -> true);
    var future = client.publish(TicketCreatedEvent.TYPE, new TicketCreatedEvent("t1", 0, "x", 1.0, "u1"));
    assertThat(future).isCompletedExceptionally();
    assertThat(client.metrics().forSubject("ticket:created").published()).isZero();
  }

  static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, EventException.Kind kind) {
    assertThatThrownBy(call).isInstanceOfSatisfying(EventException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
