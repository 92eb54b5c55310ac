package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.runtime.testevents.TicketCreatedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arbitrary bytes and headers into the runtime's inbound path (the code between a transport's delivery and the
 * handler). For every input: nothing is thrown out of the runtime, the handler never sees an event whose bytes are
 * not strict UTF-8 JSON that validates against the contract, and the delivery ends either handled and acked, or
 * dead-lettered and acked (the dead-letter publish always succeeds here, so nothing is left for redelivery).
 *
 * <p>In the normal build (`mvn test`) Jazzer runs only the seed inputs in
 * {@code src/test/resources/io/eventcontracts/runtime/ReceivePathFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * for {@code maxDuration} (docs/testing.md).
 */
class ReceivePathFuzzTest {

  static final String SUBJECT = "ticket:created";
  static final String[] HEADER_NAMES = {"Ec-Contract-Id", "Ec-Contract-Version", "Content-Type", "Nats-Msg-Id", "X"};

  /** One client for the whole run: creating one per input would spend the fuzzing time on loading contracts. */
  static final FuzzTransport TRANSPORT = new FuzzTransport();
  static final EventClient CLIENT = EventClient.create(TRANSPORT, ClientOptions.builder()
      .contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(false).build());
  static final AtomicLong HANDLED = new AtomicLong();
  static final AtomicLong SEQUENCE = new AtomicLong();

  static {
    CLIENT.subscribe(TicketCreatedEvent.TYPE, ListenOptions.builder("fuzz").maxDeliver(3).build(), (event, ctx) -> {
      HANDLED.incrementAndGet();
      ctx.ack();
    });
  }

  @FuzzTest(maxDuration = "60s")
  void anyDeliveryEndsAckedHandledOrDeadLettered(FuzzedDataProvider data) {
    Map<String, String> headers = new HashMap<>();
    int headerCount = data.consumeInt(0, 3);
    for (int i = 0; i < headerCount; i++) {
      headers.put(data.pickValue(HEADER_NAMES), data.consumeString(200));
    }
    long deliveryCount = data.consumeLong(1, 6);
    byte[] payload = data.consumeRemainingAsBytes();
    FuzzMessage message = new FuzzMessage(payload, headers, SEQUENCE.incrementAndGet(), deliveryCount);
    long handledBefore = HANDLED.get();
    long deadBefore = TRANSPORT.deadLetterCount;

    TRANSPORT.handler.onMessage(message); // must not throw

    boolean handled = HANDLED.get() > handledBefore;
    boolean deadLettered = TRANSPORT.deadLetterCount > deadBefore;
    assertThat(message.acks).as("acked exactly once").isEqualTo(1);
    assertThat(handled ^ deadLettered).as("handled xor dead-lettered").isTrue();
    if (handled) {
      assertThat(strictUtf8WithoutBom(payload)).as("handled payload is strict UTF-8").isTrue();
      assertThat(deliveryCount).isLessThanOrEqualTo(3);
      assertThat(CLIENT.contracts().validate(TicketCreatedEvent.TYPE.contractId(),
          CLIENT.codec().readTree(SUBJECT, payload))).as("handled payload validates").isEmpty();
    }
    if (deadLettered) {
      assertThat(TRANSPORT.lastDeadLetter.payload().length)
          .as("dead letter fits the server's 1 MiB max_payload").isLessThan(1024 * 1024);
    }
  }

  /** An oracle independent of the runtime's decoder: the JDK's strict UTF-8 decoder, and no byte order mark. */
  static boolean strictUtf8WithoutBom(byte[] payload) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
      return !text.startsWith("\uFEFF") && text.indexOf('\u0000') < 0;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static final class FuzzMessage implements InboundMessage {
    final byte[] payload;
    final Map<String, String> headers;
    final long sequence;
    final long deliveryCount;
    int acks;

    FuzzMessage(byte[] payload, Map<String, String> headers, long sequence, long deliveryCount) {
      this.payload = payload;
      this.headers = headers;
      this.sequence = sequence;
      this.deliveryCount = deliveryCount;
    }

    @Override public String subject() { return SUBJECT; }
    @Override public byte[] payload() { return payload; }
    @Override public Map<String, String> headers() { return headers; }
    @Override public long sequence() { return sequence; }
    @Override public long deliveryCount() { return deliveryCount; }
    @Override public void ack() { acks++; }
  }

  /** Captures the handler; every dead-letter publish succeeds at once. */
  static final class FuzzTransport implements Transport {
    volatile InboundHandler handler;
    long deadLetterCount;
    OutboundMessage lastDeadLetter;

    @Override
    public String name() {
      return "fuzz";
    }

    @Override
    public CompletableFuture<PublishAck> publish(OutboundMessage message) {
      deadLetterCount++;
      lastDeadLetter = message;
      return CompletableFuture.completedFuture(new PublishAck(message.subject(), "fuzz", deadLetterCount, false));
    }

    @Override
    public TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
      this.handler = handler;
      return new TransportSubscription() {
        @Override public void close() {}
        @Override public void unsubscribe() {}
      };
    }

    @Override
    public void close() {}
  }
}
