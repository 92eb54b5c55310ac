package io.eventcontracts.integration.backend;

import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.Subjects;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JetStream on a real {@code nats-server} (file store, {@code max_payload} 2 MiB, monitoring port on) started by
 * {@link NatsServerRunner}. Raw publishes are core NATS publishes without headers (what a seed service sends into a
 * subject the event stream captures); dead letters are read from the {@code EVENTCONTRACTS_DEADLETTER} stream.
 */
public final class JetStreamBackend implements Backend {

  /** The transport's default dead-letter stream. */
  public static final String DEAD_LETTER_STREAM = JetStreamOptions.DEFAULT_DEAD_LETTER_STREAM;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> SUBJECTS = Arrays.stream(Subjects.values()).map(Subjects::value).toList();

  private final LargePayloadConfig config;
  private final int monitorPort;
  private final NatsServerRunner server;
  private final List<Transport> transports = new CopyOnWriteArrayList<>();
  private Connection raw;

  private JetStreamBackend(LargePayloadConfig config, int monitorPort, NatsServerRunner server) {
    this.config = config;
    this.monitorPort = monitorPort;
    this.server = server;
  }

  /** Starts a fresh server. */
  public static JetStreamBackend start() {
    LargePayloadConfig config = LargePayloadConfig.create();
    int monitorPort = NatsServerRunner.freePort();
    try {
      NatsServerRunner server = NatsServerRunner.start(config.serverArgs("-m", Integer.toString(monitorPort)));
      return new JetStreamBackend(config, monitorPort, server);
    } catch (RuntimeException e) {
      config.close();
      throw e;
    }
  }

  /** The server's client URL (for clients in other processes, e.g. Node). */
  public String url() {
    return server.url();
  }

  @Override
  public String name() {
    return "JetStream (nats-server " + server.url() + ")";
  }

  @Override
  public Transport connect(String serviceName) {
    JetStreamTransport transport = JetStreamTransport.connect(JetStreamOptions.builder()
        .servers(server.url())
        .serviceName(serviceName)
        .subjects(SUBJECTS)
        .reconnectWait(Duration.ofMillis(100))
        .drainTimeout(Duration.ofSeconds(2))
        .build());
    transports.add(transport);
    return transport;
  }

  @Override
  public boolean serverKnows(Transport transport) {
    String name = ((JetStreamTransport) transport).connectionName();
    JsonNode connz = JSON.readTree(monitor("/connz?limit=4096"));
    for (JsonNode connection : connz.path("connections")) {
      if (name.equals(connection.path("name").asString(""))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void publishRaw(String subject, byte[] payload) {
    try {
      raw().publish(subject, payload);
      raw().flush(Duration.ofSeconds(5));
    } catch (TimeoutException | InterruptedException e) {
      throw new IllegalStateException("raw publish to " + subject + " not flushed", e);
    }
  }

  /** A core NATS publish with headers (e.g. a protobuf payload marked by its Content-Type). */
  public void publishRaw(String subject, byte[] payload, java.util.Map<String, String> headers) {
    io.nats.client.impl.Headers natsHeaders = new io.nats.client.impl.Headers();
    headers.forEach(natsHeaders::add);
    Connection c = raw();
    c.publish(subject, natsHeaders, payload);
    try {
      c.flush(Duration.ofSeconds(5));
    } catch (TimeoutException | InterruptedException e) {
      throw new IllegalStateException("raw publish on " + subject + " not flushed", e);
    }
  }

  @Override
  public RawTap tap(String subject) {
    RawTap tap = new RawTap();
    Connection c = raw();
    Dispatcher dispatcher = c.createDispatcher(m -> tap.add(m.getData() == null ? new byte[0] : m.getData()));
    dispatcher.subscribe(subject);
    try {
      c.flush(Duration.ofSeconds(5)); // the server knows the subscription before anyone publishes
    } catch (TimeoutException | InterruptedException e) {
      throw new IllegalStateException("tap on " + subject + " not registered", e);
    }
    tap.onClose(() -> c.closeDispatcher(dispatcher));
    return tap;
  }

  @Override
  public List<byte[]> deadLetters(String subject, int atLeast) {
    String deadLetterSubject = "deadletter." + subject;
    long deadline = System.nanoTime() + Waits.TIMEOUT.toNanos();
    while (true) {
      List<byte[]> found = readStream(DEAD_LETTER_STREAM, deadLetterSubject);
      if (found.size() >= atLeast || System.nanoTime() > deadline) {
        return found;
      }
      Waits.sleep(Duration.ofMillis(50));
    }
  }

  /** Number of messages the event stream stores (all subjects). */
  public long storedEventCount() {
    try {
      return raw().jetStreamManagement().getStreamInfo(JetStreamOptions.DEFAULT_STREAM).getStreamState()
          .getMsgCount();
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("cannot read stream " + JetStreamOptions.DEFAULT_STREAM, e);
    }
  }

  @Override
  public int maxPayloadBytes() {
    return LargePayloadConfig.MAX_PAYLOAD_BYTES;
  }

  @Override
  public String restartUnsupportedReason() {
    return null;
  }

  @Override
  public void restartServer() {
    server.restart();
  }

  @Override
  public void close() {
    try {
      for (Transport t : transports) {
        try {
          t.close();
        } catch (RuntimeException ignored) {
          // already closed by its client, or the server is gone
        }
      }
      if (raw != null) {
        try {
          raw.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      server.close();
      config.close();
    }
  }

  private synchronized Connection raw() {
    if (raw == null) {
      try {
        raw = Nats.connect(new io.nats.client.Options.Builder()
            .server(server.url())
            .connectionName("seed-style-raw-client")
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(100))
            .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return raw;
  }

  private List<byte[]> readStream(String stream, String subject) {
    try {
      JetStreamManagement jsm = raw().jetStreamManagement();
      StreamState state;
      try {
        state = jsm.getStreamInfo(stream).getStreamState();
      } catch (JetStreamApiException notYetCreated) {
        return List.of();
      }
      List<byte[]> found = new ArrayList<>();
      for (long seq = state.getFirstSequence(); seq <= state.getLastSequence() && state.getMsgCount() > 0; seq++) {
        MessageInfo info = jsm.getMessage(stream, seq);
        if (subject.equals(info.getSubject())) {
          found.add(info.getData() == null ? new byte[0] : info.getData());
        }
      }
      return found;
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("cannot read stream " + stream + ": " + e.getMessage(), e);
    }
  }

  private String monitor(String path) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + monitorPort + path).toURL()
          .openConnection();
      http.setConnectTimeout(2000);
      http.setReadTimeout(2000);
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } finally {
        http.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("monitoring endpoint " + path + " unreachable", e);
    }
  }
}
