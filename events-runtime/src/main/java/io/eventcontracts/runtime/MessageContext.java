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

  /**
   * Tells the server that this message is still being worked on, which restarts its ack wait (JetStream's working
   * indicator, {@code +WPI}). Call it from a handler that may run longer than the ack wait, before the wait runs out,
   * and as often as needed; otherwise the server redelivers the message while the handler still works on it. No-op
   * on NATS Streaming (no such signal: choose an ack wait longer than the slowest handler) and in test doubles.
   */
  default void inProgress() {}

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
