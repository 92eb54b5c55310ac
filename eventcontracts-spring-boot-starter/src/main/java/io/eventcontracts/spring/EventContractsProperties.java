package io.eventcontracts.spring;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.stan.StanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code eventcontracts.*} properties. Defaults are the runtime's and the transports' own defaults (each
 * documented in {@code docs/spring-boot.md}); a property left out means "the library default".
 */
@ConfigurationProperties(prefix = "eventcontracts")
public class EventContractsProperties {

  /** Which broker binding to use. */
  public enum TransportKind {
    /** NATS JetStream (jnats), the main binding. */
    JETSTREAM,
    /** NATS Streaming (java-nats-streaming), the legacy binding; needs eventcontracts-transport-stan. */
    STAN
  }

  /** Whether to auto-configure the transport, the EventClient, publishers and listeners. */
  private boolean enabled = true;

  /** Broker binding: jetstream or stan. */
  private TransportKind transport = TransportKind.JETSTREAM;

  /** Server URLs (nats:// or tls://); several URLs form a failover pool. */
  private List<String> servers = new ArrayList<>(List.of(JetStreamOptions.DEFAULT_SERVER));

  /**
   * Prefix of the connection name (JetStream) or client id (NATS Streaming), followed by random characters.
   * Defaults to spring.application.name, else "eventcontracts".
   */
  private String serviceName;

  /** User name for user/password authentication. */
  private String username;

  /** Password for user/password authentication. */
  private String password;

  /** Token for token authentication. */
  private String token;

  /** A .creds file (JWT + nkey seed) issued by nsc. */
  private Path credentialsFile;

  /** Timeout of one connection attempt. */
  private Duration connectTimeout = JetStreamOptions.DEFAULT_CONNECT_TIMEOUT;

  /** Reconnect attempts after a lost connection; -1 = forever, 0 = never. */
  private int maxReconnects = JetStreamOptions.DEFAULT_MAX_RECONNECTS;

  /** Pause between reconnect attempts to the same server. */
  private Duration reconnectWait = JetStreamOptions.DEFAULT_RECONNECT_WAIT;

  /** Dead letters go to "<prefix>.<subject>"; handed to the transport, which owns it. */
  private String deadLetterPrefix = io.eventcontracts.runtime.spi.Transport.DEFAULT_DEAD_LETTER_PREFIX;

  /** Larger payloads are refused before parsing, larger events are not published. */
  private int maxPayloadBytes = EventCodec.DEFAULT_MAX_PAYLOAD_BYTES;

  /** Deeper JSON is refused by the parser. */
  private int maxNestingDepth = EventCodec.DEFAULT_MAX_NESTING_DEPTH;

  /** Bytes of the original payload copied into a dead letter. */
  private int deadLetterPayloadLimit = ClientOptions.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT;

  private final Tls tls = new Tls();
  private final Jetstream jetstream = new Jetstream();
  private final Stan stan = new Stan();
  private final Listeners listeners = new Listeners();

  /** TLS stores (PKCS12 or JKS). Setting a trust store turns TLS on. */
  public static class Tls {
    /** Trust store with the server's CA. */
    private Path truststore;
    /** Password of the trust store. */
    private String truststorePassword;
    /** Key store with the client certificate (mutual TLS). */
    private Path keystore;
    /** Password of the key store. */
    private String keystorePassword;

    public Path getTruststore() {
      return truststore;
    }

    public void setTruststore(Path truststore) {
      this.truststore = truststore;
    }

    public String getTruststorePassword() {
      return truststorePassword;
    }

    public void setTruststorePassword(String truststorePassword) {
      this.truststorePassword = truststorePassword;
    }

    public Path getKeystore() {
      return keystore;
    }

    public void setKeystore(Path keystore) {
      this.keystore = keystore;
    }

    public String getKeystorePassword() {
      return keystorePassword;
    }

    public void setKeystorePassword(String keystorePassword) {
      this.keystorePassword = keystorePassword;
    }
  }

  /** JetStream binding settings. */
  public static class Jetstream {
    /** The stream holding every event subject. */
    private String streamName = JetStreamOptions.DEFAULT_STREAM;
    /** The dead-letter stream (stores "<dead-letter-prefix>.>"). */
    private String deadLetterStreamName = JetStreamOptions.DEFAULT_DEAD_LETTER_STREAM;
    /** Subjects the event stream must store at connect; others are added on first publish or subscribe. */
    private List<String> subjects = new ArrayList<>();
    /** Create missing streams and add missing subjects; false = they must exist. */
    private boolean createStreams = true;
    /** Storage of streams this service creates: file or memory. */
    private JetStreamOptions.Storage storage = JetStreamOptions.Storage.FILE;
    /** Replicas of created streams. */
    private int replicas = 1;
    /** Window in which a repeated message id is dropped as a duplicate. */
    private Duration duplicateWindow = JetStreamOptions.DEFAULT_DUPLICATE_WINDOW;
    /** How long created streams keep messages; 0 = unlimited. */
    private Duration maxAge = Duration.ZERO;
    /** A publish fails with PUBLISH_TIMEOUT when the server's ack takes longer. */
    private Duration publishTimeout = JetStreamOptions.DEFAULT_PUBLISH_TIMEOUT;
    /** Lifetime of one pull request (at least 1 s). */
    private Duration pullExpiry = JetStreamOptions.DEFAULT_PULL_EXPIRY;
    /** How long close waits for in-flight handlers and publish acks. */
    private Duration drainTimeout = JetStreamOptions.DEFAULT_DRAIN_TIMEOUT;

