package io.eventcontracts.integration.scenarios;

import static io.eventcontracts.integration.backend.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.integration.backend.Backend;
import io.eventcontracts.integration.backend.RawTap;
import io.eventcontracts.integration.backend.Waits;
import io.eventcontracts.integration.fixtures.ExpectedViolation;
import io.eventcontracts.integration.fixtures.InvalidEvent;
import io.eventcontracts.integration.fixtures.InvalidPayload;
import io.eventcontracts.integration.fixtures.TicketingSamples;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ErrorListener;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Publisher;
import io.eventcontracts.runtime.SubjectMetrics;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.ticketing.ExpirationCompleteEvent;
import io.eventcontracts.ticketing.ExpirationCompleteListener;
import io.eventcontracts.ticketing.ExpirationCompletePublisher;
import io.eventcontracts.ticketing.OrderCancelledEvent;
import io.eventcontracts.ticketing.OrderCancelledListener;
import io.eventcontracts.ticketing.OrderCancelledPublisher;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedListener;
import io.eventcontracts.ticketing.OrderCreatedPublisher;
import io.eventcontracts.ticketing.PaymentCreatedEvent;
import io.eventcontracts.ticketing.PaymentCreatedListener;
import io.eventcontracts.ticketing.PaymentCreatedPublisher;
import io.eventcontracts.ticketing.Subjects;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import io.eventcontracts.ticketing.TicketUpdatedEvent;
import io.eventcontracts.ticketing.TicketUpdatedListener;
import io.eventcontracts.ticketing.TicketUpdatedPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime scenarios, written once and run against every {@link Backend}: generated publishers and listeners,
 * validation on both sides, dead letters read back from the broker, redelivery, durables, queue groups, a broker
 * restart and graceful close. Every scenario asserts exact counts: handler invocations, {@code EventMetrics}
 * counters and dead letters stored by the broker.
 *
 * <p>Ack waits are 1 s. "Settling" means waiting longer than one ack wait after the expected work is done, so that
 * anything left unacked would have been redelivered (and counted) before the counts are asserted.
 */
@Timeout(90)
public abstract class RuntimeScenarios {

  static final Duration ACK_WAIT = Duration.ofSeconds(1);
  static final Duration SETTLE = ACK_WAIT.plusMillis(600);
  static final String TICKET_CREATED = Subjects.TICKET_CREATED.value();
  static final String ORDER_CREATED = Subjects.ORDER_CREATED.value();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  protected Backend backend;
  private final List<EventClient> clients = new ArrayList<>();
  private final Map<EventClient, Transport> transports = new ConcurrentHashMap<>();

  /** Starts the broker for one test; skip with an {@code Assumptions} message when it is not available. */
  protected abstract Backend startBackend();

  @BeforeEach
  void startBroker() {
    backend = startBackend();
  }

