package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.impl.NatsMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Receive throughput against a real nats-server, steady state. The consumer runs for the whole trial; before
 * every invocation (not timed) its handler is held at a gate and {@value #N} typed {@code ticket:created} messages
 * (payload and headers exactly as {@code TicketCreatedPublisher} sends them) are stored in the stream. The timed
 * part opens the gate and waits until all {@value #N} were handled and acked. Starting and stopping the
 * subscription is therefore not measured (a typed {@code listen()} costs several JetStream API round trips, see
 * docs/benchmarks.md), and the consumer's pull pipeline is full when the clock starts, for both variants alike.
 *
 * <p>Both variants use the same server-side consumer and pull settings, those the JetStream transport derives from
 * the listener defaults: durable pull consumer, one filter subject, {@code AckPolicy.Explicit}, ack wait 5 s,
 * {@code max_ack_pending = maxInFlight} (64), {@code max_deliver = -1}, deliver all; jnats {@code consume()} with
 * batch {@code min(maxInFlight, 64)} and expiry 5 s. The typed consumer's server configuration is checked against
 * the raw one at setup.
 *
 * <ul>
 *   <li>{@code rawConsume}: jnats {@code ConsumerContext.consume} whose handler calls {@code msg.ack()};
 *   <li>{@code typedListener}: a {@code TicketCreatedListener} (parse, validate, bind, {@code context.ack()}).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReceiveBenchmark {

  /** Messages received per invocation. */
  public static final int N = 5000;

  /** Server, raw connection for pre-loading, the gate and the completion latch. */
  abstract static class Base {
    NatsServerRunner server;
    Connection raw;
    JetStream js;
    JetStreamManagement jsm;
    byte[] payload;
    long messageIds;
    final GatedBatch batch = new GatedBatch(N);
    private final CompletableFuture<?>[] futures = new CompletableFuture<?>[N];

    void startServer() throws Exception {
      server = BenchSupport.startServer();
      raw = BenchSupport.connectRaw(server.url());
      js = raw.jetStream();
      jsm = raw.jetStreamManagement();
      payload = BenchSupport.ticketBytes(EventCodec.create());
    }

    /** Closes the gate, stores N messages exactly as the typed publisher would send them, resets the counter. */
    void preload() throws Exception {
      batch.close();
      for (int i = 0; i < N; i++) {
        NatsMessage message = NatsMessage.builder()
            .subject(BenchSupport.SUBJECT).headers(BenchSupport.typedHeaders()).data(payload).build();
        futures[i] = js.publishAsync(message, PublishOptions.builder()
            .expectedStream(BenchSupport.STREAM).messageId("pre-" + (++messageIds)).build());
      }
      BenchSupport.awaitAll(futures);
    }

    void stopServer() throws Exception {
      batch.open();
      try {
        raw.close();
      } finally {
        server.close();
      }
    }
  }

  /** jnats alone. */
  @State(Scope.Benchmark)
  public static class RawState extends Base {
    @Param({"64"})
    public int maxInFlight;

    MessageConsumer loop;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      startServer();
      // the transport creates the stream at connect; here the raw side gets exactly the same one
      try (JetStreamTransport ignored = BenchSupport.connectTransport(server.url())) {
        // stream EVENTCONTRACTS with subject ticket:created, as for the typed variant
      }
      ConsumerContext consumer = js.getStreamContext(BenchSupport.STREAM)
          .createOrUpdateConsumer(BenchSupport.consumerConfig("raw-bench", maxInFlight));
      // jnats' default consume options (batch 500, 30 s expiry, re-pull at 25 %), as hand-written code would use
      loop = consumer.consume(message -> {
        batch.passGate();
        message.ack();
        batch.countOne();
      });
    }

    @Setup(Level.Invocation)
    public void load() throws Exception {
      preload();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      try {
        loop.stop();
        loop.close();
      } finally {
        stopServer();
      }
    }
  }

  /** TicketCreatedListener over EventClient + JetStreamTransport. */
  @State(Scope.Benchmark)
  public static class TypedState extends Base {
    @Param({"64"})
    public int maxInFlight;

    /** Listener concurrency ({@code ListenOptions.concurrency}); 1 = in order, like the raw handler. */
    @Param({"1"})
    public int concurrency;

    EventClient client;
    TicketCreatedListener listener;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      startServer();
      client = EventClient.create(BenchSupport.connectTransport(server.url()),
          BenchSupport.clientOptions(BenchSupport.registry()));
      int inFlight = maxInFlight;
      int workers = concurrency;
      listener = new TicketCreatedListener(client) {
        @Override
        protected String queueGroupName() {
          return "typed-bench";
        }

        @Override
        protected int maxInFlight() {
          return inFlight;
        }

        @Override
        protected int concurrency() {
          return workers;
        }

        @Override
        public void onMessage(TicketCreatedEvent event, MessageContext context) {
          batch.passGate();
          context.ack();
          batch.countOne();
        }
      };
      listener.listen();
      // the server-side consumer must have the raw variant's settings
      String name = "typed-bench__" + BenchSupport.SUBJECT;
      ConsumerConfiguration actual = jsm.getConsumerInfo(BenchSupport.STREAM, name).getConsumerConfiguration();
      ConsumerConfiguration expected = BenchSupport.consumerConfig(name, maxInFlight);
      if (actual.getAckPolicy() != expected.getAckPolicy()
          || !actual.getAckWait().equals(expected.getAckWait())
          || actual.getMaxAckPending() != expected.getMaxAckPending()
          || actual.getMaxDeliver() != expected.getMaxDeliver()
          || actual.getDeliverPolicy() != expected.getDeliverPolicy()
          || !BenchSupport.SUBJECT.equals(actual.getFilterSubject())) {
        throw new IllegalStateException("typed consumer differs from the raw one: " + actual.toJson());
      }
    }

    @Setup(Level.Invocation)
    public void load() throws Exception {
      preload();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      batch.open();
      try {
        client.close();
      } finally {
        stopServer();
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int rawConsume(RawState s) throws Exception {
    return s.batch.release();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int typedListener(TypedState s) throws Exception {
    return s.batch.release();
  }
}
