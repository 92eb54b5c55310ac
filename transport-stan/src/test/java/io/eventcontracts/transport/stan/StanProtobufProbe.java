package io.eventcontracts.transport.stan;

import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link StanProtobufGencodeTest}: connects a {@link StanTransport} to the NATS Streaming
 * server (or test double) at {@code args[0]} with cluster id {@code args[1]}, exchanges three messages on a durable
 * queue subscription, closes, and prints {@code exchanged 3} on stdout. Exit status 1 when a message did not arrive.
 */
public final class StanProtobufProbe {

  public static void main(String[] args) throws Exception {
    int messages = 3;
    CountDownLatch received = new CountDownLatch(messages);
    try (StanTransport transport = StanTransport.connect(StanOptions.builder().server(args[0]).clusterId(args[1])
        .serviceName("protobuf-probe").connectWait(Duration.ofSeconds(5)).build())) {
      transport.subscribe(new SubscriptionRequest("probe:created", "probe", "probe", Duration.ofSeconds(5), 10,
          true, 1), m -> {
            m.ack();
            received.countDown();
          });
      for (int i = 0; i < messages; i++) {
        transport.publish(new OutboundMessage("probe:created",
            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), Map.of(), null)).get(5, TimeUnit.SECONDS);
      }
      if (!received.await(10, TimeUnit.SECONDS)) {
        System.out.println("received only " + (messages - received.getCount()));
        System.exit(1);
      }
    }
    System.out.println("exchanged " + messages);
  }

  private StanProtobufProbe() {}
}
