package io.eventcontracts.runtime.spi;

import java.util.Map;

/** One delivery of a message, as the transport received it. */
public interface InboundMessage {

  String subject();

  /** The bytes exactly as received. */
  byte[] payload();

  /** Headers as received; empty where the transport has none (NATS Streaming) or the publisher sent none. */
  Map<String, String> headers();

  /**
   * The first value of header {@code name} (names compared ignoring case), or {@code null}. Transports override it
   * to look one header up without building {@link #headers()}.
   */
  default String header(String name) {
    Map<String, String> all = headers();
    if (all == null) {
      return null;
    }
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (name.equalsIgnoreCase(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The server's sequence number of the message in its stream or channel. */
  long sequence();

  /** 1 on first delivery, 2 on the first redelivery, and so on. */
  long deliveryCount();

  /** Acknowledges the message: the server will not deliver it again to this durable. */
  void ack();

  /**
   * Tells the server the message is still being worked on, so it restarts the ack wait (JetStream's
   * {@code +WPI}). Transports without such a signal (NATS Streaming) do nothing.
   */
  default void inProgress() {}

  /**
   * How long ago the server (re)started this delivery's ack wait, as far as the client knows: since it arrived, or
   * since the last in-progress signal, in nanoseconds; 0 for transports that hand each delivery over as it arrives. The runtime uses it to
   * skip a copy whose ack wait has already run out (the server has sent it again) and to extend the deadline of one
   * that is close to it.
   */
  default long waitedNanos() {
    return 0;
  }
}
