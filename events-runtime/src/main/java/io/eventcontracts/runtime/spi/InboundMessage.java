package io.eventcontracts.runtime.spi;

import java.util.Map;

/** One delivery of a message, as the transport received it. */
public interface InboundMessage {

  String subject();

  /** The bytes exactly as received. */
  byte[] payload();

  /** Headers as received; empty where the transport has none (NATS Streaming) or the publisher sent none. */
  Map<String, String> headers();

  /** The server's sequence number of the message in its stream or channel. */
  long sequence();

  /** 1 on first delivery, 2 on the first redelivery, and so on. */
  long deliveryCount();

  /** Acknowledges the message: the server will not deliver it again to this durable. */
  void ack();
}
