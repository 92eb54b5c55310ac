package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ticket:created} as JSON vs as protobuf through the runtime, no network: {@code publish} is a typed publish
 * (event → JSON tree → validation → bytes, for protobuf plus {@code JsonFormat.parser} → binary) over a transport
 * that completes at once; {@code receive} is one delivery through the inbound path into a typed listener (for
 * protobuf: binary → message → {@code JsonFormat.printer} → tree → validation → bind). Setup prints the encoded
 * sizes. Both formats are validated against the same JSON Schema.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PayloadFormatBenchmark {

  @Param({"JSON", "PROTOBUF"})
  public String format;

  private EventClient client;
  private StubTransport transport;
  private TicketCreatedPublisher publisher;
  private TicketCreatedEvent event;
  private StubTransport.Delivery delivery;
  private TicketCreatedEvent received;

  @Setup
  public void setUp() {
    ContractRegistry registry = BenchSupport.registry();
    PayloadFormat payloadFormat = PayloadFormat.valueOf(format);
    transport = new StubTransport();
    client = EventClient.create(transport, ClientOptions.builder().contracts(registry).closeOnShutdown(false)
        .payloadFormat(BenchSupport.SUBJECT, payloadFormat).build());
    publisher = new TicketCreatedPublisher(client);
    event = BenchSupport.ticket();
    publisher.publish(event).join();
    byte[] payload = transport.last.payload();
    System.out.println("# ticket:created encoded as " + format + ": " + payload.length + " bytes");
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
    Map<String, String> headers = new LinkedHashMap<>(transport.last.headers());
    headers.put("Nats-Msg-Id", "bench");
    delivery = new StubTransport.Delivery(payload, java.util.Collections.unmodifiableMap(headers));
    transport.handler.onMessage(delivery);
    if (!event.equals(received) || delivery.acks != 1) {
      throw new IllegalStateException(format + " receive path did not deliver and ack the event: " + received);
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public Object publish() {
    return publisher.publish(event);
  }

  @Benchmark
  public Object receive() {
    transport.handler.onMessage(delivery);
    return received;
  }
}
