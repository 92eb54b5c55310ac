package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.internal.DefaultEventClient;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What every benchmark shares: the event, the contracts, connections and the consumer settings. */
final class BenchSupport {

  static final String SUBJECT = EventTypes.TICKET_CREATED.subject();
  static final String CONTRACT_ID = EventTypes.TICKET_CREATED.contractId();
  static final String STREAM = JetStreamOptions.DEFAULT_STREAM;
  /** How long a batch of publishes or a consume run may take before the benchmark fails instead of hanging. */
  static final long BATCH_TIMEOUT_SECONDS = 60;

  private BenchSupport() {}

  /** A realistic ticket:created event (ids as the seed's MongoDB ids, a plain title, a fractional price). */
  static TicketCreatedEvent ticket() {
    return TicketCreatedEvent.builder()
        .withId("5f9d7b3a8c1e2d0017a4b6c1")
        .withVersion(0L)
        .withTitle("The Midnight Echoes - Spring Tour, Row 12 Seat 7")
        .withPrice(new java.math.BigDecimal("85.5"))
        .withUserId("5f9d7b3a8c1e2d0017a4b6aa")
        .build();
  }

  /** The exact bytes the typed publisher sends for {@link #ticket()}. */
  static byte[] ticketBytes(EventCodec codec) {
    return codec.write(SUBJECT, ticket());
  }

  /**
   * The contracts on the class path; fails fast when the ticketing index is missing (e.g. an uber jar in which
   * another jar's META-INF/eventcontracts/index.json shadowed the ticketing one).
   */
  static ContractRegistry registry() {
    ContractRegistry registry = ContractRegistry.fromClasspath();
    if (registry.forSubject(SUBJECT).isEmpty() || registry.forId(CONTRACT_ID).isEmpty()) {
      throw new IllegalStateException("contract " + CONTRACT_ID + " for " + SUBJECT + " is not on the class path ("
          + registry + "); in a shaded jar only one META-INF/eventcontracts/index.json survives");
    }
    return registry;
  }

  /**
   * Starts nats-server (JetStream, file store in a temp dir) and makes sure it also stops when the JVM exits
   * without reaching the benchmark's tear-down (NatsServerRunner registers no shutdown hook of its own).
   */
  static NatsServerRunner startServer() {
    NatsServerRunner server = NatsServerRunner.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-nats-server-stop"));
    return server;
  }

  static ClientOptions clientOptions(ContractRegistry registry) {
    return ClientOptions.builder().contracts(registry).closeOnShutdown(false).build();
  }

  static JetStreamTransport connectTransport(String url) {
    return JetStreamTransport.connect(JetStreamOptions.builder()
        .servers(url)
        .serviceName("bench-typed")
        .subjects(List.of(SUBJECT))
        .build());
  }

  /** A plain jnats connection with jnats' defaults, the way a hand-written service would connect. */
  static Connection connectRaw(String url) throws IOException, InterruptedException {
    return Nats.connect(new Options.Builder().server(url).connectionName("bench-raw").build());
  }

  /**
   * The headers the runtime puts on a typed JSON publish (DefaultEventClient: one {@code Ec-Contract} header, no
   * {@code Content-Type} for JSON); {@code Nats-Msg-Id} is added by jnats from {@code PublishOptions.messageId}.
   */
  static Headers typedHeaders() {
    Headers headers = new Headers();
    headers.put(DefaultEventClient.HEADER_CONTRACT, CONTRACT_ID + "@" + EventTypes.TICKET_CREATED.contractVersion());
    return headers;
  }

  /**
   * The server-side consumer the JetStream transport creates for a listener with {@link ListenOptions} defaults
   * (JetStreamTransportImpl.consumerFor): explicit ack, ack wait 5 s, max ack pending = maxInFlight, unlimited
   * deliveries, deliver all, one filter subject.
   */
  static ConsumerConfiguration consumerConfig(String durable, int maxInFlight) {
    return ConsumerConfiguration.builder()
        .durable(durable)
        .filterSubject(SUBJECT)
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(ListenOptions.DEFAULT_ACK_WAIT)
        .maxAckPending(maxInFlight)
        .maxDeliver(-1)
        .deliverPolicy(DeliverPolicy.All)
        .build();
  }

  /** The pull loop options the transport uses: jnats' default batch (500), expiry = pullExpiry (default 5 s). */
  static io.nats.client.ConsumeOptions consumeOptions(int maxInFlight) {
    // what the JetStream transport uses: jnats' default batch (500) and threshold, the transport's pull expiry
    return io.nats.client.ConsumeOptions.builder()
        .expiresIn(JetStreamOptions.DEFAULT_PULL_EXPIRY.toMillis())
        .build();
  }

  /** Waits for every future; fails the benchmark on an error or after {@link #BATCH_TIMEOUT_SECONDS}. */
  static void awaitAll(CompletableFuture<?>[] futures) throws Exception {
    CompletableFuture.allOf(futures).get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
