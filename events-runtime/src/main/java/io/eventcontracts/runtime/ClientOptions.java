package io.eventcontracts.runtime;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of an {@link EventClient}. Build with {@link #builder()}; every setter documents its default.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .errorListener(new ErrorListener() {
 *       public void deadLetterFailed(MessageContext c, EventException reason, Throwable error) { alert(error); }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The dead-letter subject prefix is not set here: the transport owns it ({@code JetStreamOptions
 * .deadLetterSubjectPrefix}, {@code StanOptions.deadLetterPrefix}) and the client takes it from the transport
 * ({@link io.eventcontracts.runtime.spi.Transport#deadLetterPrefix()}).
 */
public final class ClientOptions {

  /** Default limit of original payload bytes copied into a dead-letter envelope: 256 KiB. */
  public static final int DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT = 256 * 1024;

  private final Supplier<ContractRegistry> contracts;
  private final int maxPayloadBytes;
  private final int maxNestingDepth;
  private final int deadLetterPayloadLimit;
  private final ErrorListener errorListener;
  private final boolean closeOnShutdown;
  private final Clock clock;
  private final java.util.Map<String, PayloadFormat> payloadFormats;

  private ClientOptions(Builder b) {
    this.payloadFormats = java.util.Map.copyOf(b.payloadFormats);
    this.contracts = b.contracts;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxNestingDepth = b.maxNestingDepth;
    this.deadLetterPayloadLimit = b.deadLetterPayloadLimit;
    this.errorListener = b.errorListener;
    this.closeOnShutdown = b.closeOnShutdown;
    this.clock = b.clock;
  }

  /** All defaults: contracts from the class path, 1 MiB, depth 64, shutdown hook. */
  public static ClientOptions defaults() {
    return builder().build();
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The contract registry; resolved when the client is created. */
  public ContractRegistry contracts() {
    return contracts.get();
  }

  /** Largest payload published or read. */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Deepest nesting read. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** Largest number of original payload bytes copied into a dead letter. */
  public int deadLetterPayloadLimit() {
    return deadLetterPayloadLimit;
  }

  /** Where asynchronous failures go. */
  public ErrorListener errorListener() {
    return errorListener;
  }

  /** Whether a JVM shutdown hook closes the client. */
  public boolean closeOnShutdown() {
    return closeOnShutdown;
  }

  /** Clock for dead-letter timestamps. */
  public Clock clock() {
    return clock;
  }

  /** Builds {@link ClientOptions}. Not thread-safe. */
  /**
   * The wire format of a subject: what this client publishes it as, and (on transports without headers, NATS
   * Streaming) what it expects to receive. Default {@link PayloadFormat#JSON}. On JetStream a listener accepts both
   * formats, told apart by the {@code Content-Type} header.
   */
  public PayloadFormat payloadFormat(String subject) {
    return payloadFormats.getOrDefault(subject, PayloadFormat.JSON);
  }

  public static final class Builder {
    private final java.util.Map<String, PayloadFormat> payloadFormats = new java.util.HashMap<>();
    private Supplier<ContractRegistry> contracts = ContractRegistry::fromClasspath;
    private int maxPayloadBytes = EventCodec.DEFAULT_MAX_PAYLOAD_BYTES;
    private int maxNestingDepth = EventCodec.DEFAULT_MAX_NESTING_DEPTH;
    private int deadLetterPayloadLimit = DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT;
    private ErrorListener errorListener = ErrorListener.NONE;
    private boolean closeOnShutdown = true;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The contracts to validate against. Default: {@link ContractRegistry#fromClasspath()}. */
    public Builder contracts(ContractRegistry contracts) {
      Objects.requireNonNull(contracts, "contracts");
      this.contracts = () -> contracts;
      return this;
    }

    /** Largest payload, in bytes, published or read; larger ones are refused unparsed. Default 1 MiB. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** Deepest nesting of arrays/objects read. Default 64. */
    public Builder maxNestingDepth(int maxNestingDepth) {
      this.maxNestingDepth = maxNestingDepth;
      return this;
    }

    /**
     * How many bytes of the original payload a dead letter carries (base64 and text); longer payloads are cut and
     * flagged {@code payloadTruncated}. Default 256 KiB, which keeps envelopes under nats-server's 1 MB limit.
     */
    public Builder deadLetterPayloadLimit(int deadLetterPayloadLimit) {
      if (deadLetterPayloadLimit < 0) {
        throw new IllegalArgumentException("deadLetterPayloadLimit must not be negative");
      }
      this.deadLetterPayloadLimit = deadLetterPayloadLimit;
      return this;
    }

    /** Receives asynchronous failures. Default: {@link ErrorListener#NONE}. */
    public Builder errorListener(ErrorListener errorListener) {
      this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
      return this;
    }

    /**
     * Register a JVM shutdown hook (runs on SIGINT/SIGTERM and normal exit) that closes the client gracefully, as
     * the seed's {@code process.on('SIGINT'|'SIGTERM', () => stan.close())}. Removed on explicit close. Default
     * {@code true}.
     */
    public Builder closeOnShutdown(boolean closeOnShutdown) {
      this.closeOnShutdown = closeOnShutdown;
      return this;
    }

    /** Clock for dead-letter timestamps. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Publishes (and, without headers, expects) a subject in this format; default {@link PayloadFormat#JSON}.
     * {@link PayloadFormat#PROTOBUF} needs a contract with a protobuf message (a {@code .proto} contract or twin)
     * and protobuf-java-util on the class path.
     */
    public Builder payloadFormat(String subject, PayloadFormat format) {
      payloadFormats.put(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(format, "format"));
      return this;
    }

    /** Builds the options. */
    public ClientOptions build() {
      if (maxPayloadBytes < 1 || maxNestingDepth < 1) {
        throw new IllegalArgumentException("maxPayloadBytes and maxNestingDepth must be positive");
      }
      return new ClientOptions(this);
    }
  }
}
