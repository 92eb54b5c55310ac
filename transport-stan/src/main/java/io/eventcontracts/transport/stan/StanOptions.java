package io.eventcontracts.transport.stan;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link StanTransport}. Build with {@link #builder()}; every setting has a documented
 * default, so {@code StanOptions.builder().clusterId("ticketing").build()} is a complete configuration for the
 * seed's Kubernetes deployment (the streaming server started with {@code -cid ticketing}).
 *
 * <p>Two option types share the simple name {@code Options}: {@code io.nats.streaming.Options} (the STAN session)
 * and {@code io.nats.client.Options} (the underlying NATS connection). This class is the only one a service needs;
 * connection-level settings (servers, credentials, TLS) are passed through to {@code io.nats.client.Options}, and
 * {@link Builder#natsOptions(Consumer)} is the escape hatch for anything else jnats offers.
 */
public final class StanOptions {

  /** The default cluster id of {@code nats-streaming-server}; the seed's deployment uses {@code ticketing}. */
  public static final String DEFAULT_CLUSTER_ID = "test-cluster";
  public static final String DEFAULT_SERVICE_NAME = "eventcontracts";
  public static final String DEFAULT_URL = "nats://localhost:4222";
  public static final Duration DEFAULT_CONNECT_WAIT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_PUB_ACK_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_PINGS_OUT = 3;
  public static final int DEFAULT_MAX_PUB_ACKS_IN_FLIGHT = 16_384;
  public static final String DEFAULT_DISCOVER_PREFIX = "_STAN.discover";
  /** Default prefix of dead-letter subjects, the runtime's default: {@code deadletter.<subject>}. */
  public static final String DEFAULT_DEAD_LETTER_PREFIX =
      io.eventcontracts.runtime.spi.Transport.DEFAULT_DEAD_LETTER_PREFIX;

  private final String clusterId;
  private final String clientId;
  private final String serviceName;
  private final List<String> servers;
  private final Connection connection;
  private final String user;
  private final char[] password;
  private final char[] token;
  private final AuthHandler authHandler;
  private final SSLContext sslContext;
  private final Consumer<io.nats.client.Options.Builder> natsOptions;
  private final Duration connectWait;
  private final Duration pubAckWait;
  private final Duration pingInterval;
  private final int maxPingsOut;
  private final int maxPubAcksInFlight;
  private final String discoverPrefix;
  private final String deadLetterPrefix;

  private StanOptions(Builder b) {
    this.clusterId = b.clusterId;
    this.serviceName = b.serviceName;
    this.clientId = b.clientId != null ? b.clientId : randomClientId(b.serviceName);
    this.servers = List.copyOf(b.servers.isEmpty() ? List.of(DEFAULT_URL) : b.servers);
    this.connection = b.connection;
    this.user = b.user;
    this.password = b.password;
    this.token = b.token;
    this.authHandler = b.authHandler;
    this.sslContext = b.sslContext;
    this.natsOptions = b.natsOptions;
    this.connectWait = b.connectWait;
    this.pubAckWait = b.pubAckWait;
    this.pingInterval = b.pingInterval;
    this.maxPingsOut = b.maxPingsOut;
    this.maxPubAcksInFlight = b.maxPubAcksInFlight;
    this.discoverPrefix = b.discoverPrefix;
    this.deadLetterPrefix = b.deadLetterPrefix;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code <serviceName>-<22 random characters>}: the seed's advice ("we would generate a random id") so that two
   * replicas of a service never collide with "clientID already registered". Only characters the server accepts
   * (alphanumerics, {@code -}, {@code _}).
   */
  static String randomClientId(String serviceName) {
    String base = serviceName.replaceAll("[^A-Za-z0-9_-]", "-");
    return base + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  }

  public String clusterId() {
    return clusterId;
  }

  /** The STAN client id; unique per live connection on the server. */
  public String clientId() {
    return clientId;
  }

  public String serviceName() {
    return serviceName;
  }

  public List<String> servers() {
    return servers;
  }

  /** An existing NATS connection to run the STAN session over, or null; the transport never closes it. */
  public Connection connection() {
    return connection;
  }

  public Duration connectWait() {
    return connectWait;
  }

  public Duration pubAckWait() {
    return pubAckWait;
  }

  public Duration pingInterval() {
    return pingInterval;
  }

  public int maxPingsOut() {
    return maxPingsOut;
  }

  public int maxPubAcksInFlight() {
    return maxPubAcksInFlight;
  }

  /** The TLS context for the NATS connection, or null (plain connection unless the URL or natsOptions say tls). */
  public SSLContext sslContext() {
    return sslContext;
  }

  public String discoverPrefix() {
    return discoverPrefix;
  }

  /**
   * Prefix of dead-letter subjects ({@code <prefix>.<subject>}, no trailing dot); the one place it is configured
   * for this transport (the {@code EventClient} takes it from the transport). Default
   * {@value #DEFAULT_DEAD_LETTER_PREFIX}.
   */
  public String deadLetterPrefix() {
    return deadLetterPrefix;
  }

  /** The jnats options for the NATS connection the transport opens itself (unused with {@link #connection()}). */
  /**
   * The jnats connection options these settings make (servers, credentials, TLS, then {@code natsOptions}); the
   * transport uses them when it opens its own NATS connection.
   */
  public io.nats.client.Options natsConnectionOptions() {
    io.nats.client.Options.Builder nb = new io.nats.client.Options.Builder()
        .servers(servers.toArray(String[]::new))
        .connectionName(clientId)
        .connectionTimeout(connectWait)
        // STAN sessions survive short NATS reconnects: the server keeps the client until heartbeats fail.
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(250));
    if (user != null) {
      nb.userInfo(user.toCharArray(), password);
    }
    if (token != null) {
      nb.token(token);
    }
    if (authHandler != null) {
      nb.authHandler(authHandler);
    }
    if (sslContext != null) {
      nb.sslContext(sslContext);
    }
    if (natsOptions != null) {
      natsOptions.accept(nb);
    }
    return nb.build();
  }

  @Override
  public String toString() {
    return "StanOptions{clusterId=" + clusterId + ", clientId=" + clientId + ", servers=" + servers
        + ", connectWait=" + connectWait + ", pubAckWait=" + pubAckWait + ", pingInterval=" + pingInterval
        + ", maxPingsOut=" + maxPingsOut + "}";
  }

  /** Builder for {@link StanOptions}. Not thread-safe. */
  public static final class Builder {
    private String clusterId = DEFAULT_CLUSTER_ID;
    private String clientId;
    private String serviceName = DEFAULT_SERVICE_NAME;
    private final List<String> servers = new ArrayList<>();
    private Connection connection;
    private String user;
    private char[] password;
    private char[] token;
    private AuthHandler authHandler;
    private SSLContext sslContext;
    private Consumer<io.nats.client.Options.Builder> natsOptions;
    private Duration connectWait = DEFAULT_CONNECT_WAIT;
    private Duration pubAckWait = DEFAULT_PUB_ACK_WAIT;
    private Duration pingInterval = DEFAULT_PING_INTERVAL;
    private int maxPingsOut = DEFAULT_MAX_PINGS_OUT;
    private int maxPubAcksInFlight = DEFAULT_MAX_PUB_ACKS_IN_FLIGHT;
    private String discoverPrefix = DEFAULT_DISCOVER_PREFIX;
    private String deadLetterPrefix = DEFAULT_DEAD_LETTER_PREFIX;

    private Builder() {}

    /** The streaming server's cluster id ({@code -cid}). Default {@value #DEFAULT_CLUSTER_ID}. */
    public Builder clusterId(String clusterId) {
      this.clusterId = requireText(clusterId, "clusterId");
      return this;
    }

    /**
     * A fixed client id. Default: {@code <serviceName>-<random>}, a new one per transport instance. Fix it only
     * when exactly one instance runs at a time, e.g. for a plain (non-queue) durable, whose server-side key
     * includes the client id.
     */
    public Builder clientId(String clientId) {
      this.clientId = requireText(clientId, "clientId");
      return this;
    }

    /** Prefix of the generated client id. Default {@value #DEFAULT_SERVICE_NAME}. */
    public Builder serviceName(String serviceName) {
      this.serviceName = requireText(serviceName, "serviceName");
      return this;
    }

    /** NATS server URL; may be called repeatedly. Default {@value #DEFAULT_URL}. */
    public Builder server(String url) {
      servers.add(requireText(url, "url"));
      return this;
    }

    /** NATS server URLs. Default {@value #DEFAULT_URL}. */
    public Builder servers(List<String> urls) {
      urls.forEach(this::server);
      return this;
    }

    /**
     * Run the STAN session over this existing NATS connection instead of opening one. The transport never closes
     * it; servers, credentials and TLS settings of this builder are then ignored.
     */
    public Builder connection(Connection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /** User and password for the NATS connection. */
    public Builder userInfo(String user, char[] password) {
      this.user = requireText(user, "user");
      this.password = password == null ? new char[0] : password.clone();
      return this;
    }

    /** Token for the NATS connection. */
    public Builder token(char[] token) {
      this.token = Objects.requireNonNull(token, "token").clone();
      return this;
    }

    /** A jnats auth handler (JWT/nkey); see {@link Nats#credentials(String)} and {@link #credentials(Path)}. */
    public Builder authHandler(AuthHandler authHandler) {
      this.authHandler = Objects.requireNonNull(authHandler, "authHandler");
      return this;
    }

    /** A NATS {@code .creds} file (JWT + nkey seed). */
    public Builder credentials(Path credsFile) {
      return authHandler(Nats.credentials(credsFile.toString()));
    }

    /** TLS for the NATS connection. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Last word on the jnats {@code io.nats.client.Options} the transport builds (applied after all others). */
    public Builder natsOptions(Consumer<io.nats.client.Options.Builder> customizer) {
      this.natsOptions = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** How long to wait for the NATS connection and for the server's ConnectResponse. Default 2 s. */
    public Builder connectWait(Duration connectWait) {
      this.connectWait = positive(connectWait, "connectWait");
      return this;
    }

    /** The publish timeout: how long to wait for the server's PubAck. Default 30 s (as node-nats-streaming). */
    public Builder pubAckWait(Duration pubAckWait) {
      this.pubAckWait = positive(pubAckWait, "pubAckWait");
      return this;
    }

    /** Interval of client PINGs to the streaming server. Default 5 s. */
    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = positive(pingInterval, "pingInterval");
      return this;
    }

    /** Unanswered PINGs after which the session counts as lost. Default 3. */
    public Builder maxPingsOut(int maxPingsOut) {
      if (maxPingsOut < 1) {
        throw new IllegalArgumentException("maxPingsOut must be at least 1, was " + maxPingsOut);
      }
      this.maxPingsOut = maxPingsOut;
      return this;
    }

    /** Publishes awaiting their PubAck before {@code publish} blocks. Default 16384. */
    public Builder maxPubAcksInFlight(int maxPubAcksInFlight) {
      if (maxPubAcksInFlight < 1) {
        throw new IllegalArgumentException("maxPubAcksInFlight must be at least 1, was " + maxPubAcksInFlight);
      }
      this.maxPubAcksInFlight = maxPubAcksInFlight;
      return this;
    }

    /** Discovery subject prefix; the client sends its ConnectRequest to {@code <prefix>.<clusterId>}. */
    public Builder discoverPrefix(String discoverPrefix) {
      this.discoverPrefix = requireText(discoverPrefix, "discoverPrefix");
      return this;
    }

    /**
     * Prefix of dead-letter subjects: dead letters of {@code ticket:created} go to
     * {@code <prefix>.ticket:created}. Non-blank, without a trailing dot. Default {@value #DEFAULT_DEAD_LETTER_PREFIX}.
     */
    public Builder deadLetterPrefix(String deadLetterPrefix) {
      requireText(deadLetterPrefix, "deadLetterPrefix");
      if (deadLetterPrefix.endsWith(".")) {
        throw new IllegalArgumentException("deadLetterPrefix must not end with '.', was " + deadLetterPrefix);
      }
      this.deadLetterPrefix = deadLetterPrefix;
      return this;
    }

    public StanOptions build() {
      return new StanOptions(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
