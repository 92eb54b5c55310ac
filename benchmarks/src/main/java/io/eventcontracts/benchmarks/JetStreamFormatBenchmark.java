package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.util.List;
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
 * Typed publish and receive over a real nats-server (JetStream, file store, one per fork) in both payload formats,
 * against raw jnats sending and consuming the very same bytes, for {@code ticket:created} and {@code order:created},
 * in one run. Per format the typed client is configured with {@code payloadFormat(subject, format)}; the raw
 * variants use the bytes and headers the typed publisher stored (read back from the stream at setup), so the only
 * difference is the runtime's work (encode + validate on publish; decode + validate + bind on receive).
 *
 * <ul>
 *   <li>{@code typedPublish} / {@code rawPublish}: {@value #BATCH} asynchronous publishes, then every ack awaited;
 *       raw is {@code js.publishAsync} with the typed message's headers;</li>
 *   <li>{@code typedReceive} / {@code rawReceive}: {@value #BATCH} messages stored before the invocation (not timed)
 *       behind a closed gate; the timed part opens the gate and waits until all were handled and acked. Both use a
 *       durable pull consumer with the transport's settings (explicit ack, ack wait 5 s, max ack pending 64).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class JetStreamFormatBenchmark {

  /** Messages per invocation. */
  public static final int BATCH = 1000;

  private static final String STREAM = JetStreamOptions.DEFAULT_STREAM;

  /** One server, a typed client in the chosen format, a raw connection, and the typed message's bytes + headers. */
  @State(Scope.Benchmark)
  public static class Server {
    @Param({"ticket:created", "order:created"})
    public String subject;

    @Param({"JSON", "PROTOBUF"})
    public String format;

    NatsServerRunner server;
    EventClient client;
    Connection raw;
    JetStream js;
    JetStreamManagement jsm;
    EventType<Object> type;
    Object event;
    byte[] payload;
    Headers headers;
    final CompletableFuture<?>[] futures = new CompletableFuture<?>[BATCH];
    final GatedBatch batch = new GatedBatch(BATCH);

    @Setup(Level.Trial)
    public void start() throws Exception {
      server = NatsServerRunner.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-nats-server-stop"));
      JetStreamTransport transport = JetStreamTransport.connect(JetStreamOptions.builder().servers(server.url())
          .serviceName("bench-typed").subjects(List.of(subject)).build());
      client = EventClient.create(transport, ClientOptions.builder().contracts(ContractRegistry.fromClasspath())
          .closeOnShutdown(false).payloadFormat(subject, PayloadFormat.valueOf(format)).build());
      raw = Nats.connect(new Options.Builder().server(server.url()).connectionName("bench-raw").build());
      js = raw.jetStream();
      jsm = raw.jetStreamManagement();
      type = FormatEvents.type(subject);
      event = FormatEvents.event(subject);
      long seq = client.publish(type, event).get(10, TimeUnit.SECONDS).sequence();
      MessageInfo stored = jsm.getMessage(STREAM, seq);
      payload = stored.getData();
      headers = new Headers();
      for (String name : stored.getHeaders().keySet()) {
        headers.put(name, stored.getHeaders().get(name));
      }
      String contentType = headers.getFirst("Content-Type");
      if (!PayloadFormat.valueOf(format).contentType().equals(contentType)) {
        throw new IllegalStateException("typed publish sent Content-Type " + contentType + " for " + format);
      }
      jsm.purgeStream(STREAM); // consumers created later start from an empty stream
      System.out.println("# " + subject + " " + format + ": " + payload.length + " bytes, headers "
          + headers.keySet());
    }

    @Setup(Level.Iteration)
    public void purge() throws Exception {
      jsm.purgeStream(STREAM);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      batch.open();
      try {
        client.close();
        raw.close();
      } finally {
        server.close();
      }
    }

    /** Closes the gate and stores BATCH messages exactly as the typed publisher sent its one. */
    void preload() throws Exception {
      batch.close();
      for (int i = 0; i < BATCH; i++) {
        futures[i] = rawPublish();
      }
      CompletableFuture.allOf(futures).get(60, TimeUnit.SECONDS);
    }

    CompletableFuture<io.nats.client.api.PublishAck> rawPublish() {
      return js.publishAsync(NatsMessage.builder().subject(subject).headers(headers).data(payload).build());
    }

    ConsumerConfiguration consumer(String durable) {
      return ConsumerConfiguration.builder().durable(durable).filterSubject(subject).ackPolicy(AckPolicy.Explicit)
          .ackWait(ListenOptions.DEFAULT_ACK_WAIT).maxAckPending(ListenOptions.DEFAULT_MAX_IN_FLIGHT).maxDeliver(-1)
          .deliverPolicy(DeliverPolicy.All).build();
    }
  }

  /** Raw jnats consumer over the server's stream; its handler acks. */
  @State(Scope.Benchmark)
  public static class RawConsumer {
    MessageConsumer loop;

    @Setup(Level.Trial)
    public void start(Server s) throws Exception {
      ConsumerContext consumer = s.js.getStreamContext(STREAM).createOrUpdateConsumer(s.consumer("raw-bench"));
      loop = consumer.consume(io.nats.client.ConsumeOptions.builder()
          .expiresIn(JetStreamOptions.DEFAULT_PULL_EXPIRY.toMillis()).build(), message -> {
            s.batch.passGate();
            message.ack();
            s.batch.countOne();
          });
    }

    @Setup(Level.Invocation)
    public void load(Server s) throws Exception {
      s.preload();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      loop.stop();
      loop.close();
    }
  }

  /** A typed subscription of the server's client; the handler checks the event and acks. */
  @State(Scope.Benchmark)
  public static class TypedConsumer {
    Subscription subscription;

    @Setup(Level.Trial)
    public void start(Server s) {
      subscription = s.client.subscribe(s.type, ListenOptions.of("typed-bench"), (e, context) -> {
        s.batch.passGate();
        if (!s.event.equals(e)) {
          throw new IllegalStateException("received another event: " + e);
        }
        context.ack();
        s.batch.countOne();
      });
    }

    @Setup(Level.Invocation)
    public void load(Server s) throws Exception {
      s.preload();
    }

    @TearDown(Level.Trial)
    public void stop() {
      subscription.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void typedPublish(Server s) throws Exception {
    for (int i = 0; i < BATCH; i++) {
      s.futures[i] = s.client.publish(s.type, s.event);
    }
    CompletableFuture.allOf(s.futures).get(60, TimeUnit.SECONDS);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawPublish(Server s) throws Exception {
    for (int i = 0; i < BATCH; i++) {
      s.futures[i] = s.rawPublish();
    }
    CompletableFuture.allOf(s.futures).get(60, TimeUnit.SECONDS);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int typedReceive(Server s, TypedConsumer c) throws Exception {
    return s.batch.release();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int rawReceive(Server s, RawConsumer c) throws Exception {
    return s.batch.release();
  }
}
