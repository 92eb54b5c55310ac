package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.ticketing.proto.OrderCreated;
import io.eventcontracts.ticketing.proto.TicketCreated;
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
 * JSON vs protobuf payloads of {@code ticket:created} and {@code order:created}, no network, one run:
 *
 * <ul>
 *   <li>{@code encodeValidate}: a typed publish through the runtime (event → JSON tree → JSON Schema validation →
 *       bytes; for protobuf the validated tree goes through {@code JsonFormat.parser} to the binary form) over a
 *       transport that completes at once;</li>
 *   <li>{@code decodeValidate}: one delivery through the runtime's receive path into a typed handler (for protobuf:
 *       binary → message → {@code JsonFormat.printer} → tree; then validation and binding, as for JSON);</li>
 *   <li>{@code encodeOnly} / {@code decodeOnly}: the serialization libraries alone, no contract: Jackson with the
 *       runtime's mapper on the typed event, protobuf-java's {@code toByteArray}/{@code parseFrom} on the generated
 *       protobuf class (what hand-written code without validation would do).</li>
 * </ul>
 * Setup prints the encoded size of each payload ({@code # size ...}) and checks that the receive path delivers the
 * event it was given.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PayloadCodecBenchmark {

  @Param({"ticket:created", "order:created"})
  public String subject;

  @Param({"JSON", "PROTOBUF"})
  public String format;

  private EventClient client;
  private StubTransport transport;
  private EventType<Object> type;
  private Object event;
  private StubTransport.Delivery delivery;
  private Object received;
  private byte[] encoded;
  private com.google.protobuf.Message protobuf;
  private com.google.protobuf.Parser<? extends com.google.protobuf.Message> protobufParser;

  @Setup
  public void setUp() throws Exception {
    PayloadFormat payloadFormat = PayloadFormat.valueOf(format);
    transport = new StubTransport();
    client = EventClient.create(transport, ClientOptions.builder().contracts(ContractRegistry.fromClasspath())
        .closeOnShutdown(false).payloadFormat(subject, payloadFormat).build());
    type = FormatEvents.type(subject);
    event = FormatEvents.event(subject);
    client.publish(type, event).join();
    encoded = transport.last.payload();
    protobufParser = subject.equals("ticket:created") ? TicketCreated.parser() : OrderCreated.parser();
    protobuf = payloadFormat == PayloadFormat.PROTOBUF ? protobufParser.parseFrom(encoded) : null;
    System.out.println("# size " + subject + " " + format + ": " + encoded.length + " bytes");
    client.subscribe(type, ListenOptions.of("bench"), (e, context) -> {
      received = e;
      context.ack();
    });
    delivery = new StubTransport.Delivery(subject, encoded, Map.copyOf(transport.last.headers()));
    transport.handler.onMessage(delivery);
    if (!event.equals(received) || delivery.acks != 1) {
      throw new IllegalStateException(subject + " " + format + ": the receive path did not deliver and ack the "
          + "event: " + received);
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public Object encodeValidate() {
    return client.publish(type, event);
  }

  @Benchmark
  public Object decodeValidate() {
    transport.handler.onMessage(delivery);
    return received;
  }

  @Benchmark
  public Object encodeOnly() throws Exception {
    return format.equals("JSON") ? client.codec().mapper().writeValueAsBytes(event) : protobuf.toByteArray();
  }

  @Benchmark
  public Object decodeOnly() throws Exception {
    return format.equals("JSON") ? client.codec().mapper().readValue(encoded, type.javaType())
        : protobufParser.parseFrom(encoded);
  }
}
