package io.eventcontracts.runtime;

import io.eventcontracts.runtime.internal.DefaultEventClient;
import io.eventcontracts.runtime.spi.Transport;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes and receives contract-checked events over a {@link Transport}.
 *
 * <p>Every event published is turned into a JSON tree, the tree is validated against its bundled contract, and
 * the bytes sent are written from that very tree (so they are exactly what was validated); an invalid event is
 * never sent. Every message received is size- and depth-checked, parsed, validated
 * and only then bound to its class and handed to the handler; invalid messages are dead-lettered to
 * {@code <deadLetterPrefix>.<subject>} and acked, so they never block a queue group.
 *
 * <pre>{@code
 * try (EventClient client = EventClient.create(transport, ClientOptions.defaults())) {
 *   new TicketCreatedPublisher(client).publish(event).join();
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface EventClient extends AutoCloseable {

  /**
   * Creates a client over a connected transport. The client owns the transport and closes it in {@link #close()}.
   *
   * @throws EventException when the contracts cannot be loaded ({@code CONTRACT_INVALID}, {@code REMOTE_REF_REFUSED},
   *     {@code SCHEMA_NOT_BUNDLED})
   */
  static EventClient create(Transport transport, ClientOptions options) {
    return new DefaultEventClient(transport, options);
  }

  /**
   * Validates and publishes one event.
   *
   * @return completes with the server's acknowledgement, or exceptionally with an {@link EventException} of kind
   *     {@code PUBLISH_TIMEOUT}, {@code NOT_CONNECTED}, {@code STREAM_MISSING} or {@code TRANSPORT_ERROR}
   * @throws EventException synchronously, with nothing sent: {@code INVALID_PAYLOAD} (every violation listed),
   *     {@code UNKNOWN_SUBJECT}, {@code SCHEMA_NOT_BUNDLED}, {@code CONTRACT_MISMATCH}, {@code CLOSED}
   */
  <T> CompletableFuture<PublishAck> publish(EventType<T> type, T event);

  /**
   * Validates and publishes one event with a de-duplication key. On JetStream the key is sent as
   * {@code Nats-Msg-Id}: within the stream's duplicate window (2 minutes by default) the server stores a message with
   * the same key only once and acks the copy with {@link PublishAck#duplicate()} {@code true}, so a publish retried
   * after a timeout cannot store the event twice. Derive the key from the event (e.g. ticket id + version), not from
   * the attempt. Without a key ({@link #publish(EventType, Object)}, the default) nothing is de-duplicated and the
   * server keeps no per-message record. NATS Streaming has no de-duplication and ignores the key.
   *
   * @param messageId the de-duplication key, or {@code null} for none
   */
  default <T> CompletableFuture<PublishAck> publish(EventType<T> type, T event, String messageId) {
    if (messageId == null) {
      return publish(type, event);
    }
    throw new UnsupportedOperationException(getClass().getName() + " does not support de-duplication keys");
  }

  /**
   * Starts delivering valid events of {@code type} to {@code handler}.
   *
   * @throws EventException {@code UNKNOWN_SUBJECT}, {@code SCHEMA_NOT_BUNDLED}, {@code CONTRACT_MISMATCH},
   *     {@code CLOSED}, or a transport kind when the subscription cannot be created
   */
  <T> Subscription subscribe(EventType<T> type, ListenOptions options, EventHandler<T> handler);

  /** Live counters, per subject. */
  EventMetrics metrics();

  /** The contracts this client validates against. */
  ContractRegistry contracts();

  /** The codec used for every payload (configured limits included). */
  EventCodec codec();

  /**
   * Graceful close: closes every subscription (durables stay on the server), then the transport. Idempotent. Also
   * removes the shutdown hook registered by {@link ClientOptions#closeOnShutdown()}.
   */
  @Override
  void close();
}
