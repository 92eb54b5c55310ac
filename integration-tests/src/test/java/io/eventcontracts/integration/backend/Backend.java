package io.eventcontracts.integration.backend;

import io.eventcontracts.runtime.spi.Transport;
import java.util.List;

/**
 * A broker the runtime scenarios run against, with the raw (non-validating) tools the scenarios need to look past
 * the runtime: a seed-style publisher, a plain subscriber, and a reader of the dead-letter subject. One instance per
 * test; {@link #close()} stops everything it started.
 */
public interface Backend extends AutoCloseable {

  /** For test names and failure messages. */
  String name();

  /** A new connected transport, as one service replica opens it; the caller's {@code EventClient} closes it. */
  Transport connect(String serviceName);

  /**
   * Whether the server still has the client of {@code transport} registered: the JetStream connection listed by the
   * server's monitoring endpoint, or the NATS Streaming client id.
   */
  boolean serverKnows(Transport transport);

  /**
   * Publishes {@code payload} on {@code subject} as a seed service does: bare bytes, no headers, no validation.
   * Returns once the server has received it (in order with earlier raw publishes).
   */
  void publishRaw(String subject, byte[] payload);

  /**
   * Starts a plain subscriber on {@code subject} (core NATS subscription for JetStream, a raw NATS Streaming
   * subscription delivering everything stored for STAN) and collects every payload it sees.
   */
  RawTap tap(String subject);

  /**
   * The dead letters stored for {@code subject} ({@code deadletter.<subject>}), in order, each the envelope bytes.
   * Waits up to the scenario timeout until at least {@code atLeast} are there; returns what is there then.
   */
  List<byte[]> deadLetters(String subject, int atLeast);

  /** The largest message the broker accepts (its {@code max_payload}), in bytes. */
  int maxPayloadBytes();

  /** Why {@link #restartServer()} is not supported, or {@code null} when it is. */
  String restartUnsupportedReason();

  /** Restarts the broker gracefully on the same port with the same store; clients reconnect on their own. */
  void restartServer();

  @Override
  void close();
}