  @AfterEach
  void stopBroker() {
    try {
      for (int i = clients.size() - 1; i >= 0; i--) {
        try {
          clients.get(i).close();
        } catch (RuntimeException ignored) {
          // best effort; the backend closes what is left
        }
      }
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }

  // ============================================================================================ 1. round trip

  /** Each of the six contracts: generated Publisher → broker → generated Listener subclass, equal on arrival. */
  @Test
  void typedRoundTripForEveryTicketingContract() throws Exception {
    EventClient publishing = client("tickets");
    EventClient listening = client("orders");
    Received<TicketCreatedEvent> ticketCreated = new Received<>();
    Received<TicketUpdatedEvent> ticketUpdated = new Received<>();
    Received<OrderCreatedEvent> orderCreated = new Received<>();
    Received<OrderCancelledEvent> orderCancelled = new Received<>();
    Received<ExpirationCompleteEvent> expirationComplete = new Received<>();
    Received<PaymentCreatedEvent> paymentCreated = new Received<>();
    new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 64, (e, c) -> {
      ticketCreated.add(e, c);
      c.ack();
    }).listen();
    new TicketUpdatedListener(listening) {
      @Override
      protected String queueGroupName() {
        return "orders-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(TicketUpdatedEvent event, MessageContext context) {
        ticketUpdated.add(event, context);
        context.ack();
      }
    }.listen();
    new OrderCreatedListener(listening) {
      @Override
      protected String queueGroupName() {
        return "tickets-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(OrderCreatedEvent event, MessageContext context) {
        orderCreated.add(event, context);
        context.ack();
      }
    }.listen();
    new OrderCancelledListener(listening) {
      @Override
      protected String queueGroupName() {
        return "tickets-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(OrderCancelledEvent event, MessageContext context) {
        orderCancelled.add(event, context);
        context.ack();
      }
    }.listen();
    new ExpirationCompleteListener(listening) {
      @Override
      protected String queueGroupName() {
        return "orders-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(ExpirationCompleteEvent event, MessageContext context) {
        expirationComplete.add(event, context);
        context.ack();
      }
    }.listen();
    new PaymentCreatedListener(listening) {
      @Override
      protected String queueGroupName() {
        return "orders-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(PaymentCreatedEvent event, MessageContext context) {
        paymentCreated.add(event, context);
        context.ack();
      }
    }.listen();
    RawTap orderCreatedOnTheWire = backend.tap(ORDER_CREATED);

    List<CompletableFuture<PublishAck>> acks = List.of(
        new TicketCreatedPublisher(publishing).publish(TicketingSamples.ticketCreated()),
        new TicketUpdatedPublisher(publishing).publish(TicketingSamples.ticketUpdated()),
        new OrderCreatedPublisher(publishing).publish(TicketingSamples.orderCreated()),
        new OrderCancelledPublisher(publishing).publish(TicketingSamples.orderCancelled()),
        new ExpirationCompletePublisher(publishing).publish(TicketingSamples.expirationComplete()),
        new PaymentCreatedPublisher(publishing).publish(TicketingSamples.paymentCreated()));
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    List<Received<?>> all = List.of(ticketCreated, ticketUpdated, orderCreated, orderCancelled, expirationComplete,
        paymentCreated);
    await("one delivery per contract", () -> all.stream().allMatch(r -> r.size() >= 1),
        () -> all.stream().map(Received::size).toList());
    Waits.sleep(SETTLE);

    assertThat(ticketCreated.events()).containsExactly(TicketingSamples.ticketCreated());
    assertThat(ticketUpdated.events()).containsExactly(TicketingSamples.ticketUpdated());
    assertThat(orderCreated.events()).containsExactly(TicketingSamples.orderCreated());
    assertThat(orderCancelled.events()).containsExactly(TicketingSamples.orderCancelled());
    assertThat(expirationComplete.events()).containsExactly(TicketingSamples.expirationComplete());
    assertThat(paymentCreated.events()).containsExactly(TicketingSamples.paymentCreated());
    assertThat(orderCreated.events().get(0).getExpiresAt()).isEqualTo(TicketingSamples.EXPIRES_AT);
    assertThat(orderCreatedOnTheWire.texts()).singleElement().asString()
        .contains("\"expiresAt\":\"" + TicketingSamples.EXPIRES_AT_TEXT + "\"")
        .isEqualTo(TicketingSamples.jsonText(ORDER_CREATED, TicketingSamples.orderCreated()));
    for (Received<?> received : all) {
      MessageContext context = received.contexts().get(0);
      assertThat(context.deliveryCount()).isEqualTo(1);
      assertThat(context.redelivered()).isFalse();
      assertThat(context.acked()).isTrue();
    }
    for (Subjects subject : Subjects.values()) {
      String s = subject.value();
      assertThat(publishing.metrics().forSubject(s)).isEqualTo(counts(s).published(1).build());
      assertThat(listening.metrics().forSubject(s)).isEqualTo(counts(s).received(1).acked(1).build());
    }
  }

  // ============================================================================================ 2. invalid publish

