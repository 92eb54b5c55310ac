package io.eventcontracts.runtime;

import static io.eventcontracts.runtime.EventClientPublishTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.runtime.testevents.TicketCreatedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client promises over its whole life, seen through the public API only: message ids, the contract an
 * {@link EventType} was compiled against, closing (client and subscription), handlers that misbehave, and the
 * failures reported to the {@link ErrorListener}. Runs over {@link InMemoryTestTransport}; a thin
 * {@link RecordingTransport} around it records what reaches the transport and can make it misbehave.
 */
class EventClientLifecycleTest {

  static final String TICKET = "ticket:created";
  static final String TICKET_ID = "https://eventcontracts.io/schemas/ticketing/ticket-created.json";

  final InMemoryTestTransport broker = new InMemoryTestTransport();
  final RecordingTransport transport = new RecordingTransport(broker);
  final List<String> reported = new CopyOnWriteArrayList<>();
  final List<Throwable> reportedErrors = new CopyOnWriteArrayList<>();
  final EventClient client = EventClient.create(transport, ClientOptions.builder()
      .contracts(EventClientPublishTest.CONTRACTS)
      .closeOnShutdown(false)
      .errorListener(new RecordingListener())
      .build());

  @AfterEach
  void closeClient() {
    client.close();
  }

  static TicketCreatedEvent ticket(String id) {
    return new TicketCreatedEvent(id, 0, "concert", 20.5, "u1");
  }

  static String ticketJson(String id) {
    return "{\"id\":\"" + id + "\",\"version\":0,\"title\":\"concert\",\"price\":20,\"userId\":\"u1\"}";
  }

  // --- message ids ---------------------------------------------------------------------------------------------

  @Test
  void withoutADeduplicationKeyNoMessageIdIsSentSoJetStreamNeverDropsADistinctEvent() {
    int count = 2_000;
    for (int i = 0; i < count; i++) {
      client.publish(TicketCreatedEvent.TYPE, ticket("t" + i));
    }

    List<String> ids = broker.stored(TICKET).stream().map(s -> s.message().messageId()).toList();
    assertThat(ids).hasSize(count).containsOnlyNulls();
  }

  @Test
  void aDeduplicationKeyIsSentAsTheMessageIdOfThatPublishOnly() {
    for (int i = 0; i < 50; i++) {
      client.publish(TicketCreatedEvent.TYPE, ticket("a" + i), "a" + i + ":0").join();
      client.publish(TicketCreatedEvent.TYPE, ticket("b" + i)).join();
    }
    List<String> ids = broker.stored(TICKET).stream().map(s -> s.message().messageId()).toList();
    assertThat(ids).hasSize(100);
    for (int i = 0; i < 50; i++) {
      assertThat(ids.get(2 * i)).isEqualTo("a" + i + ":0");
      assertThat(ids.get(2 * i + 1)).isNull();
    }
  }

  // --- the contract an EventType was compiled against -----------------------------------------------------------

