package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.util.Arrays;
import java.util.TreeSet;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publish throughput against a real nats-server (JetStream, file storage, started per fork): batches of
 * {@value #BATCH} asynchronous publishes of the same {@code ticket:created} bytes, then wait for every ack.
 *
 * <ul>
 *   <li>{@code rawPublishAsync}: {@code js.publishAsync(subject, bytes)} — jnats alone, no headers;
 *   <li>{@code rawPublishAsyncHeaders}: the same plus the very headers, message id ({@code Nats-Msg-Id}) and
 *       expected stream the typed path sends, to split wire/server cost from client CPU cost;
 *   <li>{@code typedPublish}: {@code TicketCreatedPublisher.publish(event)} over {@code EventClient} +
 *       {@code JetStreamTransport} (serialize, validate, send), waiting for all futures.
 * </ul>
 * The stream is purged before every iteration so its size does not drift.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PublishBenchmark {

  /** Publishes per invocation; every ack is awaited before the invocation ends. */
  public static final int BATCH = 1000;

  private NatsServerRunner server;
  private Connection raw;
  private JetStream js;
  private JetStreamManagement jsm;
  private EventClient client;
  private TicketCreatedPublisher publisher;
  private TicketCreatedEvent event;
  private byte[] payload;
  private long rawMessageIds;
  private long typedKeys;
  private final CompletableFuture<?>[] futures = new CompletableFuture<?>[BATCH];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = BenchSupport.startServer();
    JetStreamTransport transport = BenchSupport.connectTransport(server.url());
    client = EventClient.create(transport, BenchSupport.clientOptions(BenchSupport.registry()));
    publisher = new TicketCreatedPublisher(client);
    event = BenchSupport.ticket();
    payload = BenchSupport.ticketBytes(client.codec());
    raw = BenchSupport.connectRaw(server.url());
    js = raw.jetStream();
    jsm = raw.jetStreamManagement();
    verifySameWire();
  }

  /** The raw variants send exactly what the typed publisher sends: same payload bytes, same header names. */
  private void verifySameWire() throws Exception {
    long typedSeq = publisher.publish(event).get(10, TimeUnit.SECONDS).sequence();
    long rawSeq = rawPublishWithHeaders().get(10, TimeUnit.SECONDS).getSeqno();
    MessageInfo typed = jsm.getMessage(BenchSupport.STREAM, typedSeq);
    MessageInfo raw = jsm.getMessage(BenchSupport.STREAM, rawSeq);
    if (!Arrays.equals(typed.getData(), payload) || !Arrays.equals(raw.getData(), payload)) {
      throw new IllegalStateException("payloads differ: typed " + new String(typed.getData()) + " raw "
          + new String(raw.getData()));
    }
    if (!new TreeSet<>(typed.getHeaders().keySet()).equals(new TreeSet<>(raw.getHeaders().keySet()))) {
      throw new IllegalStateException("headers differ: typed " + typed.getHeaders().keySet() + " raw "
          + raw.getHeaders().keySet());
    }
  }

  @Setup(Level.Iteration)
  public void purge() throws Exception {
    jsm.purgeStream(BenchSupport.STREAM);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      client.close();
      raw.close();
    } finally {
      server.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawPublishAsync() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = js.publishAsync(BenchSupport.SUBJECT, payload);
    }
    BenchSupport.awaitAll(futures);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawPublishAsyncHeaders() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = rawPublishWithHeaders();
    }
    BenchSupport.awaitAll(futures);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void typedPublish() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = publisher.publish(event);
    }
    BenchSupport.awaitAll(futures);
  }

  /** Typed publish with a de-duplication key per message ({@code Nats-Msg-Id}): the opt-in, for its cost. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void typedPublishDeduplicated() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = client.publish(EventTypes.TICKET_CREATED, event, "k-" + (++typedKeys));
    }
    BenchSupport.awaitAll(futures);
  }

  /** Not a JMH benchmark (see CpuPerMessage): the typed path's message id and expected stream, no other header. */
  public void rawPublishAsyncMessageIdOnly() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = js.publishAsync(BenchSupport.SUBJECT, payload, PublishOptions.builder()
          .expectedStream(BenchSupport.STREAM).messageId("raw-" + (++rawMessageIds)).build());
    }
    BenchSupport.awaitAll(futures);
  }

  /** Not a JMH benchmark (see CpuPerMessage): the three runtime headers, no message id, no expected stream. */
  public void rawPublishAsyncHeadersNoMessageId() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = js.publishAsync(BenchSupport.SUBJECT, BenchSupport.typedHeaders(), payload);
    }
    BenchSupport.awaitAll(futures);
  }

  /**
   * Not a JMH benchmark (see CpuPerMessage): the given headers on every message, to price a header layout on the
   * server and the client (e.g. one compact {@code Ec-Contract} header against the three separate ones).
   */
  public void rawPublishAsyncWith(Headers headers) throws Exception {
    for (int i = 0; i < BATCH; i++) {
      futures[i] = js.publishAsync(NatsMessage.builder().subject(BenchSupport.SUBJECT).headers(headers)
          .data(payload).build());
    }
    BenchSupport.awaitAll(futures);
  }

  /** The typed publisher's headers (three runtime headers + expected stream, no message id), built per message. */
  private CompletableFuture<io.nats.client.api.PublishAck> rawPublishWithHeaders() {
    Headers headers = BenchSupport.typedHeaders();
    headers.put("Nats-Expected-Stream", BenchSupport.STREAM);
    NatsMessage message = NatsMessage.builder().subject(BenchSupport.SUBJECT).headers(headers).data(payload).build();
    return js.publishAsync(message);
  }
}
