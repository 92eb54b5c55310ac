package io.eventcontracts.runtime;

import java.util.Map;

/** What a handler knows about the delivery it is processing, and how it acknowledges it. */
public interface MessageContext {

  /**
   * Acknowledges the message: it will not be delivered to this queue group again. Call it once processing is
   * durable (the seed's {@code msg.ack()}). Calling it again is harmless. With manual acks (the default), a message
   * that is not acked is redelivered after the ack wait.
   */
  void ack();

  /** Whether the message has been acknowledged. */
  boolean acked();

  /** The subject the message arrived on. */
  String subject();

  /** The server's sequence number of the message. */
  long sequence();

  /** 1 on first delivery, 2 on the first redelivery, and so on. */
  long deliveryCount();

  /** Whether this is a redelivery ({@code deliveryCount() > 1}). */
  boolean redelivered();

  /** The message headers as received (empty for NATS Streaming or header-less publishers). */
  Map<String, String> headers();

  /** The queue group the message was delivered to. */
  String queueGroup();
}
