package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Violation;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * CPU cost of contract checking for one {@code ticket:created} payload, single-threaded, no network.
 *
 * <ul>
 *   <li>{@code validate}: bytes → tree → schema validation (the check itself; target ≥ 300,000/s on one core);
 *   <li>{@code validateTreeOnly}, {@code parseOnly}: its two halves; {@code validateTreeNetworkntOnly}: the
 *       validation without the runtime's "certainly valid" fast path (networknt and the number rule);
 *   <li>{@code serializeValidate}: event → bytes → tree → validation, the CPU part of a typed publish;
 *   <li>{@code publishNoNetwork}: {@code TicketCreatedPublisher.publish} through {@code EventClient} over a transport
 *       that completes at once (adds contract lookup, headers, message id, future, metrics);
 *   <li>{@code parseValidateBind}: bytes → tree → validation → {@code TicketCreatedEvent}, the CPU part of receive
 *       (target ≥ 1,000,000/s on one core); {@code bindOnly}: its last step;
 *   <li>{@code receiveNoNetwork}: one delivery through the runtime's inbound path into a
 *       {@code TicketCreatedListener} that acks (adds header check, context, metrics, dispatch);
 *   <li>{@code jacksonWrite}, {@code jacksonRead}: plain Jackson without contracts, what a hand-written service pays.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationBenchmark {

  private ContractRegistry registry;
  private EventCodec codec;
  private String contractId;
  private TicketCreatedEvent event;
  private byte[] payload;
  private JsonNode tree;
  private io.eventcontracts.runtime.internal.BundledSchemas networkntOnly;

  private EventClient client;
  private StubTransport transport;
  private TicketCreatedPublisher publisher;
  private StubTransport.Delivery delivery;
  private TicketCreatedEvent received;

  @Setup
  public void setUp() {
    registry = BenchSupport.registry();
    codec = EventCodec.create();
    contractId = BenchSupport.CONTRACT_ID;
    event = BenchSupport.ticket();
    payload = BenchSupport.ticketBytes(codec);
    tree = codec.readTree(BenchSupport.SUBJECT, payload);
    if (!registry.validate(contractId, tree).isEmpty()) {
      throw new IllegalStateException("sample event is invalid: " + registry.validate(contractId, tree));
    }

    Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
    for (ContractRegistry.Contract c : registry.contracts()) {
      bytes.put(c.id(), registry.schemaBytes(c.id()).orElseThrow());
    }
    networkntOnly = new io.eventcontracts.runtime.internal.BundledSchemas(bytes.keySet(), bytes);
    if (!networkntOnly.hasFastPath(contractId) || !networkntOnly.fastAccepts(contractId, tree)) {
      throw new IllegalStateException("ticket:created does not take the fast path");
    }

    transport = new StubTransport();
    client = EventClient.create(transport, BenchSupport.clientOptions(registry));
    publisher = new TicketCreatedPublisher(client);
    publisher.publish(event).join();
    if (!java.util.Arrays.equals(transport.last.payload(), payload)) {
      throw new IllegalStateException("typed publish bytes differ from codec.write bytes");
    }
    new TicketCreatedListener(client) {
      @Override
      protected String queueGroupName() {
        return "bench";
      }

      @Override
      public void onMessage(TicketCreatedEvent e, MessageContext context) {
        received = e;
        context.ack();
      }
    }.listen();
    // the headers exactly as the JetStream transport flattens a typed publish
    Map<String, String> headers = new java.util.LinkedHashMap<>(transport.last.headers());
    headers.put("Nats-Msg-Id", transport.last.messageId());
    delivery = new StubTransport.Delivery(payload, java.util.Collections.unmodifiableMap(headers));
    transport.handler.onMessage(delivery);
    if (!event.equals(received) || delivery.acks != 1) {
      throw new IllegalStateException("receive path did not deliver and ack the event: " + received);
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public List<Violation> validate() {
    return registry.validate(contractId, codec.readTree(BenchSupport.SUBJECT, payload));
  }

  @Benchmark
  public List<Violation> validateTreeOnly() {
    return registry.validate(contractId, tree);
  }

  /** The same validation without the fast path: what networknt (plus the number rule) costs alone. */
  @Benchmark
  public List<Violation> validateTreeNetworkntOnly() {
    return networkntOnly.validateWithoutFastPath(contractId, tree);
  }

  @Benchmark
  public JsonNode parseOnly() {
    return codec.readTree(BenchSupport.SUBJECT, payload);
  }

  @Benchmark
  public List<Violation> serializeValidate() {
    byte[] bytes = codec.write(BenchSupport.SUBJECT, event);
    return registry.validate(contractId, codec.readTree(BenchSupport.SUBJECT, bytes));
  }

  @Benchmark
  public CompletableFuture<PublishAck> publishNoNetwork() {
    return publisher.publish(event);
  }

  @Benchmark
  public TicketCreatedEvent parseValidateBind() {
    JsonNode parsed = codec.readTree(BenchSupport.SUBJECT, payload);
    List<Violation> violations = registry.validate(contractId, parsed);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(violations.toString());
    }
    return codec.read(BenchSupport.SUBJECT, parsed, TicketCreatedEvent.class);
  }

  /** Binding alone: the validated tree → {@code TicketCreatedEvent} (the third part of {@code parseValidateBind}). */
  @Benchmark
  public TicketCreatedEvent bindOnly() {
    return codec.read(BenchSupport.SUBJECT, tree, TicketCreatedEvent.class);
  }

  @Benchmark
  public TicketCreatedEvent receiveNoNetwork() {
    transport.handler.onMessage(delivery);
    return received;
  }

  @Benchmark
  public byte[] jacksonWrite() {
    return codec.mapper().writeValueAsBytes(event);
  }

  @Benchmark
  public TicketCreatedEvent jacksonRead() {
    return codec.mapper().readValue(payload, TicketCreatedEvent.class);
  }
}
