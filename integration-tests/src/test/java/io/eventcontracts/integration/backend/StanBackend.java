package io.eventcontracts.integration.backend;

import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.stan.RealStanServer;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;
import io.eventcontracts.transport.stan.StanOptions;
import io.eventcontracts.transport.stan.StanTransport;
import io.nats.streaming.NatsStreaming;
import io.nats.streaming.StreamingConnection;
import io.nats.streaming.Subscription;
import io.nats.streaming.SubscriptionOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * NATS Streaming, either the protocol test double over a real {@code nats-server} or a real
 * {@code nats-streaming-server}. Raw publishes and taps use the official java-nats-streaming client directly, as a
 * node-nats-streaming seed service would; dead letters are read back from the {@code deadletter.<subject>} channel
 * with a deliver-all-available subscription.
 */
public abstract class StanBackend implements Backend {

  /** The seed deployment's cluster id ({@code -cid ticketing}). */
  public static final String CLUSTER_ID = "ticketing";
  /** How long a dead-letter read keeps listening after it has what it expects, to catch extra (duplicate) ones. */
  private static final Duration QUIET = Duration.ofMillis(300);

  private final List<Transport> transports = new CopyOnWriteArrayList<>();
  private StreamingConnection raw;

  /** The protocol test double on a nats-server with {@code max_payload} 2 MiB. */
  public static StanBackend testDouble() {
    LargePayloadConfig config = LargePayloadConfig.create();
    NatsServerRunner nats = null;
    try {
      nats = NatsServerRunner.start(config.serverArgs());
      StanProtocolTestDouble stan = StanProtocolTestDouble.start(nats.url(), CLUSTER_ID);
      return new TestDouble(config, nats, stan);
    } catch (RuntimeException e) {
      if (nats != null) {
        nats.close();
      }
      config.close();
      throw e;
    }
  }

  /**
   * A real {@code nats-streaming-server}; callers must check {@link RealStanServer#isAvailable()} first. It runs with
   * its embedded NATS server's default {@code max_payload} of 1 MiB ({@code RealStanServer} has no option for more).
   */
  public static StanBackend realServer() {
    return new Real(RealStanServer.start(CLUSTER_ID));
  }

  /** NATS URL the streaming server listens behind. */
  protected abstract String natsUrl();

  /** The same URL, for clients in other processes (e.g. a Node service with node-nats-streaming). */
  public String url() {
    return natsUrl();
  }

  /** Whether the streaming server has {@code clientId} registered. */
  protected abstract boolean knowsClient(String clientId);

  /** Stops the streaming server and what it runs on. */
  protected abstract void stopServer();

  @Override
  public Transport connect(String serviceName) {
    StanTransport transport = StanTransport.connect(StanOptions.builder()
        .clusterId(CLUSTER_ID)
        .server(natsUrl())
        .serviceName(serviceName)
        .connectWait(Duration.ofSeconds(3))
        .pubAckWait(Duration.ofSeconds(5))
        .build());
    transports.add(transport);
    return transport;
  }

  @Override
  public boolean serverKnows(Transport transport) {
    return knowsClient(((StanTransport) transport).clientId());
  }

  @Override
  public void publishRaw(String subject, byte[] payload) {
    try {
      raw().publish(subject, payload); // synchronous: returns on the PubAck
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("raw publish to " + subject + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public RawTap tap(String subject) {
    RawTap tap = new RawTap();
    try {
      Subscription sub = raw().subscribe(subject, m -> tap.add(m.getData() == null ? new byte[0] : m.getData()),
          new SubscriptionOptions.Builder().deliverAllAvailable().build());
      tap.onClose(() -> {
        try {
          sub.unsubscribe();
        } catch (IOException | RuntimeException ignored) {
          // the connection is closing anyway
        }
      });
      return tap;
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("raw subscription to " + subject + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<byte[]> deadLetters(String subject, int atLeast) {
    try (RawTap tap = tap("deadletter." + subject)) {
      long deadline = System.nanoTime() + Waits.TIMEOUT.toNanos();
      while (tap.size() < atLeast && System.nanoTime() < deadline) {
        Waits.sleep(Duration.ofMillis(20));
      }
      Waits.sleep(QUIET);
      return tap.payloads();
    }
  }

  @Override
  public String restartUnsupportedReason() {
    return "NATS Streaming backends cannot restart mid-test: the protocol test double keeps its channels in memory"
        + " (a restart is a new, empty server) and RealStanServer has no start-again on the same port; broker"
        + " restarts are covered by the JetStream backend";
  }

  @Override
  public void restartServer() {
    throw new UnsupportedOperationException(restartUnsupportedReason());
  }

  @Override
  public void close() {
    try {
      for (Transport t : transports) {
        try {
          t.close();
        } catch (RuntimeException ignored) {
          // already closed by its client
        }
      }
      if (raw != null) {
        try {
          raw.close();
        } catch (IOException | TimeoutException | RuntimeException ignored) {
          // the server goes next
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      stopServer();
    }
  }

  private synchronized StreamingConnection raw() {
    if (raw == null) {
      String clientId = "seed-style-" + UUID.randomUUID().toString().substring(0, 8);
      try {
        raw = NatsStreaming.connect(CLUSTER_ID, clientId, new io.nats.streaming.Options.Builder()
            .natsUrl(natsUrl())
            .connectWait(Duration.ofSeconds(3))
            .pubAckWait(Duration.ofSeconds(5))
            .build());
      } catch (IOException e) {
        throw new IllegalStateException("raw NATS Streaming client cannot connect: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return raw;
  }

  /** The protocol test double over a real nats-server. */
  private static final class TestDouble extends StanBackend {
    private final LargePayloadConfig config;
    private final NatsServerRunner nats;
    private final StanProtocolTestDouble stan;

    TestDouble(LargePayloadConfig config, NatsServerRunner nats, StanProtocolTestDouble stan) {
      this.config = config;
      this.nats = nats;
      this.stan = stan;
    }

    @Override
    public String name() {
      return "NATS Streaming (protocol test double over nats-server " + nats.url() + ")";
    }

    @Override
    protected String natsUrl() {
      return nats.url();
    }

    @Override
    protected boolean knowsClient(String clientId) {
      return stan.knowsClient(clientId);
    }

    @Override
    public int maxPayloadBytes() {
      return LargePayloadConfig.MAX_PAYLOAD_BYTES;
    }

    @Override
    protected void stopServer() {
      try {
        stan.close();
      } finally {
        nats.close();
        config.close();
      }
    }
  }

  /** A real nats-streaming-server. */
  private static final class Real extends StanBackend {
    private final RealStanServer server;

    Real(RealStanServer server) {
      this.server = server;
    }

    @Override
    public String name() {
      return "NATS Streaming (nats-streaming-server " + server.url() + ")";
    }

    @Override
    protected String natsUrl() {
      return server.url();
    }

    @Override
    protected boolean knowsClient(String clientId) {
      return server.knowsClient(clientId);
    }

    @Override
    public int maxPayloadBytes() {
      return 1024 * 1024; // the embedded NATS server's default max_payload
    }

    @Override
    protected void stopServer() {
      server.close();
    }
  }
}
