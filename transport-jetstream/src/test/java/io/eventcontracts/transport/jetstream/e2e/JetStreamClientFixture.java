package io.eventcontracts.transport.jetstream.e2e;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every end-to-end test of this package shares: per test a real nats-server (JetStream, temp store), a
 * {@link JetStreamTransport} for {@code ticket:created} and an {@link EventClient} over it; closed after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final JetStreamClientFixture nats = JetStreamClientFixture.forService("faults").drainTimeout(Duration.ofSeconds(3));
 * }</pre>
 */
final class JetStreamClientFixture implements BeforeEachCallback, AfterEachCallback {

  /** The transport's default dead-letter stream. */
  static final String DEAD_LETTER_STREAM = JetStreamOptions.DEFAULT_DEAD_LETTER_STREAM;

  private final String serviceName;
  private Duration drainTimeout = Duration.ofSeconds(2);
  private Duration publishTimeout = JetStreamOptions.DEFAULT_PUBLISH_TIMEOUT;
  private NatsServerRunner server;
  private JetStreamTransport transport;
  private EventClient client;

  private JetStreamClientFixture(String serviceName) {
    this.serviceName = serviceName;
  }

  /** A fixture whose transport connects as {@code serviceName}. */
  static JetStreamClientFixture forService(String serviceName) {
    return new JetStreamClientFixture(serviceName);
  }

  /** The transport's drain timeout (default 2 s). */
  JetStreamClientFixture drainTimeout(Duration timeout) {
    this.drainTimeout = timeout;
    return this;
  }

  /** The transport's publish timeout (default the transport's). */
  JetStreamClientFixture publishTimeout(Duration timeout) {
    this.publishTimeout = timeout;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server = NatsServerRunner.start();
    transport = JetStreamTransport.connect(options().build());
    client = EventClient.create(transport, ClientOptions.builder().closeOnShutdown(false).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (client != null) {
        client.close(); // closes the transport too
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The options the fixture's transport was built from, to connect further clients the same way. */
  JetStreamOptions.Builder options() {
    return JetStreamOptions.builder()
        .servers(server.url())
        .serviceName(serviceName)
        .subjects(List.of("ticket:created"))
        .drainTimeout(drainTimeout)
        .publishTimeout(publishTimeout);
  }

  NatsServerRunner server() {
    return server;
  }

  JetStreamTransport transport() {
    return transport;
  }

  EventClient client() {
    return client;
  }

  /** Messages in the dead-letter stream, read over a connection of its own. */
  long deadLetters() {
    try (Connection c = Nats.connect(server.url())) {
      return c.jetStreamManagement().getStreamInfo(DEAD_LETTER_STREAM).getStreamState().getMsgCount();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code condition} every 10 ms; fails naming {@code what} after {@code seconds}. */
  static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
