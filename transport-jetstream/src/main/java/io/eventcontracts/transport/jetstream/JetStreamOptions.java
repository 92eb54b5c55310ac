package io.eventcontracts.transport.jetstream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Immutable configuration of a {@link JetStreamTransport}. Build one with {@link #builder()}; every setting has a
 * default that suits a service talking to a single local server, so {@code JetStreamOptions.builder().build()} is a
 * working configuration for {@code nats://127.0.0.1:4222}.
 *
 * <p>Connection settings are passed through to {@link io.nats.client.Options}; the stream settings describe the
 * two streams the transport uses (events and dead letters). See {@code docs/transport-jetstream.md}.
 */
public final class JetStreamOptions {

  /** {@value} — the server used when no URL is given. */
  public static final String DEFAULT_SERVER = "nats://127.0.0.1:4222";
  /** {@value} — the stream that stores every event subject. */
  public static final String DEFAULT_STREAM = "EVENTCONTRACTS";
  /** {@value} — the stream that stores dead letters. */
  public static final String DEFAULT_DEAD_LETTER_STREAM = "EVENTCONTRACTS_DEADLETTER";
  /** {@value} — the runtime publishes dead letters to {@code deadletter.<original subject>}. */
  public static final String DEFAULT_DEAD_LETTER_PREFIX =
      io.eventcontracts.runtime.spi.Transport.DEFAULT_DEAD_LETTER_PREFIX + ".";
  /** {@value} — prefix of the random connection name. */
  public static final String DEFAULT_SERVICE_NAME = "eventcontracts";
  /** 5 s, as the seed's publisher would wait for its ack. */
  public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
  /** 2 min, the server's own default de-duplication window. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);
  /** 5 s to let in-flight handlers finish on close. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);
  /** 5 s: lifetime of one pull request; a lost pull loop is noticed after about 1.5 times this. */
  public static final Duration DEFAULT_PULL_EXPIRY = Duration.ofSeconds(5);
  /** 2 s, jnats' default. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** 2 s, jnats' default. */
  public static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(2);
  /** -1: reconnect forever, as a long-running service should (jnats' own default gives up after 60 tries). */
  public static final int DEFAULT_MAX_RECONNECTS = -1;

  /** Where the server keeps stream data. */
  public enum Storage {
    /** Survives server restarts; the default. */
    FILE,
    /** Faster, lost when the server stops. */
    MEMORY
  }

  private final List<String> servers;
  private final String serviceName;
  private final String connectionName;
  private final String user;
  private final char[] password;
  private final char[] token;
  private final Path credentialsFile;
  private final Path nkeySeedFile;
  private final SSLContext sslContext;
  private final Path truststorePath;
  private final char[] truststorePassword;
  private final Path keystorePath;
  private final char[] keystorePassword;
  private final Duration connectTimeout;
  private final int maxReconnects;
  private final Duration reconnectWait;
  private final Consumer<io.nats.client.Options.Builder> natsOptionsCustomizer;
  private final String streamName;
  private final Set<String> subjects;
  private final String deadLetterStreamName;
  private final String deadLetterSubjectPrefix;
  private final boolean createStreams;
  private final Storage storage;
  private final int replicas;
  private final Duration duplicateWindow;
  private final Duration maxAge;
  private final Duration publishTimeout;
  private final Duration drainTimeout;
  private final Duration pullExpiry;

  private JetStreamOptions(Builder b) {
    this.servers = List.copyOf(b.servers.isEmpty() ? List.of(DEFAULT_SERVER) : b.servers);
    this.serviceName = b.serviceName;
    this.connectionName = b.connectionName;
    this.user = b.user;
    this.password = b.password;
    this.token = b.token;
    this.credentialsFile = b.credentialsFile;
    this.nkeySeedFile = b.nkeySeedFile;
    this.sslContext = b.sslContext;
    this.truststorePath = b.truststorePath;
    this.truststorePassword = b.truststorePassword;
    this.keystorePath = b.keystorePath;
    this.keystorePassword = b.keystorePassword;
    this.connectTimeout = b.connectTimeout;
    this.maxReconnects = b.maxReconnects;
    this.reconnectWait = b.reconnectWait;
    this.natsOptionsCustomizer = b.natsOptionsCustomizer;
    this.streamName = b.streamName;
    this.subjects = Set.copyOf(new LinkedHashSet<>(b.subjects));
    this.deadLetterStreamName = b.deadLetterStreamName;
    this.deadLetterSubjectPrefix = b.deadLetterSubjectPrefix;
    this.createStreams = b.createStreams;
    this.storage = b.storage;
    this.replicas = b.replicas;
    this.duplicateWindow = b.duplicateWindow;
    this.maxAge = b.maxAge;
    this.publishTimeout = b.publishTimeout;
    this.drainTimeout = b.drainTimeout;
    this.pullExpiry = b.pullExpiry;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Server URLs ({@code nats://} or {@code tls://}); default {@value #DEFAULT_SERVER}. */
  public List<String> servers() {
    return servers;
  }

  /** Prefix of the connection name; default {@value #DEFAULT_SERVICE_NAME}. */
  public String serviceName() {
    return serviceName;
  }

  /** The explicit connection name, or null for {@code <serviceName>-<random hex>} (the default). */
  public String connectionName() {
    return connectionName;
  }

  public String user() {
    return user;
  }

  /** A copy of the secret, or null. */
  public char[] password() {
    return password == null ? null : password.clone();
  }

  /** A copy of the secret, or null. */
  public char[] token() {
    return token == null ? null : token.clone();
  }

  public Path credentialsFile() {
    return credentialsFile;
  }

  public Path nkeySeedFile() {
    return nkeySeedFile;
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  public Path truststorePath() {
    return truststorePath;
  }

  /** A copy of the secret, or null. */
  public char[] truststorePassword() {
    return truststorePassword == null ? null : truststorePassword.clone();
  }

  public Path keystorePath() {
    return keystorePath;
  }

  /** A copy of the secret, or null. */
  public char[] keystorePassword() {
    return keystorePassword == null ? null : keystorePassword.clone();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public int maxReconnects() {
    return maxReconnects;
  }

  public Duration reconnectWait() {
    return reconnectWait;
  }

  /** Applied last to the jnats options builder; null when not set. */
  public Consumer<io.nats.client.Options.Builder> natsOptionsCustomizer() {
    return natsOptionsCustomizer;
  }

  /** The event stream; default {@value #DEFAULT_STREAM}. */
  public String streamName() {
    return streamName;
  }

  /** Subjects the event stream must cover at connect; more are added on first publish or subscribe. */
  public Set<String> subjects() {
    return subjects;
  }

  /** The dead-letter stream; default {@value #DEFAULT_DEAD_LETTER_STREAM}. */
  public String deadLetterStreamName() {
    return deadLetterStreamName;
  }

  /** Prefix of dead-letter subjects; the dead-letter stream covers {@code <prefix>>}. Default {@value #DEFAULT_DEAD_LETTER_PREFIX}. */
  public String deadLetterSubjectPrefix() {
    return deadLetterSubjectPrefix;
  }

  /** Whether the transport creates missing streams and adds missing subjects; default true. */
  public boolean createStreams() {
    return createStreams;
  }

  public Storage storage() {
    return storage;
  }

  public int replicas() {
    return replicas;
  }

  public Duration duplicateWindow() {
    return duplicateWindow;
  }

  /** Maximum age of stored messages; {@link Duration#ZERO} (the default) keeps them until limits are hit. */
  public Duration maxAge() {
    return maxAge;
  }

  public Duration publishTimeout() {
    return publishTimeout;
  }

  public Duration drainTimeout() {
    return drainTimeout;
  }

  public Duration pullExpiry() {
    return pullExpiry;
  }

  @Override
  public String toString() {
    // never print secrets
    return "JetStreamOptions{servers=" + servers + ", serviceName=" + serviceName + ", stream=" + streamName
        + ", subjects=" + subjects + ", deadLetterStream=" + deadLetterStreamName + ", createStreams="
        + createStreams + ", storage=" + storage + ", publishTimeout=" + publishTimeout + "}";
  }

  /** Builder of {@link JetStreamOptions}; every setter documents its default. */
  public static final class Builder {
    private final List<String> servers = new ArrayList<>();
    private String serviceName = DEFAULT_SERVICE_NAME;
    private String connectionName;
    private String user;
    private char[] password;
    private char[] token;
    private Path credentialsFile;
    private Path nkeySeedFile;
    private SSLContext sslContext;
    private Path truststorePath;
    private char[] truststorePassword;
    private Path keystorePath;
    private char[] keystorePassword;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxReconnects = DEFAULT_MAX_RECONNECTS;
    private Duration reconnectWait = DEFAULT_RECONNECT_WAIT;
    private Consumer<io.nats.client.Options.Builder> natsOptionsCustomizer;
    private String streamName = DEFAULT_STREAM;
    private final List<String> subjects = new ArrayList<>();
    private String deadLetterStreamName = DEFAULT_DEAD_LETTER_STREAM;
    private String deadLetterSubjectPrefix = DEFAULT_DEAD_LETTER_PREFIX;
    private boolean createStreams = true;
    private Storage storage = Storage.FILE;
    private int replicas = 1;
    private Duration duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
    private Duration maxAge = Duration.ZERO;
    private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Duration pullExpiry = DEFAULT_PULL_EXPIRY;

    private Builder() {}

    /** Adds server URLs, e.g. {@code nats://nats-srv:4222} or {@code tls://nats:4222}. Default {@value #DEFAULT_SERVER}. */
    public Builder servers(String... urls) {
      return servers(Arrays.asList(urls));
    }

    /** Adds server URLs; the client picks one and fails over to the others. */
    public Builder servers(Collection<String> urls) {
      for (String url : urls) {
        if (url == null || url.isBlank()) {
          throw new IllegalArgumentException("server URL must not be blank");
        }
        servers.add(url.trim());
      }
      return this;
    }

    /** Prefix of the random connection name {@code <serviceName>-<8 hex>}; default {@value #DEFAULT_SERVICE_NAME}. */
    public Builder serviceName(String serviceName) {
      this.serviceName = requireText(serviceName, "serviceName");
      return this;
    }

    /** An exact connection name instead of the random one. Default: none ({@code <serviceName>-<random>}). */
    public Builder connectionName(String connectionName) {
      this.connectionName = requireText(connectionName, "connectionName");
      return this;
    }

    /** User and password authentication. Default: none. */
    public Builder userInfo(String user, char[] password) {
      this.user = requireText(user, "user");
      this.password = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /** Token authentication. Default: none. */
    public Builder token(char[] token) {
      this.token = Objects.requireNonNull(token, "token").clone();
      return this;
    }

    /** A {@code .creds} file (user JWT + nkey seed), as issued by {@code nsc}. Default: none. */
    public Builder credentialsFile(Path file) {
      this.credentialsFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** A file holding an nkey seed ({@code SU...}) for nkey authentication without JWT. Default: none. */
    public Builder nkeySeedFile(Path file) {
      this.nkeySeedFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** A ready TLS context; wins over the trust/key store settings. Default: none (TLS only for {@code tls://}). */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Trust store (JKS/PKCS12) holding the server's CA. Turns TLS on. Default: none. */
    public Builder truststore(Path path, char[] password) {
      this.truststorePath = Objects.requireNonNull(path, "path");
      this.truststorePassword = password == null ? null : password.clone();
      return this;
    }

    /** Key store with the client certificate, for mutual TLS. Default: none. */
    public Builder keystore(Path path, char[] password) {
      this.keystorePath = Objects.requireNonNull(path, "path");
      this.keystorePassword = password == null ? null : password.clone();
      return this;
    }

    /** Timeout of one connection attempt; default 2 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    /** Reconnect attempts after a lost connection; -1 (default) retries forever, 0 never reconnects. */
    public Builder maxReconnects(int maxReconnects) {
      if (maxReconnects < -1) {
        throw new IllegalArgumentException("maxReconnects must be -1 (forever) or >= 0, was " + maxReconnects);
      }
      this.maxReconnects = maxReconnects;
      return this;
    }

    /** Pause between reconnect attempts to the same server; default 2 s. */
    public Builder reconnectWait(Duration wait) {
      this.reconnectWait = requireNonNegative(wait, "reconnectWait");
      return this;
    }

    /** Last-word access to the jnats {@link io.nats.client.Options.Builder} for settings not mirrored here. */
    public Builder natsOptions(Consumer<io.nats.client.Options.Builder> customizer) {
      this.natsOptionsCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** Name of the event stream; default {@value #DEFAULT_STREAM}. */
    public Builder streamName(String name) {
      this.streamName = requireStreamName(name, "streamName");
      return this;
    }

    /** Subjects the event stream must cover at connect (usually the registry's event subjects). Default: none. */
    public Builder subjects(Collection<String> subjects) {
      for (String s : subjects) {
        this.subjects.add(requireText(s, "subject"));
      }
      return this;
    }

    /** @see #subjects(Collection) */
    public Builder subjects(String... subjects) {
      return subjects(Arrays.asList(subjects));
    }

    /** Name of the dead-letter stream; default {@value #DEFAULT_DEAD_LETTER_STREAM}. */
    public Builder deadLetterStreamName(String name) {
      this.deadLetterStreamName = requireStreamName(name, "deadLetterStreamName");
      return this;
    }

    /** Prefix of dead-letter subjects (must end with a dot); default {@value #DEFAULT_DEAD_LETTER_PREFIX}. */
    public Builder deadLetterSubjectPrefix(String prefix) {
      requireText(prefix, "deadLetterSubjectPrefix");
      if (!prefix.endsWith(".")) {
        throw new IllegalArgumentException("deadLetterSubjectPrefix must end with '.', was " + prefix);
      }
      this.deadLetterSubjectPrefix = prefix;
      return this;
    }

    /**
     * Whether to create missing streams and add missing subjects (default true). With false the streams must
     * exist, e.g. created by an operator with the {@code nats} CLI, and connect fails if they do not.
     */
    public Builder createStreams(boolean createStreams) {
      this.createStreams = createStreams;
      return this;
    }

    /** Storage of streams the transport creates; default {@link Storage#FILE}. */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /** Replicas of streams the transport creates (clustered servers only); default 1. */
    public Builder replicas(int replicas) {
      if (replicas < 1 || replicas > 5) {
        throw new IllegalArgumentException("replicas must be 1..5, was " + replicas);
      }
      this.replicas = replicas;
      return this;
    }

    /** Window in which a repeated {@code Nats-Msg-Id} is recognised as a duplicate; default 2 min. */
    public Builder duplicateWindow(Duration window) {
      this.duplicateWindow = requirePositive(window, "duplicateWindow");
      return this;
    }

    /** Maximum age of stored events; default {@link Duration#ZERO} = unlimited. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = requireNonNegative(maxAge, "maxAge");
      return this;
    }

    /** How long a publish waits for the server's ack before failing with PUBLISH_TIMEOUT; default 5 s. */
    public Builder publishTimeout(Duration timeout) {
      this.publishTimeout = requirePositive(timeout, "publishTimeout");
      return this;
    }

    /** How long {@code close()} waits for in-flight handlers and pending publishes; default 5 s. */
    public Builder drainTimeout(Duration timeout) {
      this.drainTimeout = requirePositive(timeout, "drainTimeout");
      return this;
    }

    /**
     * Lifetime of one pull request of a subscription (at least 1 s); default 5 s. Shorter notices a silently lost
     * pull faster (the server sends heartbeats every half of it), longer means fewer requests on idle subjects.
     */
    public Builder pullExpiry(Duration expiry) {
      requirePositive(expiry, "pullExpiry");
      if (expiry.toMillis() < 1000) {
        throw new IllegalArgumentException("pullExpiry must be at least 1 s, was " + expiry);
      }
      this.pullExpiry = expiry;
      return this;
    }

    public JetStreamOptions build() {
      if (credentialsFile != null && nkeySeedFile != null) {
        throw new IllegalArgumentException("set either credentialsFile or nkeySeedFile, not both");
      }
      if (streamName.equals(deadLetterStreamName)) {
        throw new IllegalArgumentException("streamName and deadLetterStreamName must differ: " + streamName);
      }
      for (String s : subjects) {
        if (s.startsWith(deadLetterSubjectPrefix)) {
          throw new IllegalArgumentException("subject " + s + " lies in the dead-letter space "
              + deadLetterSubjectPrefix + ">; event subjects must not start with the dead-letter prefix");
        }
      }
      return new JetStreamOptions(this);
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }

    private static String requireStreamName(String name, String what) {
      requireText(name, what);
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(what + " may contain only letters, digits, '_' and '-', was " + name);
      }
      return name;
    }

    private static Duration requirePositive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }

    private static Duration requireNonNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
