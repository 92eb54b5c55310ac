package io.eventcontracts.runtime.spi;

import io.eventcontracts.runtime.PublishAck;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

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
   * Sends one message as {@link #publish(OutboundMessage)} does and runs {@code onOutcome} with its outcome (the
   * ack, or the failure, exactly one of them non-null) before the returned future completes, as
   * {@code publish(message).whenComplete(onOutcome)} would: an exception from {@code onOutcome} fails a publish that
   * succeeded and is ignored for one that failed. {@code EventClient} publishes through this method, so a transport
   * can run its bookkeeping in the one step that completes the publish instead of in a second future per message
   * (this default is that second future).
   *
   * @param message the message
   * @param onOutcome called once, on the thread that completes the publish (or at once if it fails early)
   * @return the future of the acknowledgement ({@code null} only from a transport whose {@code publish} returns
   *     null, which the client reports as a {@code TRANSPORT_ERROR} and then runs {@code onOutcome} itself)
   */
  default CompletableFuture<PublishAck> publish(OutboundMessage message,
      BiConsumer<? super PublishAck, ? super Throwable> onOutcome) {
    CompletableFuture<PublishAck> future = publish(message);
    return future == null ? null : future.whenComplete(onOutcome); // null: the caller reports the broken transport
  }

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
