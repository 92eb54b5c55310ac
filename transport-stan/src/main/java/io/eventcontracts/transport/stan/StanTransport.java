package io.eventcontracts.transport.stan;

import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.transport.stan.internal.StanTransportImpl;

/**
 * {@link Transport} over NATS Streaming (STAN) with the official {@code io.nats:java-nats-streaming} client: the
 * legacy binding for services that still talk to a {@code nats-streaming-server}, such as the seed's
 * node-nats-streaming services. Shaped like {@code JetStreamTransport}: this interface is the API, the
 * implementation lives in {@code io.eventcontracts.transport.stan.internal}.
 *
 * <p>Wire compatibility: the STAN message data is the bare JSON of the event, byte for byte what a
 * node-nats-streaming publisher sends ({@code stan.publish(subject, JSON.stringify(data))}) and what its listeners
 * {@code JSON.parse}. STAN has no headers: {@link OutboundMessage#headers()} and the message id are dropped, and
 * {@link InboundMessage#headers()} is always empty; the runtime finds the contract by subject. STAN PubAcks carry
 * only the GUID, so {@link PublishAck#sequence()} is 0 and {@link PublishAck#stream()} is the cluster id.
 *
 * <p>Subscriptions map the seed's options one to one: queue group, {@code setDurableName}, {@code
 * setDeliverAllAvailable}, {@code setManualAckMode(true)}, {@code setAckWait}, {@code setMaxInFlight}.
 *
 * <p>Thread-safe. {@link #close()} sends the STAN CloseRequest so the server forgets the client id at once (the
 * seed's {@code process.on('SIGINT', () => stan.close())}).
 *
 * <pre>{@code
 * try (StanTransport transport = StanTransport.connect(StanOptions.builder()
 *     .clusterId("ticketing").server("nats://nats-srv:4222").serviceName("orders").build())) {
 *   EventClient client = EventClient.create(transport, ClientOptions.defaults());
 *   ...
 * }
 * }</pre>
 */
public interface StanTransport extends Transport {

  /**
   * Opens the NATS connection (unless {@link StanOptions#connection()} is given) and the STAN session.
   *
   * @throws io.eventcontracts.runtime.EventException kind {@code NOT_CONNECTED}, saying why: the server requires
   *     TLS or its certificate is not trusted, the TLS handshake failed, the credentials were refused, nobody
   *     listens at the address, no streaming server with the cluster id answered within the connect wait, or the
   *     server refused the client (e.g. client id already registered)
   */
  static StanTransport connect(StanOptions options) {
    return StanTransportImpl.connect(options);
  }

  /** The options this transport was created with. */
  StanOptions options();

  /** The client id this transport registered with the server. */
  String clientId();

  /** The cluster id of the streaming server this transport is connected to. */
  String clusterId();
}