  /** An invalid event is refused before it reaches the wire, with every violation's pointer. */
  @Test
  void invalidPublishListsEveryViolationAndSendsNothing() throws Exception {
    EventClient publishing = client("tickets");
    Set<String> subjects = TicketingSamples.invalidEvents().stream().map(e -> e.type().subject())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    Map<String, RawTap> taps = new LinkedHashMap<>();
    for (String subject : subjects) {
      taps.put(subject, backend.tap(subject));
    }

    // the headline case through the generated publisher: negative price AND empty id -> two violations
    TicketCreatedEvent invalid = TicketingSamples.ticketCreated("");
    invalid.setPrice(new java.math.BigDecimal("-5.0"));
    EventException refused = catchThrowableOfType(EventException.class,
        () -> new TicketCreatedPublisher(publishing).publish(invalid));
    assertThat(refused).isNotNull();
    assertThat(refused.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
    assertThat(refused.subject()).isEqualTo(TICKET_CREATED);
    assertThat(refused.violations()).extracting(ExpectedViolation::of)
        .containsExactly(ExpectedViolation.at("/id", "minLength"), ExpectedViolation.at("/price", "minimum"));
    assertThat(refused.getMessage()).contains("/id: ").contains("/price: ");

    // the rest of the shared catalogue through the Publisher base class
    for (InvalidEvent<?> each : TicketingSamples.invalidEvents()) {
      EventException e = catchThrowableOfType(EventException.class, () -> publish(publishing, each));
      assertThat(e).as(each.name()).isNotNull();
      assertThat(e.kind()).as(each.name()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
      assertThat(e.violations()).as(each.name()).extracting(ExpectedViolation::of)
          .containsExactlyElementsOf(each.expected());
    }

    // A valid sentinel per subject, published after the refusals on the same connection, arrives after anything
    // they might have sent: once the raw subscriber has it, it has seen everything.
    Map<String, byte[]> sentinels = new LinkedHashMap<>();
    for (String subject : subjects) {
      Object sentinel = sampleFor(subject);
      sentinels.put(subject, TicketingSamples.json(subject, sentinel));
      publishAny(publishing, subject, sentinel).get(20, TimeUnit.SECONDS);
    }
    await("the sentinels on every raw subscriber", () -> taps.values().stream().allMatch(t -> t.size() >= 1));
    for (String subject : subjects) {
      assertThat(taps.get(subject).texts()).as("raw subscriber on %s", subject)
          .containsExactly(new String(sentinels.get(subject), StandardCharsets.UTF_8));
      assertThat(publishing.metrics().forSubject(subject)).isEqualTo(counts(subject).published(1).build());
    }
  }

  // ============================================================================================ 3. invalid inbound

  /**
   * Every catalogued invalid payload, injected raw between valid ones: the handler never sees them, each is
   * dead-lettered once with its reason and violations, every valid message around them is processed once.
   */
  @Test
  void invalidInboundIsDeadLetteredWhileValidMessagesAroundItAreProcessed() throws Exception {
    ClientOptions.Builder options = ClientOptions.builder();
    List<InvalidPayload> cases = invalidInboundCases(options);
    EventClient listening = client("orders", options);
    TicketCreatedRecorder tickets = new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 64,
        TicketCreatedRecorder.ACK);
    tickets.listen();
    Received<OrderCreatedEvent> orders = new Received<>();
    new OrderCreatedListener(listening) {
      @Override
      protected String queueGroupName() {
        return "tickets-service";
      }

      @Override
      protected Duration ackWait() {
        return ACK_WAIT;
      }

      @Override
      public void onMessage(OrderCreatedEvent event, MessageContext context) {
        orders.add(event, context);
        context.ack();
      }
    }.listen();

    List<String> validTicketIds = new ArrayList<>();
    List<String> validOrderIds = new ArrayList<>();
    Map<String, Integer> invalidPerSubject = new LinkedHashMap<>(Map.of(TICKET_CREATED, 0, ORDER_CREATED, 0));
    int n = 0;
    for (InvalidPayload bad : cases) {
      publishValidRaw(bad.subject(), "valid-" + n++, validTicketIds, validOrderIds);
      backend.publishRaw(bad.subject(), bad.payload());
      invalidPerSubject.merge(bad.subject(), 1, Integer::sum);
    }
    publishValidRaw(TICKET_CREATED, "valid-" + n++, validTicketIds, validOrderIds);
    publishValidRaw(ORDER_CREATED, "valid-" + n, validTicketIds, validOrderIds);

    int ticketTotal = validTicketIds.size() + invalidPerSubject.get(TICKET_CREATED);
    int orderTotal = validOrderIds.size() + invalidPerSubject.get(ORDER_CREATED);
    await("every message handled or dead-lettered and acked",
        () -> listening.metrics().forSubject(TICKET_CREATED).acked() >= ticketTotal
            && listening.metrics().forSubject(ORDER_CREATED).acked() >= orderTotal,
        () -> listening.metrics().snapshot());
    Waits.sleep(SETTLE);

    assertThat(tickets.ids()).as("ticket:created handler").containsExactlyInAnyOrderElementsOf(validTicketIds);
    assertThat(orders.events()).extracting(OrderCreatedEvent::getId).as("order:created handler")
        .containsExactlyInAnyOrderElementsOf(validOrderIds);
    for (String subject : List.of(TICKET_CREATED, ORDER_CREATED)) {
      int invalid = invalidPerSubject.get(subject);
      int total = subject.equals(TICKET_CREATED) ? ticketTotal : orderTotal;
      assertThat(listening.metrics().forSubject(subject)).isEqualTo(
          counts(subject).received(total).acked(total).deadLettered(invalid).invalid(invalid).build());

      List<byte[]> deadLetters = backend.deadLetters(subject, invalid);
      List<InvalidPayload> expected = cases.stream().filter(c -> c.subject().equals(subject)).toList();
      assertThat(deadLetters).as("dead letters of %s", subject).hasSize(expected.size());
      Set<String> matched = new HashSet<>();
      for (byte[] bytes : deadLetters) {
        JsonNode envelope = JSON.readTree(bytes);
        InvalidPayload original = expected.stream().filter(c -> isEnvelopeOf(envelope, c)).findFirst()
            .orElseThrow(() -> new AssertionError("dead letter matches no injected payload: "
                + abbreviate(envelope.toString())));
        assertThat(matched.add(original.name())).as("%s dead-lettered twice", original.name()).isTrue();
        assertDeadLetter(envelope, original, subject);
      }
    }
  }

  // ============================================================================================ 4. redelivery

  /** A handler that fails twice then succeeds: processed once, on the third delivery, which the context shows. */
  @Test
  void handlerThrowingTwiceThenSucceedingIsProcessedExactlyOnce() throws Exception {
    AtomicInteger failuresReported = new AtomicInteger();
    EventClient listening = client("orders", ClientOptions.builder().errorListener(new ErrorListener() {
      @Override
      public void handlerFailed(MessageContext context, Throwable error) {
        failuresReported.incrementAndGet();
      }
    }));
    AtomicInteger processed = new AtomicInteger();
    TicketCreatedRecorder listener = new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 64,
        (event, context) -> {
          if (context.deliveryCount() < 3) {
            throw new IllegalStateException("database unavailable (delivery " + context.deliveryCount() + ")");
          }
          processed.incrementAndGet();
          context.ack();
        });
    listener.listen();
    EventClient publishing = client("tickets");

    new TicketCreatedPublisher(publishing).publish(TicketingSamples.ticketCreated()).get(20, TimeUnit.SECONDS);
    await("processing on the third delivery", () -> processed.get() == 1, listener::invocations);
    Waits.sleep(SETTLE);

    assertThat(processed).hasValue(1);
    assertThat(listener.events()).containsExactly(TicketingSamples.ticketCreated(), TicketingSamples.ticketCreated(),
        TicketingSamples.ticketCreated());
    assertThat(listener.contexts()).extracting(MessageContext::deliveryCount).containsExactly(1L, 2L, 3L);
    assertThat(listener.contexts()).extracting(MessageContext::redelivered).containsExactly(false, true, true);
    assertThat(listener.contexts()).extracting(MessageContext::sequence).containsOnly(
        listener.contexts().get(0).sequence());
    assertThat(failuresReported).hasValue(2);
    assertThat(listening.metrics().forSubject(TICKET_CREATED)).isEqualTo(
        counts(TICKET_CREATED).received(3).acked(1).redelivered(2).handlerFailed(2).build());
    assertThat(backend.deadLetters(TICKET_CREATED, 0)).isEmpty();
  }

