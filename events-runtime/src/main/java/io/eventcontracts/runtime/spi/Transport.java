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

  /** Default prefix of dead-letter subjects: dead letters of {@code ticket:created} go to {@code deadletter.ticket:created}. */
  String DEFAULT_DEAD_LETTER_PREFIX = "deadletter";

  /**
   * The prefix of dead-letter subjects ({@code <prefix>.<subject>}, without the trailing {@code .}). The transport
   * is its one owner (e.g. JetStream's dead-letter stream stores {@code <prefix>.>}): the client publishes dead
   * letters under it and has no setting of its own. Default {@value #DEFAULT_DEAD_LETTER_PREFIX}.
   */
  default String deadLetterPrefix() {
    return DEFAULT_DEAD_LETTER_PREFIX;
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
