package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A transport without a network: publish completes at once, subscribe hands out the runtime's inbound handler so a
 * benchmark can drive the receive path directly. Measures the runtime's own CPU cost per message.
 */
final class StubTransport implements Transport {

  private static final CompletableFuture<PublishAck> ACK =
      CompletableFuture.completedFuture(new PublishAck(BenchSupport.SUBJECT, "STUB", 1, false));

  /** Last message "sent"; a plain field so the message is not optimised away. */
  OutboundMessage last;
  InboundHandler handler;

  @Override
  public String name() {
    return "stub";
  }

  @Override
  public CompletableFuture<PublishAck> publish(OutboundMessage message) {
    last = message;
    return ACK;
  }

  @Override
  public TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
    this.handler = handler;
    return new TransportSubscription() {
      @Override
      public void close() {}

      @Override
      public void unsubscribe() {}
    };
  }

  @Override
  public void close() {}

  /** One delivery as the JetStream transport presents it: payload, flattened headers, first delivery. */
  static final class Delivery implements InboundMessage {
    private final String subject;
    private final byte[] payload;
    private final Map<String, String> headers;
    long acks;

    /** A delivery on {@link BenchSupport#SUBJECT}. */
    Delivery(byte[] payload, Map<String, String> headers) {
      this(BenchSupport.SUBJECT, payload, headers);
    }

    Delivery(String subject, byte[] payload, Map<String, String> headers) {
      this.subject = subject;
      this.payload = payload;
      this.headers = headers;
    }

    @Override
    public String subject() {
      return subject;
    }

    @Override
    public byte[] payload() {
      return payload;
    }

    @Override
    public Map<String, String> headers() {
      return headers;
    }

    @Override
    public long sequence() {
      return 1;
    }

    @Override
    public long deliveryCount() {
      return 1;
    }

    @Override
    public void ack() {
      acks++;
    }
  }
}