  /**
   * Beyond the list: a handler that always fails is dead-lettered on delivery {@code maxDeliver} with reason
   * {@code HANDLER_FAILED} and the exception, then acked, so it stops coming back and never blocks the group.
   */
  @Test
  void handlerFailingOnEveryDeliveryIsDeadLetteredAtMaxDeliverAndAcked() throws Exception {
    EventClient listening = client("orders");
    TicketCreatedRecorder listener = new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 64, 3,
        (event, context) -> {
          throw new IllegalStateException("poison ticket " + event.getId());
        });
    listener.listen();
    EventClient publishing = client("tickets");

    new TicketCreatedPublisher(publishing).publish(TicketingSamples.ticketCreated("poison")).get(20,
        TimeUnit.SECONDS);
    await("the dead letter after the third delivery",
        () -> listening.metrics().forSubject(TICKET_CREATED).acked() >= 1, listener::invocations);
    Waits.sleep(SETTLE);

    assertThat(listener.contexts()).extracting(MessageContext::deliveryCount).containsExactly(1L, 2L, 3L);
    assertThat(listening.metrics().forSubject(TICKET_CREATED)).isEqualTo(counts(TICKET_CREATED).received(3)
        .acked(1).redelivered(2).handlerFailed(3).deadLettered(1).build());
    List<byte[]> deadLetters = backend.deadLetters(TICKET_CREATED, 1);
    assertThat(deadLetters).hasSize(1);
    JsonNode envelope = JSON.readTree(deadLetters.get(0));
    assertThat(envelope.path("reason").asString()).isEqualTo("HANDLER_FAILED");
    assertThat(envelope.path("deliveryCount").asLong()).isEqualTo(3);
    assertThat(envelope.path("exception").asString()).isEqualTo(IllegalStateException.class.getName());
    assertThat(envelope.path("stackTrace").asString()).contains("poison ticket poison");
    assertThat(envelope.path("violations").isEmpty()).isTrue();
    assertThat(envelope.path("payloadText").asString())
        .isEqualTo(TicketingSamples.jsonText(TICKET_CREATED, TicketingSamples.ticketCreated("poison")));
  }

  // ============================================================================================ 5. durable resume

  /** A stopped listener misses nothing: restarted on the same durable it gets exactly the events it missed. */
  @Test
  void stoppedListenerRestartedOnTheSameDurableGetsEveryMissedEventOnce() throws Exception {
    EventClient publishing = client("tickets");
    EventClient listening = client("orders");
    TicketCreatedRecorder listener = new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 32,
        TicketCreatedRecorder.ACK);
    TicketCreatedPublisher publisher = new TicketCreatedPublisher(publishing);
    listener.listen();
    publishAll(publisher, ids("before-", 10));
    await("the first 10", () -> listener.invocations() >= 10, listener::invocations);
    Waits.sleep(Duration.ofMillis(200)); // the last ack reaches the server
    listener.close();

    List<String> missed = ids("missed-", 100);
    publishAll(publisher, missed);
    listener.listen();
    await("the 100 missed events", () -> listener.invocations() >= 110, listener::invocations);
    Waits.sleep(SETTLE);

    assertThat(listener.ids()).hasSize(110).doesNotHaveDuplicates();
    assertThat(listener.ids().subList(0, 10)).containsExactlyElementsOf(ids("before-", 10));
    assertThat(listener.ids().subList(10, 110)).containsExactlyInAnyOrderElementsOf(missed);
    assertThat(listening.metrics().forSubject(TICKET_CREATED)).isEqualTo(
        counts(TICKET_CREATED).received(110).acked(110).build());
    assertThat(publishing.metrics().forSubject(TICKET_CREATED).published()).isEqualTo(110);
  }

  // ============================================================================================ 6. queue group

  /** Two replicas in one queue group share 1,000 events: each processed exactly once across the two. */
  @Test
  void twoListenersInOneQueueGroupProcessEachOfAThousandEventsExactlyOnce() throws Exception {
    EventClient replicaA = client("orders-a");
    EventClient replicaB = client("orders-b");
    EventClient publishing = client("tickets");
    TicketCreatedRecorder a = new TicketCreatedRecorder(replicaA, "orders-service", ACK_WAIT, 32,
        TicketCreatedRecorder.ACK);
    TicketCreatedRecorder b = new TicketCreatedRecorder(replicaB, "orders-service", ACK_WAIT, 32,
        TicketCreatedRecorder.ACK);
    a.listen();
    b.listen();

    List<String> all = ids("event-", 1000);
    publishAll(new TicketCreatedPublisher(publishing), all);
    await("1,000 events across the group", () -> a.invocations() + b.invocations() >= 1000,
        () -> a.invocations() + " + " + b.invocations());
    Waits.sleep(SETTLE);

    List<String> processed = new ArrayList<>(a.ids());
    processed.addAll(b.ids());
    assertThat(processed).hasSize(1000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    assertThat(a.invocations()).as("replica A's share").isPositive();
    assertThat(b.invocations()).as("replica B's share").isPositive();
    assertThat(replicaA.metrics().forSubject(TICKET_CREATED)).isEqualTo(
        counts(TICKET_CREATED).received(a.invocations()).acked(a.invocations()).build());
    assertThat(replicaB.metrics().forSubject(TICKET_CREATED)).isEqualTo(
        counts(TICKET_CREATED).received(b.invocations()).acked(b.invocations()).build());
    assertThat(publishing.metrics().forSubject(TICKET_CREATED).published()).isEqualTo(1000);
  }

  // ============================================================================================ 7. broker restart

  /** The broker restarts while a listener is half-way through: no acknowledged publish is lost. */
  @Test
  void brokerRestartMidStreamLosesNoAcknowledgedPublish() throws Exception {
    String unsupported = backend.restartUnsupportedReason();
    Assumptions.assumeTrue(unsupported == null, unsupported);
    EventClient publishing = client("tickets");
    EventClient listening = client("orders");
    TicketCreatedRecorder listener = new TicketCreatedRecorder(listening, "orders-service", ACK_WAIT, 16,
        (event, context) -> {
          Thread.sleep(3); // a little work per event, so the restart lands mid-stream
          context.ack();
        });
    listener.listen();
    List<String> acknowledged = ids("stored-", 300);
    publishAll(new TicketCreatedPublisher(publishing), acknowledged);
    await("the listener half-way", () -> listener.invocations() >= 50, listener::invocations);
    int beforeRestart = listener.invocations();

    backend.restartServer();

    TicketCreatedEvent afterRestart = TicketingSamples.ticketCreated("after-restart");
    publishWhenReconnected(publishing, afterRestart);
    await("every acknowledged event after the restart",
        () -> new HashSet<>(listener.ids()).size() >= acknowledged.size() + 1,
        () -> new HashSet<>(listener.ids()).size() + " distinct of " + (acknowledged.size() + 1));
    Waits.sleep(SETTLE);

    List<String> expected = new ArrayList<>(acknowledged);
    expected.add("after-restart");
    assertThat(new HashSet<>(listener.ids())).as("distinct events processed").containsExactlyInAnyOrderElementsOf(
        expected);
    assertThat(beforeRestart).as("the restart happened mid-stream").isLessThan(acknowledged.size());
    int duplicates = listener.invocations() - expected.size();
    // At-least-once: an event handled just before the restart whose ack the old server never stored comes again.
    assertThat(duplicates).as("redelivered duplicates").isBetween(0, 16);
    SubjectMetrics m = listening.metrics().forSubject(TICKET_CREATED);
    // a redelivered copy of an event this listener had already acked is acked by the runtime without reaching the
    // handler: it counts as received, not as an invocation
    assertThat(m.received()).isGreaterThanOrEqualTo(listener.invocations());
    assertThat(m.invalid() + m.deadLettered() + m.handlerFailed()).isZero();
    System.out.printf("[%s] broker restart after %d of %d handled: %d duplicate deliveries afterwards%n",
        backend.name(), beforeRestart, acknowledged.size(), duplicates);
  }

  // ============================================================================================ 8. graceful close

  /** close() makes the server forget the client at once; a new client on the same durable resumes after it. */
  @Test
  void gracefulCloseMakesTheServerForgetTheClientAndANewClientResumesTheDurable() throws Exception {
    EventClient publishing = client("tickets");
    TicketCreatedPublisher publisher = new TicketCreatedPublisher(publishing);
    EventClient first = client("orders");
    Transport firstTransport = transports.get(first);
    TicketCreatedRecorder firstListener = new TicketCreatedRecorder(first, "orders-service", ACK_WAIT, 32,
        TicketCreatedRecorder.ACK);
    firstListener.listen();
    publishAll(publisher, ids("first-", 5));
    await("the first 5", () -> firstListener.invocations() >= 5, firstListener::invocations);
    Waits.sleep(Duration.ofMillis(200)); // the last ack reaches the server
    assertThat(backend.serverKnows(firstTransport)).as("registered while running").isTrue();

    long start = System.nanoTime();
    first.close();
    await("the server forgetting the closed client", () -> !backend.serverKnows(firstTransport));
    Duration forgotten = Duration.ofNanos(System.nanoTime() - start);
    EventException closed = catchThrowableOfType(EventException.class,
        () -> new TicketCreatedPublisher(first).publish(TicketingSamples.ticketCreated()));
    assertThat(closed.kind()).isEqualTo(EventException.Kind.CLOSED);

    List<String> whileAway = ids("second-", 10);
    publishAll(publisher, whileAway);
    EventClient second = client("orders");
    TicketCreatedRecorder secondListener = new TicketCreatedRecorder(second, "orders-service", ACK_WAIT, 32,
        TicketCreatedRecorder.ACK);
    secondListener.listen();
    await("the 10 published while no member ran", () -> secondListener.invocations() >= 10,
        secondListener::invocations);
    Waits.sleep(SETTLE);

    assertThat(forgotten).as("time until the server forgot the client").isLessThan(Duration.ofSeconds(2));
    assertThat(firstListener.ids()).containsExactlyElementsOf(ids("first-", 5));
    assertThat(secondListener.ids()).containsExactlyInAnyOrderElementsOf(whileAway);
    assertThat(second.metrics().forSubject(TICKET_CREATED)).isEqualTo(
        counts(TICKET_CREATED).received(10).acked(10).build());
  }

  // ============================================================================================ helpers

  /** A client for one service over a new transport; closed after the test. */
  EventClient client(String service) {
    return client(service, ClientOptions.builder());
  }

  EventClient client(String service, ClientOptions.Builder options) {
    Transport transport = backend.connect(service);
    EventClient client = EventClient.create(transport, options.closeOnShutdown(false).build());
    clients.add(client);
    transports.put(client, transport);
    return client;
  }

  /**
   * The catalogue as this backend can carry it. Brokers whose {@code max_payload} cannot hold the 1 MiB + 1 KiB
   * oversized case (a real nats-streaming-server's embedded NATS keeps the 1 MiB default) get a 1,000,000-byte
   * payload instead, and the receiving client a 512 KiB limit, so the runtime's own size check still refuses it.
   */
  private List<InvalidPayload> invalidInboundCases(ClientOptions.Builder options) {
    int headroom = 64 * 1024; // protocol envelopes (NATS Streaming's protobuf) on top of the payload
    if (backend.maxPayloadBytes() >= TicketingSamples.OVERSIZED_PAYLOAD_BYTES + headroom) {
      return TicketingSamples.invalidPayloads();
    }
    options.maxPayloadBytes(512 * 1024);
    return TicketingSamples.invalidPayloads().stream()
        .map(c -> c.name().equals("oversized-payload") ? TicketingSamples.oversized(c.subject(), 1_000_000) : c)
        .toList();
  }

  private void publishValidRaw(String subject, String id, List<String> ticketIds, List<String> orderIds) {
    if (subject.equals(TICKET_CREATED)) {
      backend.publishRaw(subject, TicketingSamples.json(subject, TicketingSamples.ticketCreated(id)));
      ticketIds.add(id);
    } else {
      OrderCreatedEvent order = TicketingSamples.orderCreated();
      order.setId(id);
      backend.publishRaw(subject, TicketingSamples.json(subject, order));
      orderIds.add(id);
    }
  }

  private static boolean isEnvelopeOf(JsonNode envelope, InvalidPayload original) {
    byte[] kept = Base64.getDecoder().decode(envelope.path("payloadBase64").asString(""));
    byte[] payload = original.payload();
    return envelope.path("payloadSize").asInt(-1) == payload.length
        && Arrays.equals(kept, Arrays.copyOf(payload, Math.min(payload.length, kept.length)));
  }

  private static void assertDeadLetter(JsonNode envelope, InvalidPayload original, String subject) {
    String name = original.name();
    assertThat(envelope.path("formatVersion").asInt()).as(name).isEqualTo(1);
    assertThat(envelope.path("subject").asString()).as(name).isEqualTo(subject);
    assertThat(envelope.path("reason").asString()).as("reason of %s", name).isEqualTo(original.expectedKind().name());
    assertThat(envelope.path("deliveryCount").asLong()).as(name).isEqualTo(1);
    assertThat(envelope.path("sequence").asLong()).as(name).isPositive();
    assertThat(envelope.path("queueGroup").asString()).as(name).isNotBlank();
    assertThat(envelope.path("contractId").asString()).as(name).endsWith(".json");
    List<ExpectedViolation> violations = new ArrayList<>();
    for (JsonNode v : envelope.path("violations")) {
      violations.add(ExpectedViolation.at(v.path("pointer").asString(), v.path("keyword").asString()));
      assertThat(v.path("message").asString()).as("violation message of %s", name).isNotBlank();
    }
    assertThat(violations).as("violations of %s", name).containsExactlyElementsOf(original.expectedViolations());
    assertThat(envelope.path("error").asString()).as("error text of %s", name).isNotBlank();
    boolean truncated = original.size() > ClientOptions.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT;
    assertThat(envelope.path("payloadTruncated").asBoolean()).as("payloadTruncated of %s", name)
        .isEqualTo(truncated);
    if (!truncated) {
      assertThat(envelope.path("payloadText").asString()).as(name).isEqualTo(original.text());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "...";
  }

  /** Publishes through the generic publisher (the catalogue spans several event types). */
  private static <T> CompletableFuture<PublishAck> publish(EventClient client, InvalidEvent<T> invalid) {
    return new Publisher<>(client, invalid.type()).publish(invalid.event());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static CompletableFuture<PublishAck> publishAny(EventClient client, String subject, Object event) {
    io.eventcontracts.runtime.EventType type = TicketingSamples.validSamples().stream()
        .filter(s -> s.subject().equals(subject)).findFirst().orElseThrow().type();
    return client.publish(type, event);
  }

  private static Object sampleFor(String subject) {
    return TicketingSamples.validSamples().stream().filter(s -> s.subject().equals(subject)).findFirst()
        .orElseThrow().event();
  }

  static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  static void publishAll(TicketCreatedPublisher publisher, List<String> ids) throws Exception {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>(ids.size());
    for (String id : ids) {
      acks.add(publisher.publish(TicketingSamples.ticketCreated(id)));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(Waits.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Publishes once the client's transport is connected again; fast-failing NOT_CONNECTED publishes are retried. */
  private static void publishWhenReconnected(EventClient client, TicketCreatedEvent event) throws Exception {
    long deadline = System.nanoTime() + Waits.TIMEOUT.toNanos();
    while (true) {
      try {
        new TicketCreatedPublisher(client).publish(event).get(Waits.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        boolean retryable = e.getCause() instanceof EventException ee
            && (ee.kind() == EventException.Kind.NOT_CONNECTED || ee.kind() == EventException.Kind.PUBLISH_TIMEOUT);
        if (!retryable || System.nanoTime() > deadline) {
          throw e;
        }
        Waits.sleep(Duration.ofMillis(100));
      }
    }
  }

  static Counts counts(String subject) {
    return new Counts(subject);
  }

  /** Expected {@link SubjectMetrics}, zero unless set: {@code counts(s).received(3).acked(1).build()}. */
  static final class Counts {
    private final String subject;
    private long published;
    private long received;
    private long acked;
    private long redelivered;
    private long deadLettered;
    private long invalid;
    private long handlerFailed;

    Counts(String subject) {
      this.subject = subject;
    }

    Counts published(long n) {
      published = n;
      return this;
    }

    Counts received(long n) {
      received = n;
      return this;
    }

    Counts acked(long n) {
      acked = n;
      return this;
    }

    Counts redelivered(long n) {
      redelivered = n;
      return this;
    }

    Counts deadLettered(long n) {
      deadLettered = n;
      return this;
    }

    Counts invalid(long n) {
      invalid = n;
      return this;
    }

    Counts handlerFailed(long n) {
      handlerFailed = n;
      return this;
    }

    SubjectMetrics build() {
      return new SubjectMetrics(subject, published, received, acked, redelivered, deadLettered, invalid,
          handlerFailed);
    }
  }

  /** What one typed listener received: events and their contexts, in order. */
  static final class Received<T> {
    private final List<T> events = new CopyOnWriteArrayList<>();
    private final List<MessageContext> contexts = new CopyOnWriteArrayList<>();

    void add(T event, MessageContext context) {
      events.add(event);
      contexts.add(context);
    }

    int size() {
      return events.size();
    }

    List<T> events() {
      return List.copyOf(events);
    }

    List<MessageContext> contexts() {
      return List.copyOf(contexts);
    }
  }
}