  @Test
  void anEventTypeCompiledAgainstAnotherContractVersionIsRefused() {
    EventType<TicketCreatedEvent> version2 = EventType.of(TICKET, TICKET_ID, 2, TicketCreatedEvent.class);

    assertThatThrownBy(() -> client.publish(version2, ticket("t1"))).isInstanceOfSatisfying(EventException.class,
        e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_MISMATCH);
          assertThat(e.subject()).isEqualTo(TICKET);
          assertThat(e.getMessage()).isEqualTo("subject 'ticket:created' is governed by contract " + TICKET_ID
              + " version 1, but the message/event type names " + TICKET_ID + " version 2");
        });
    assertKind(() -> client.subscribe(version2, ListenOptions.of("g"), (e, c) -> {}),
        EventException.Kind.CONTRACT_MISMATCH);
    assertThat(broker.stored()).isEmpty();
    assertThat(transport.subscribeCalls).isZero();
  }

  @Test
  void aContractIdWithAnEmptyFragmentNamesTheSameContract() {
    // "$id": "...json#" and "...json" identify the same schema; headers are compared the same way.
    EventType<TicketCreatedEvent> withFragment = EventType.of(TICKET, TICKET_ID + "#", 1, TicketCreatedEvent.class);

    assertThat(client.publish(withFragment, ticket("t1")).join().sequence()).isEqualTo(1);
    assertThat(broker.stored(TICKET).get(0).message().headers()).containsEntry("Ec-Contract", TICKET_ID + "@1");
  }

  @Test
  void anEventOfTheWrongClassIsRefusedBeforeAnythingIsSent() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    EventType<Object> raw = (EventType) TicketCreatedEvent.TYPE;

    assertThatThrownBy(() -> client.publish(raw, "not an event"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event is a java.lang.String, but ticket:created carries " + TicketCreatedEvent.class.getName());
    assertThat(broker.stored()).isEmpty();
  }

  // --- closing ---------------------------------------------------------------------------------------------------

  @Test
  void subscribeAfterCloseIsRefusedWithoutReachingTheTransport() {
    client.close();

    assertThatThrownBy(() -> client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {}))
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.CLOSED);
          assertThat(e.getMessage()).isEqualTo("event client is closed");
        });
    assertThat(transport.subscribeCalls).isZero();
    assertThat(transport.closeCalls).as("close() is idempotent").isEqualTo(1);
    client.close();
    assertThat(transport.closeCalls).isEqualTo(1);
  }

  @Test
  void aDeliveryThatArrivesAfterItsSubscriptionClosedIsLeftUnackedForAnotherMember() {
    List<String> handled = new ArrayList<>();
    Subscription subscription = client.subscribe(TicketCreatedEvent.TYPE,
        ListenOptions.builder("g").autoAck(true).build(), (e, c) -> handled.add(e.getId()));
    InboundHandler handler = transport.handlers.get(0);
    subscription.close();

    FakeDelivery late = new FakeDelivery(TICKET, ticketJson("t1"), 1);
    handler.onMessage(late); // e.g. already in the transport's dispatcher queue when close() ran

    assertThat(handled).isEmpty();
    assertThat(late.acks).isZero();
    assertThat(client.metrics().forSubject(TICKET).received()).isZero();
    assertThat(broker.stored()).as("nothing dead-lettered").isEmpty();
  }

  @Test
  void closingTheClientClosesEverySubscriptionButKeepsTheirDurables() {
    Subscription a = client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("a"), (e, c) -> {});
    Subscription b = client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("b"), (e, c) -> {});

    client.close();

    assertThat(a.isActive()).isFalse();
    assertThat(b.isActive()).isFalse();
    assertThat(transport.subscriptionCloses).isEqualTo(2);
    assertThat(transport.unsubscribes).as("durables stay on the server").isZero();
    a.unsubscribe(); // after the client closed: nothing to delete through a closed transport
    assertThat(transport.unsubscribes).isZero();
    assertThat(a.toString()).isEqualTo("Subscription[ticket:created, queueGroup=a, closed]");
  }

  @Test
  void unsubscribeDeletesTheDurableEvenAfterTheSubscriptionWasClosed() {
    Subscription subscription = client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});
    assertThat(subscription.toString()).isEqualTo("Subscription[ticket:created, queueGroup=g]");
    subscription.close();
    subscription.close();
    assertThat(transport.subscriptionCloses).as("close is idempotent").isEqualTo(1);

    subscription.unsubscribe();

    assertThat(transport.unsubscribes).isEqualTo(1);
    assertThat(subscription.isActive()).isFalse();
  }

  @Test
  void aSubscriptionThatFailsToCloseIsReportedAndTheTransportIsStillClosed() {
    transport.failSubscriptionClose = true;
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});

    client.close();

    assertThat(reported).containsExactly("errorOccurred ticket:created");
    assertThat(reportedErrors.get(0)).hasMessage("close failed");
    assertThat(broker.isClosed()).isTrue();
  }

  @Test
  void aSubscriptionTheTransportRefusesIsNotKeptByTheClient() {
    transport.failSubscribe = true;
    assertThatThrownBy(() -> client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {}))
        .hasMessage("subscribe refused");
    transport.failSubscribe = false;

    client.close();

    assertThat(transport.subscriptionCloses).isZero();
    assertThat(reported).isEmpty();
  }

  // --- handlers that misbehave -----------------------------------------------------------------------------------

  @Test
  void aHandlerThatAcksAndThenThrowsIsNeitherRedeliveredNorDeadLettered() {
    List<Long> deliveries = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").maxDeliver(1).build(), (event, context) -> {
      deliveries.add(context.deliveryCount());
      context.ack();
      throw new IllegalStateException("after ack");
    });

    broker.inject(TICKET, ticketJson("t1"));

    assertThat(broker.redeliverUnacked()).isZero();
    assertThat(deliveries).containsExactly(1L);
    assertThat(broker.acks()).isEqualTo(1);
    assertThat(broker.stored("deadletter." + TICKET)).isEmpty();
    assertThat(reported).containsExactly("handlerFailed ticket:created #1");
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 0, 1, 1, 0, 0, 0, 1));
  }

  @Test
  void autoAckDoesNotAckWhenTheHandlerThrows() {
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(), (event, context) -> {
      if (!context.redelivered()) {
        throw new IllegalStateException("first try fails");
      }
    });

    broker.inject(TICKET, ticketJson("t1"));
    assertThat(broker.unackedCount()).isEqualTo(1);
    assertThat(broker.redeliverUnacked()).isEqualTo(1);

    assertThat(broker.unackedCount()).isZero();
    assertThat(broker.acks()).isEqualTo(1);
  }

  @Test
  void anAckTheTransportRejectsIsReportedAndTheMessageStaysUnacked() {
    List<MessageContext> contexts = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(),
        (e, c) -> contexts.add(c));
    InboundHandler handler = transport.handlers.get(0);
    FakeDelivery delivery = new FakeDelivery(TICKET, ticketJson("t1"), 1);
    delivery.failAck = true;

    handler.onMessage(delivery);

    assertThat(contexts.get(0).acked()).isFalse();
    assertThat(reported).containsExactly("errorOccurred ticket:created");
    assertThat(reportedErrors.get(0)).isInstanceOfSatisfying(EventException.class, e -> {
      assertThat(e.kind()).isEqualTo(EventException.Kind.TRANSPORT_ERROR);
      assertThat(e.getMessage()).startsWith("ack of ticket:created #7 failed: ");
      assertThat(e.getCause()).hasMessage("connection lost");
    });
    assertThat(client.metrics().forSubject(TICKET).acked()).isZero();

    delivery.failAck = false;
    contexts.get(0).ack(); // a later retry by the handler goes through
    assertThat(contexts.get(0).acked()).isTrue();
    assertThat(delivery.acks).isEqualTo(1);
    assertThat(client.metrics().forSubject(TICKET).acked()).isEqualTo(1);
  }

  @Test
  void anEventExceptionFromAckIsPassedOnUnchanged() {
    List<Throwable> thrown = new ArrayList<>();
    List<Boolean> acked = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, context) -> {
      try {
        context.ack();
      } catch (EventException failure) {
        thrown.add(failure);
        acked.add(context.acked());
      }
    });
    FakeDelivery delivery = new FakeDelivery(TICKET, ticketJson("t1"), 1);
    delivery.ackFailure = EventException.transport(EventException.Kind.NOT_CONNECTED, TICKET, "offline", null);

    transport.handlers.get(0).onMessage(delivery);

    assertThat(thrown).containsExactly(delivery.ackFailure);
    assertThat(acked).containsExactly(false);
  }

  // --- what the handler sees -------------------------------------------------------------------------------------

  @Test
  void theMessageContextDescribesTheDelivery() {
    List<String> seen = new ArrayList<>();
    // no ack: a delivery of a message this client already acked never reaches the handler again
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("orders-service").build(),
        (event, c) -> seen.add(c.subject() + " #" + c.sequence() + " delivery " + c.deliveryCount() + " redelivered "
            + c.redelivered() + " group " + c.queueGroup() + " headers " + c.headers() + " acked " + c.acked()
            + " " + c));
    InboundHandler handler = transport.handlers.get(0);

    handler.onMessage(new FakeDelivery(TICKET, ticketJson("t1"), 1));
    FakeDelivery second = new FakeDelivery(TICKET, ticketJson("t1"), 2);
    second.headers = Map.of("Ec-Contract-Version", "1");
    handler.onMessage(second);
    FakeDelivery noHeaders = new FakeDelivery(TICKET, ticketJson("t1"), 3);
    noHeaders.headers = null; // a transport without headers (NATS Streaming)
    handler.onMessage(noHeaders);

    assertThat(seen).containsExactly(
        "ticket:created #7 delivery 1 redelivered false group orders-service headers {} acked false"
            + " ticket:created #7 (delivery 1)",
        "ticket:created #7 delivery 2 redelivered true group orders-service headers {Ec-Contract-Version=1}"
            + " acked false ticket:created #7 (delivery 2)",
        "ticket:created #7 delivery 3 redelivered true group orders-service headers {} acked false"
            + " ticket:created #7 (delivery 3)");
    assertThat(client.metrics().forSubject(TICKET)).isEqualTo(new SubjectMetrics(TICKET, 0, 3, 0, 2, 0, 0, 0));
  }

  @Test
  void aContractIdHeaderIsMatchedWhateverItsCaseAndSurroundingSpace() {
    List<String> handled = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(),
        (e, c) -> handled.add(e.getId()));
    broker.inject(TICKET, ticketJson("t1").getBytes(StandardCharsets.UTF_8),
        Map.of("ec-contract-id", " " + TICKET_ID + "# "));
    broker.inject(TICKET, ticketJson("t2").getBytes(StandardCharsets.UTF_8),
        Map.of("EC-CONTRACT-ID", "https://eventcontracts.io/schemas/ticketing/order-created.json"));

    assertThat(handled).containsExactly("t1");
    assertThat(broker.stored("deadletter." + TICKET)).hasSize(1);
  }

  // --- asynchronous failures -------------------------------------------------------------------------------------

  @Test
  void aFailedPublishIsReportedToTheErrorListenerWithItsCause() {
    broker.failPublishesTo(s -> true);

    CompletableFuture<PublishAck> future = client.publish(TicketCreatedEvent.TYPE, ticket("t1"));

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(EventException.class,
            e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
    assertThat(reported).containsExactly("publishFailed ticket:created");
    assertThat(reportedErrors.get(0)).as("unwrapped, not a CompletionException")
        .isInstanceOfSatisfying(EventException.class,
            e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
  }

  @Test
  void aTransportThatThrowsFailsTheFutureWithTransportError() {
    transport.onPublish = m -> {
      throw new IllegalStateException("socket closed");
    };

    CompletableFuture<PublishAck> future = client.publish(TicketCreatedEvent.TYPE, ticket("t1"));

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(EventException.class, e -> {
      assertThat(e.kind()).isEqualTo(EventException.Kind.TRANSPORT_ERROR);
      assertThat(e.subject()).isEqualTo(TICKET);
      assertThat(e.getMessage()).isEqualTo(
          "publish to 'ticket:created' failed: java.lang.IllegalStateException: socket closed");
      assertThat(e.getCause()).hasMessage("socket closed");
    });
    assertThat(reported).containsExactly("publishFailed ticket:created");
  }

  @Test
  void aFailureWrappedByTheTransportsFutureChainIsReportedUnwrapped() {
    transport.onPublish = m -> CompletableFuture.completedFuture(m).thenApply(sent -> {
      throw new IllegalStateException("stream gone"); // the future fails with a CompletionException around it
    });

    CompletableFuture<PublishAck> future = client.publish(TicketCreatedEvent.TYPE, ticket("t1"));

    assertThat(future).isCompletedExceptionally();
    assertThat(reported).containsExactly("publishFailed ticket:created");
    assertThat(reportedErrors.get(0)).isInstanceOf(IllegalStateException.class).hasMessage("stream gone");
  }

  @Test
  void aDeliveryThatCannotBeReadIsReportedAndLeftUnacked() {
    List<String> handled = new ArrayList<>();
    client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").autoAck(true).build(),
        (e, c) -> handled.add(e.getId()));
    FakeDelivery broken = new FakeDelivery(TICKET, ticketJson("t1"), 1) {
      @Override
      public byte[] payload() {
        throw new IllegalStateException("buffer released");
      }
    };

    transport.handlers.get(0).onMessage(broken);

    assertThat(handled).isEmpty();
    assertThat(broken.acks).isZero();
    assertThat(reported).containsExactly("errorOccurred ticket:created");
    assertThat(reportedErrors.get(0)).hasMessage("buffer released");
    assertThat(broker.stored()).as("not dead-lettered: the runtime could not even read it").isEmpty();
  }

  @Test
  void anEventExceptionThrownByTheTransportIsPassedOnUnchanged() {
    EventException timeout = EventException.transport(EventException.Kind.PUBLISH_TIMEOUT, TICKET, "no ack", null);
    transport.onPublish = m -> {
      throw timeout;
    };

    CompletableFuture<PublishAck> future = client.publish(TicketCreatedEvent.TYPE, ticket("t1"));

    assertThatThrownBy(future::join).cause().isSameAs(timeout);
    assertThat(reportedErrors).containsExactly(timeout);
  }

  @Test
  void aTransportThatReturnsNoFutureFailsThePublish() {
    transport.onPublish = m -> null;

    CompletableFuture<PublishAck> future = client.publish(TicketCreatedEvent.TYPE, ticket("t1"));

    assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(EventException.class, e -> {
      assertThat(e.kind()).isEqualTo(EventException.Kind.TRANSPORT_ERROR);
      assertThat(e.getMessage()).isEqualTo("recording returned no future");
    });
    assertThat(client.metrics().forSubject(TICKET).published()).isZero();
  }

  @Test
  void anErrorListenerThatThrowsDoesNotBreakTheClient() {
    InMemoryTestTransport failing = new InMemoryTestTransport();
    failing.failPublishesTo(s -> true);
    ErrorListener throwing = new ErrorListener() {
      @Override
      public void publishFailed(String subject, Throwable error) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (EventClient other = EventClient.create(failing, ClientOptions.builder()
        .contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(false).errorListener(throwing).build())) {
      CompletableFuture<PublishAck> future = other.publish(TicketCreatedEvent.TYPE, ticket("t1"));
      assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(EventException.class,
          e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
    }
  }

  @Test
  void theDefaultErrorListenerIgnoresEverything() {
    ErrorListener none = ErrorListener.NONE;
    MessageContext context = new MessageContext() {
      public void ack() {}
      public boolean acked() { return false; }
      public String subject() { return TICKET; }
      public long sequence() { return 1; }
      public long deliveryCount() { return 1; }
      public boolean redelivered() { return false; }
      public Map<String, String> headers() { return Map.of(); }
      public String queueGroup() { return "g"; }
    };
    EventException reason = EventException.closed("x");
    none.handlerFailed(context, reason);
    none.deadLettered(context, reason);
    none.deadLetterFailed(context, reason, reason);
    none.publishFailed(TICKET, reason);
    none.errorOccurred(TICKET, reason);
    assertThat(ClientOptions.defaults().errorListener()).isSameAs(ErrorListener.NONE);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** Records every listener call as "method subject [#sequence]". */
  final class RecordingListener implements ErrorListener {
    @Override
    public void handlerFailed(MessageContext context, Throwable error) {
      reported.add("handlerFailed " + context.subject() + " #" + context.sequence());
      reportedErrors.add(error);
    }

    @Override
    public void deadLettered(MessageContext context, EventException reason) {
      reported.add("deadLettered " + context.subject() + " #" + context.sequence());
    }

    @Override
    public void deadLetterFailed(MessageContext context, EventException reason, Throwable error) {
      reported.add("deadLetterFailed " + context.subject() + " #" + context.sequence());
    }

    @Override
    public void publishFailed(String subject, Throwable error) {
      reported.add("publishFailed " + subject);
      reportedErrors.add(error);
    }

    @Override
    public void errorOccurred(String subject, Throwable error) {
      reported.add("errorOccurred " + subject);
      reportedErrors.add(error);
    }
  }

  /** A delivery handed straight to a subscription's handler, as a transport's dispatcher would. */
  static class FakeDelivery implements InboundMessage {
    final String subject;
    final byte[] payload;
    final long deliveryCount;
    Map<String, String> headers = Map.of();
    boolean failAck;
    RuntimeException ackFailure;
    int acks;

    FakeDelivery(String subject, String json, long deliveryCount) {
      this.subject = subject;
      this.payload = json.getBytes(StandardCharsets.UTF_8);
      this.deliveryCount = deliveryCount;
    }

    public String subject() { return subject; }
    public byte[] payload() { return payload.clone(); }
    public Map<String, String> headers() { return headers; }
    public long sequence() { return 7; }
    public long deliveryCount() { return deliveryCount; }

    public void ack() {
      if (ackFailure != null) {
        throw ackFailure;
      }
      if (failAck) {
        throw new IllegalStateException("connection lost");
      }
      acks++;
    }
  }

  /** Passes everything to the in-memory broker, counting calls; can be told to misbehave. */
  static class RecordingTransport implements Transport {
    final InMemoryTestTransport delegate;
    final List<InboundHandler> handlers = new ArrayList<>();
    Function<OutboundMessage, CompletableFuture<PublishAck>> onPublish;
    boolean failSubscribe;
    boolean failSubscriptionClose;
    int subscribeCalls;
    int subscriptionCloses;
    int unsubscribes;
    int closeCalls;

    RecordingTransport(InMemoryTestTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public CompletableFuture<PublishAck> publish(OutboundMessage message) {
      return onPublish != null ? onPublish.apply(message) : delegate.publish(message);
    }

    @Override
    public TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
      subscribeCalls++;
      if (failSubscribe) {
        throw new IllegalStateException("subscribe refused");
      }
      handlers.add(handler);
      TransportSubscription inner = delegate.subscribe(request, handler);
      return new TransportSubscription() {
        @Override
        public void close() {
          subscriptionCloses++;
          inner.close();
          if (failSubscriptionClose) {
            throw new IllegalStateException("close failed");
          }
        }

        @Override
        public void unsubscribe() {
          unsubscribes++;
          inner.unsubscribe();
        }
      };
    }

    @Override
    public void close() {
      closeCalls++;
      delegate.close();
    }
  }
}