    public String getStreamName() {
      return streamName;
    }

    public void setStreamName(String streamName) {
      this.streamName = streamName;
    }

    public String getDeadLetterStreamName() {
      return deadLetterStreamName;
    }

    public void setDeadLetterStreamName(String deadLetterStreamName) {
      this.deadLetterStreamName = deadLetterStreamName;
    }

    public List<String> getSubjects() {
      return subjects;
    }

    public void setSubjects(List<String> subjects) {
      this.subjects = subjects;
    }

    public boolean isCreateStreams() {
      return createStreams;
    }

    public void setCreateStreams(boolean createStreams) {
      this.createStreams = createStreams;
    }

    public JetStreamOptions.Storage getStorage() {
      return storage;
    }

    public void setStorage(JetStreamOptions.Storage storage) {
      this.storage = storage;
    }

    public int getReplicas() {
      return replicas;
    }

    public void setReplicas(int replicas) {
      this.replicas = replicas;
    }

    public Duration getDuplicateWindow() {
      return duplicateWindow;
    }

    public void setDuplicateWindow(Duration duplicateWindow) {
      this.duplicateWindow = duplicateWindow;
    }

    public Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }

    public Duration getPublishTimeout() {
      return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
      this.publishTimeout = publishTimeout;
    }

    public Duration getPullExpiry() {
      return pullExpiry;
    }

    public void setPullExpiry(Duration pullExpiry) {
      this.pullExpiry = pullExpiry;
    }

    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }
  }

  /** NATS Streaming binding settings. */
  public static class Stan {
    /** Cluster id of the streaming server (the seed's "-cid ticketing"). */
    private String clusterId = StanOptions.DEFAULT_CLUSTER_ID;
    /** An exact client id instead of "<service-name>-<random>"; must be unique per live connection. */
    private String clientId;
    /** How long to wait for the streaming server's connect response. */
    private Duration connectWait = StanOptions.DEFAULT_CONNECT_WAIT;
    /** How long a publish waits for the server's ack. */
    private Duration pubAckWait = StanOptions.DEFAULT_PUB_ACK_WAIT;
    /** Interval of client pings to the streaming server. */
    private Duration pingInterval = StanOptions.DEFAULT_PING_INTERVAL;
    /** Unanswered pings after which the session counts as lost. */
    private int maxPingsOut = StanOptions.DEFAULT_MAX_PINGS_OUT;

    public String getClusterId() {
      return clusterId;
    }

    public void setClusterId(String clusterId) {
      this.clusterId = clusterId;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public Duration getConnectWait() {
      return connectWait;
    }

    public void setConnectWait(Duration connectWait) {
      this.connectWait = connectWait;
    }

    public Duration getPubAckWait() {
      return pubAckWait;
    }

    public void setPubAckWait(Duration pubAckWait) {
      this.pubAckWait = pubAckWait;
    }

    public Duration getPingInterval() {
      return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
      this.pingInterval = pingInterval;
    }

    public int getMaxPingsOut() {
      return maxPingsOut;
    }

    public void setMaxPingsOut(int maxPingsOut) {
      this.maxPingsOut = maxPingsOut;
    }
  }

  /** Listener beans. */
  public static class Listeners {
    /** Start every Listener bean when the application is ready. */
    private boolean autoStartup = true;

    public boolean isAutoStartup() {
      return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
      this.autoStartup = autoStartup;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public TransportKind getTransport() {
    return transport;
  }

  public void setTransport(TransportKind transport) {
    this.transport = transport;
  }

  public List<String> getServers() {
    return servers;
  }

  public void setServers(List<String> servers) {
    this.servers = servers;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public Path getCredentialsFile() {
    return credentialsFile;
  }

  public void setCredentialsFile(Path credentialsFile) {
    this.credentialsFile = credentialsFile;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public int getMaxReconnects() {
    return maxReconnects;
  }

  public void setMaxReconnects(int maxReconnects) {
    this.maxReconnects = maxReconnects;
  }

  public Duration getReconnectWait() {
    return reconnectWait;
  }

  public void setReconnectWait(Duration reconnectWait) {
    this.reconnectWait = reconnectWait;
  }

  public String getDeadLetterPrefix() {
    return deadLetterPrefix;
  }

  public void setDeadLetterPrefix(String deadLetterPrefix) {
    this.deadLetterPrefix = deadLetterPrefix;
  }

  public int getMaxPayloadBytes() {
    return maxPayloadBytes;
  }

  public void setMaxPayloadBytes(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public int getMaxNestingDepth() {
    return maxNestingDepth;
  }

  public void setMaxNestingDepth(int maxNestingDepth) {
    this.maxNestingDepth = maxNestingDepth;
  }

  public int getDeadLetterPayloadLimit() {
    return deadLetterPayloadLimit;
  }

  public void setDeadLetterPayloadLimit(int deadLetterPayloadLimit) {
    this.deadLetterPayloadLimit = deadLetterPayloadLimit;
  }

  public Tls getTls() {
    return tls;
  }

  public Jetstream getJetstream() {
    return jetstream;
  }

  public Stan getStan() {
    return stan;
  }

  public Listeners getListeners() {
    return listeners;
  }
}
