package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.testevents.TicketCreatedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented defaults and the validation of the option builders, and the kinds and messages of
 * {@link EventException} (what {@code docs/errors-runtime.md} promises users).
 */
class OptionsAndErrorsTest {

  static final String TICKET = "ticket:created";
  static final JsonMapper JSON = JsonMapper.builder().build();

  // --- ClientOptions ---------------------------------------------------------------------------------------------

  @Test
  void clientOptionsDefaultsAreTheDocumentedOnes() {
    ClientOptions defaults = ClientOptions.defaults();

    assertThat(defaults.maxPayloadBytes()).isEqualTo(1024 * 1024);
    assertThat(defaults.maxNestingDepth()).isEqualTo(64);
    assertThat(defaults.deadLetterPayloadLimit()).isEqualTo(256 * 1024);
    assertThat(defaults.errorListener()).isSameAs(ErrorListener.NONE);
    assertThat(defaults.closeOnShutdown()).isTrue();
    assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
    assertThat(defaults.contracts().forSubject(TICKET)).as("contracts from the class path").isPresent();
  }

  @Test
  void clientOptionsRefuseValuesOutOfRange() {
    ClientOptions.Builder builder = ClientOptions.builder();

    assertThatThrownBy(() -> builder.deadLetterPayloadLimit(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadLetterPayloadLimit must not be negative");
    assertThatThrownBy(() -> ClientOptions.builder().maxPayloadBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPayloadBytes and maxNestingDepth must be positive");
    assertThatThrownBy(() -> ClientOptions.builder().maxNestingDepth(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.errorListener(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.contracts(null)).isInstanceOf(NullPointerException.class);

    ClientOptions smallest = ClientOptions.builder().maxPayloadBytes(1).maxNestingDepth(1).deadLetterPayloadLimit(0)
        .build();
    assertThat(smallest.maxPayloadBytes()).isEqualTo(1);
    assertThat(smallest.maxNestingDepth()).isEqualTo(1);
    assertThat(smallest.deadLetterPayloadLimit()).isZero();
  }

  @Test
  void clientOptionsReachTheClient() {
    InMemoryTestTransport transport = new InMemoryTestTransport().deadLetterPrefix("dlq"); // the transport owns it
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    String payload = "{\"id\":\"t1\"}"; // invalid: required properties missing
    try (EventClient client = EventClient.create(transport, ClientOptions.builder()
        .contracts(EventClientPublishTest.CONTRACTS)
        .closeOnShutdown(false)
        .maxPayloadBytes(4096)
        .maxNestingDepth(8)
        .deadLetterPayloadLimit(payload.length())
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build())) {
      assertThat(client.codec().maxPayloadBytes()).isEqualTo(4096);
      assertThat(client.codec().maxNestingDepth()).isEqualTo(8);
      assertThat(client.contracts()).isSameAs(EventClientPublishTest.CONTRACTS);
      client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});

      transport.inject(TICKET, payload);
      transport.inject(TICKET, payload + " ");

      List<InMemoryTestTransport.Stored> dead = transport.stored("dlq." + TICKET);
      assertThat(dead).hasSize(2);
      JsonNode atLimit = JSON.readTree(dead.get(0).message().payload());
      assertThat(atLimit.get("timestamp").asString()).isEqualTo("2026-12-03T10:00:00Z");
      assertThat(atLimit.get("payloadTruncated").asBoolean()).as("exactly the limit is kept whole").isFalse();
      assertThat(atLimit.get("payloadText").asString()).isEqualTo(payload);
      JsonNode overLimit = JSON.readTree(dead.get(1).message().payload());
      assertThat(overLimit.get("payloadTruncated").asBoolean()).as("one byte over the limit is cut").isTrue();
      assertThat(overLimit.get("payloadSize").asInt()).isEqualTo(payload.length() + 1);
      assertThat(Base64.getDecoder().decode(overLimit.get("payloadBase64").asString()))
          .isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
      assertThat(dead.get(1).message().messageId()).isNotNull().isNotEqualTo(dead.get(0).message().messageId());
      assertThat(client.metrics().snapshot()).containsOnlyKeys(TICKET);
      assertThat(client.metrics().toString()).startsWith("[SubjectMetrics[subject=ticket:created, published=0");
    }
  }

  @Test
  void deadLettersGoUnderTheTransportsPrefixOrTheDefaultWhenItHasNone() {
    for (String owned : new String[] {"dlq", null}) {
      InMemoryTestTransport transport = new InMemoryTestTransport().deadLetterPrefix(owned);
      try (EventClient client = EventClient.create(transport, ClientOptions.builder()
          .contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(false).build())) {
        client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});
        transport.inject(TICKET, "{}");
        String expected = (owned == null ? Transport.DEFAULT_DEAD_LETTER_PREFIX : owned) + "." + TICKET;
        assertThat(transport.stored(expected)).as("dead letters on %s", expected).hasSize(1);
      }
    }
    assertThat(Transport.DEFAULT_DEAD_LETTER_PREFIX).isEqualTo("deadletter");
  }

  // --- ListenOptions ---------------------------------------------------------------------------------------------

  @Test
  void listenOptionsDefaultsAreTheSeedsSettings() {
    ListenOptions options = ListenOptions.of("orders-service");

    assertThat(options).isEqualTo(new ListenOptions("orders-service", "orders-service", Duration.ofSeconds(5), 64, 5,
        false, true));
    assertThat(ListenOptions.builder().queueGroup("g").build()).isEqualTo(ListenOptions.of("g"));
    assertThat(new ListenOptions("g", null, null, 1, 1, true, false))
        .isEqualTo(new ListenOptions("g", "g", ListenOptions.DEFAULT_ACK_WAIT, 1, 1, true, false));
    assertThat(ListenOptions.builder("g").durableName("d").ackWait(Duration.ofMillis(1)).build())
        .extracting(ListenOptions::durableName, ListenOptions::ackWait)
        .containsExactly("d", Duration.ofMillis(1));
  }

  @Test
  void listenOptionsRefuseValuesOutOfRange() {
    assertThatThrownBy(() -> ListenOptions.builder().build()).isInstanceOf(NullPointerException.class)
        .hasMessage("queueGroup");
    assertThatThrownBy(() -> ListenOptions.of(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueGroup must not be blank");
    assertThatThrownBy(() -> ListenOptions.builder("g").ackWait(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ackWait must be positive, was PT0S");
    assertThatThrownBy(() -> ListenOptions.builder("g").ackWait(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListenOptions.builder("g").maxInFlight(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be at least 1, was 0");
    assertThatThrownBy(() -> ListenOptions.builder("g").maxDeliver(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDeliver must be at least 1, was 0");
  }

  @Test
  void listenOptionsReachTheTransport() {
    List<SubscriptionRequest> requests = new ArrayList<>();
    InMemoryTestTransport broker = new InMemoryTestTransport();
    EventClientLifecycleTest.RecordingTransport transport = new EventClientLifecycleTest.RecordingTransport(broker) {
      @Override
      public io.eventcontracts.runtime.spi.TransportSubscription subscribe(SubscriptionRequest request,
          io.eventcontracts.runtime.spi.InboundHandler handler) {
        requests.add(request);
        return super.subscribe(request, handler);
      }
    };
    try (EventClient client = EventClient.create(transport,
        ClientOptions.builder().contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(false).build())) {
      client.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("g").durableName("d")
          .ackWait(Duration.ofSeconds(30)).maxInFlight(2).maxDeliver(3).deliverAllAvailable(false).build(),
          (e, c) -> {});
    }
    assertThat(requests).containsExactly(
        new SubscriptionRequest(TICKET, "g", "d", Duration.ofSeconds(30), 2, false, 3));
  }

  @Test
  void subscriptionRequestsAreCheckedToo() {
    assertThatThrownBy(() -> new SubscriptionRequest(TICKET, "g", "g", Duration.ofSeconds(1), 0, true, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be at least 1, was 0");
    assertThatThrownBy(() -> new SubscriptionRequest(TICKET, "g", "g", Duration.ofSeconds(1), 1, true, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDeliver must be at least 1, was 0");
    assertThat(new SubscriptionRequest(TICKET, "g", "g", Duration.ofSeconds(1), 1, true, 1).maxDeliver()).isOne();
  }

  @Test
  void listenerDefaultsAreTheDocumentedOnes() {
    Listener<TicketCreatedEvent> listener = new Listener<>(new NoClient(), TicketCreatedEvent.TYPE) {
      @Override
      protected String queueGroupName() {
        return "orders-service";
      }

      @Override
      public void onMessage(TicketCreatedEvent event, MessageContext context) {}
    };

    assertThat(listener.ackWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(listener.durableName()).isEqualTo("orders-service");
    assertThat(listener.maxInFlight()).isEqualTo(64);
    assertThat(listener.maxDeliver()).isEqualTo(5);
    assertThat(listener.autoAck()).isFalse();
    assertThat(listener.deliverAllAvailable()).isTrue();
    assertThat(listener.eventType()).isSameAs(TicketCreatedEvent.TYPE);
    listener.close(); // not listening: a no-op
    assertThat(new Publisher<>(new NoClient(), TicketCreatedEvent.TYPE).eventType()).isSameAs(TicketCreatedEvent.TYPE);
  }

  // --- value types -----------------------------------------------------------------------------------------------

  @Test
  void valueTypesCheckTheirArguments() {
    assertThatThrownBy(() -> EventType.of(" ", "id", 1, String.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject must not be blank");
    assertThatThrownBy(() -> EventType.of("s", null, 1, String.class)).isInstanceOf(NullPointerException.class);

    assertThat(new Violation(null, "m", null)).isEqualTo(new Violation("", "m", ""));
    assertThat(new Violation("", "payload is empty", "syntax")).hasToString("/: payload is empty [syntax]");
    assertThat(new Violation("/price", "must be >= 0", "minimum")).hasToString("/price: must be >= 0 [minimum]");

    Map<String, String> headers = new HashMap<>(Map.of("a", "1"));
    OutboundMessage message = new OutboundMessage(TICKET, new byte[0], headers, "id");
    headers.put("b", "2");
    assertThat(message.headers()).containsExactly(Map.entry("a", "1"));
    assertThat(new OutboundMessage(TICKET, new byte[0], null, null).headers()).isEmpty();
  }

  // --- EventException --------------------------------------------------------------------------------------------

  @Test
  void everyFactoryGivesItsKindAndAnActionableMessage() {
    String nl = System.lineSeparator();
    Violation price = new Violation("/price", "must be >= 0", "minimum");
    Violation title = new Violation("/title", "required property", "required");

    EventException one = EventException.invalidPayload(TICKET, "c.json", List.of(price));
    assertThat(one.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
    assertThat(one.subject()).isEqualTo(TICKET);
    assertThat(one).hasMessage("payload on 'ticket:created' violates contract c.json (1 violation)" + nl
        + "  /price: must be >= 0 [minimum]");
    assertThat(EventException.invalidPayload(TICKET, "c.json", List.of(price, title))).hasMessage(
        "payload on 'ticket:created' violates contract c.json (2 violations)" + nl + "  /price: must be >= 0 [minimum]"
            + nl + "  /title: required property [required]");

    EventException unparseable = EventException.unparseable(TICKET, new Violation("", "eof", "syntax"), null);
    assertThat(unparseable.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD);
    assertThat(unparseable.violations()).extracting(Violation::keyword).containsExactly("syntax");

    assertThat(EventException.unknownSubject("x")).hasMessage("no bundled contract for subject 'x'; add the jar"
        + " that carries its META-INF/eventcontracts/index.json to the class path");
    assertThat(EventException.schemaNotBundled("x", "u.json", null)).hasMessage("schema u.json is not bundled;"
        + " only contracts listed in META-INF/eventcontracts/index.json can be used");
    assertThat(EventException.schemaNotBundled(null, "u.json", "c.json")).hasMessage("schema u.json is not bundled"
        + " (referenced from contract c.json); only contracts listed in META-INF/eventcontracts/index.json can be used");
    EventException remote = EventException.remoteRefRefused("https://x/y.json", "c.json");
    assertThat(remote.kind()).isEqualTo(EventException.Kind.REMOTE_REF_REFUSED);
    assertThat(remote.subject()).isNull();
    assertThat(remote).hasMessageStartingWith("contract c.json refers to https://x/y.json, which is not a bundled");
    assertThat(EventException.contractInvalid(null, "broken", null)).hasMessage("contract index: broken");
    assertThat(EventException.contractInvalid("c.json", "broken", null)).hasMessage("contract c.json: broken");
    assertThat(EventException.contractMismatch("s", "a.json", "b.json")).hasMessage(
        "subject 's' is governed by contract a.json, but the message/event type names b.json");
    assertThat(EventException.closed("event client")).hasMessage("event client is closed")
        .extracting(EventException::kind).isEqualTo(EventException.Kind.CLOSED);
    IllegalStateException cause = new IllegalStateException("db down");
    EventException failed = EventException.handlerFailed("s", 5, cause);
    assertThat(failed).hasMessage("handler for 's' failed on delivery 5: java.lang.IllegalStateException: db down")
        .hasCause(cause);
    assertThat(failed.kind()).isEqualTo(EventException.Kind.HANDLER_FAILED);
    assertThat(EventException.transport(EventException.Kind.PUBLISH_TIMEOUT, "s", "no ack", null))
        .hasMessage("no ack").extracting(EventException::kind).isEqualTo(EventException.Kind.PUBLISH_TIMEOUT);
  }

  @Test
  void violationsAreCopiedAndNeverNull() {
    List<Violation> list = new ArrayList<>(List.of(new Violation("/a", "m", "k")));
    EventException e = new EventException(EventException.Kind.INVALID_PAYLOAD, "s", "bad", list, null);
    list.clear();
    assertThat(e.violations()).hasSize(1);
    assertThatThrownBy(() -> e.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(new EventException(EventException.Kind.CLOSED, null, "closed", null, null).violations()).isEmpty();
    assertThat(new EventException(EventException.Kind.CLOSED, null, "closed", List.of(), null)).hasMessage("closed");
    assertThatThrownBy(() -> new EventException(null, null, "x", null, null)).isInstanceOf(NullPointerException.class);
  }

  // --- EventCodec limits -----------------------------------------------------------------------------------------

  @Test
  void codecLimitsMustBePositiveAndAreInclusive() {
    assertThatThrownBy(() -> EventCodec.create(0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPayloadBytes must be at least 1, was 0");
    assertThatThrownBy(() -> EventCodec.create(1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxNestingDepth must be at least 1, was 0");
    EventCodec tiny = EventCodec.create(1, 1);
    assertThat(tiny.readTree("s", "7".getBytes(StandardCharsets.UTF_8)).asInt()).isEqualTo(7);

    EventCodec codec = EventCodec.create(7, 64);
    assertThat(codec.readTree("s", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).get("a").asInt()).isOne();
    assertThatThrownBy(() -> codec.readTree("s", "{\"a\":10}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EventException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("", "payload has 8 bytes, more than the limit of 7 bytes", "maxPayloadBytes")));
    assertThatThrownBy(() -> codec.readTree("s", new byte[0])).isInstanceOfSatisfying(EventException.class,
        e -> assertThat(e.violations()).containsExactly(new Violation("", "payload is empty", "syntax")));
  }

  @Test
  void aValueTheClassCannotHoldIsAnInvalidPayloadWithItsPointer() {
    EventCodec codec = EventCodec.create();
    JsonNode tree = codec.readTree(TICKET, "{\"id\":\"t1\",\"version\":\"seven\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> codec.read(TICKET, tree, TicketCreatedEvent.class))
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
          assertThat(e.getMessage()).startsWith("payload on 'ticket:created' does not bind to "
              + TicketCreatedEvent.class.getName());
          assertThat(e.violations()).extracting(Violation::pointer, Violation::keyword)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("/version", "bind"));
        });
    JsonNode list = codec.readTree("s", "[1,\"x\"]".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> codec.read("s", list, int[].class)).isInstanceOfSatisfying(EventException.class,
        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/1"));
  }

  /** A client for base-class tests that never talk to a broker. */
  static final class NoClient implements EventClient {
    public <T> java.util.concurrent.CompletableFuture<io.eventcontracts.runtime.PublishAck> publish(
        EventType<T> type, T event) {
      throw new UnsupportedOperationException();
    }

    public <T> Subscription subscribe(EventType<T> type, ListenOptions options, EventHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    public EventMetrics metrics() {
      throw new UnsupportedOperationException();
    }

    public ContractRegistry contracts() {
      throw new UnsupportedOperationException();
    }

    public EventCodec codec() {
      throw new UnsupportedOperationException();
    }

    public void close() {}
  }
}
