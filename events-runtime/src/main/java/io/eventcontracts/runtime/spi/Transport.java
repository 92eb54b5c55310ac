package io.eventcontracts.runtime.spi;

import io.eventcontracts.runtime.PublishAck;
import java.util.concurrent.CompletableFuture;

/**
 * The small interface a message broker binding implements. It moves bytes only: serialization, validation,
 * dead-lettering and metrics live above it in {@code EventClient}, so every transport behaves the same.
 *
 * <p>Implementations: {@code JetStreamTransport} (main binding) and {@code StanTransport} (NATS Streaming, legacy).
 */
public interface Transport extends AutoCloseable {

  /** A short name for logs and errors, e.g. {@code jetstream} or {@code stan}. */
  String name();

  /**
   * The prefix of dead-letter subjects ({@code <prefix>.<subject>}, without the trailing {@code .}) when this
   * transport owns it (stores dead letters in a place of its own, e.g. a JetStream dead-letter stream); {@code null}
   * when any prefix will do. The client then uses this one, so the prefix is configured once.
   */
  default String deadLetterPrefix() {
    return null;
  }

  /**
   * Sends one message. The future completes when the server has acknowledged (persisted) it, and fails with an
   * {@code EventException} of kind {@code PUBLISH_TIMEOUT}, {@code NOT_CONNECTED} or {@code TRANSPORT_ERROR}.
   */
  CompletableFuture<PublishAck> publish(OutboundMessage message);

  /**
   * Starts delivering messages of {@code request.subject()} to {@code handler}. Messages the handler does not ack
   * are redelivered after {@code request.ackWait()}.
   */
  TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler);

  /**
   * Graceful close: stops subscriptions (durable state is kept on the server), flushes pending publishes and tells
   * the server the client is gone so that it forgets the client at once. Idempotent.
   */
  @Override
  void close();
}
