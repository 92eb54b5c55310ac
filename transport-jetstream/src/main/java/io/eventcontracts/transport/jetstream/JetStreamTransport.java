package io.eventcontracts.transport.jetstream;

import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.transport.jetstream.internal.JetStreamTransportImpl;
import io.nats.client.Connection;

/**
 * The main broker binding: {@link Transport} over NATS JetStream.
 *
 * <p>Events are stored in one stream ({@link JetStreamOptions#streamName()}, default {@code EVENTCONTRACTS}),
 * dead letters in another ({@code EVENTCONTRACTS_DEADLETTER}, subjects {@code deadletter.>}). Publishes wait for the
 * server's ack and are de-duplicated by message id. Each listener is a durable pull consumer named after its
 * durable name (or queue group) and subject, so every member of a queue group shares the same consumer and each
 * message is processed by one member.
 *
 * <pre>{@code
 * try (JetStreamTransport transport = JetStreamTransport.connect(JetStreamOptions.builder()
 *     .servers("nats://nats-srv:4222")
 *     .serviceName("orders")
 *     .subjects(List.of("ticket:created", "ticket:updated"))
 *     .build())) {
 *   EventClient client = EventClient.create(transport, ClientOptions.defaults());
 *   ...
 * }
 * }</pre>
 */
public interface JetStreamTransport extends Transport {

  /**
   * Connects, checks (or creates, see {@link JetStreamOptions#createStreams()}) the event and dead-letter streams
   * and returns a ready transport.
   *
   * @throws RuntimeException of kind {@code NOT_CONNECTED} when no server can be reached, {@code STREAM_MISSING}
   *     when a stream is missing and may not be created
   */
  static JetStreamTransport connect(JetStreamOptions options) {
    return JetStreamTransportImpl.connect(options);
  }

  /** The options this transport was created with. */
  JetStreamOptions options();

  /** The name this client announced to the server: {@code <serviceName>-<random hex>} unless configured. */
  String connectionName();

  /** True while the connection is up (false while reconnecting and after close). */
  boolean isConnected();

  /**
   * Makes the event stream cover {@code subject} (done automatically on the first publish or subscribe of a
   * subject). Fails with {@code STREAM_MISSING} when the stream lacks it and streams may not be changed.
   */
  void ensureSubject(String subject);

  /** The underlying jnats connection, for operations this API does not cover. Do not close it directly. */
  Connection connection();
}
