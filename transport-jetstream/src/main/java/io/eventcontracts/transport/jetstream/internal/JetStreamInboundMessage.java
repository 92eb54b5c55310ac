package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.spi.InboundMessage;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JetStream delivery seen through the SPI. */
final class JetStreamInboundMessage implements InboundMessage {

  private final Message message;
  private final NatsJetStreamMetaData meta;
  /** Built on first use: the runtime itself only looks up single headers ({@link #header(String)}). */
  private Map<String, String> headers;
  /** {@link System#nanoTime()} when the server last (re)started this delivery's ack wait, as far as we know. */
  private volatile long ackWaitStartedNanos;

  JetStreamInboundMessage(Message message, long receivedNanos) {
    this.message = message;
    this.ackWaitStartedNanos = receivedNanos;
    this.meta = message.metaData();
  }

  /** The SPI has one value per header; JetStream allows several, the first wins. */
  static Map<String, String> flatten(Headers headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getValue() != null && !e.getValue().isEmpty()) {
        out.put(e.getKey(), e.getValue().get(0));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  Message message() {
    return message;
  }

  long ackWaitStartedNanos() {
    return ackWaitStartedNanos;
  }

  void ackWaitRestarted(long nanos) {
    ackWaitStartedNanos = nanos;
  }

  @Override
  public long waitedNanos() {
    return System.nanoTime() - ackWaitStartedNanos;
  }

  @Override
  public void inProgress() {
    try {
      message.inProgress();
      ackWaitStartedNanos = System.nanoTime();
    } catch (IllegalStateException e) {
      throw Failures.notConnected("cannot signal progress on " + subject() + " #" + sequence() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String subject() {
    return message.getSubject();
  }

  @Override
  public byte[] payload() {
    byte[] data = message.getData();
    return data == null ? new byte[0] : data;
  }

  @Override
  public Map<String, String> headers() {
    Map<String, String> h = headers;
    if (h == null) {
      h = flatten(message.getHeaders());
      headers = h;
    }
    return h;
  }

  @Override
  public String header(String name) {
    Headers h = message.getHeaders();
    if (h == null || h.isEmpty()) {
      return null;
    }
    String exact = h.getFirst(name);
    if (exact != null) {
      return exact;
    }
    List<String> any = h.getIgnoreCase(name);
    return any == null || any.isEmpty() ? null : any.get(0);
  }

  @Override
  public long sequence() {
    return meta.streamSequence();
  }

  @Override
  public long deliveryCount() {
    return meta.deliveredCount();
  }

  @Override
  public void ack() {
    try {
      message.ack();
    } catch (IllegalStateException e) {
      throw Failures.notConnected("cannot ack " + subject() + " #" + sequence() + ": " + e.getMessage()
          + " (the server will redeliver it after the ack wait)", e);
    }
  }

  @Override
  public String toString() {
    return "JetStreamInboundMessage{" + subject() + " #" + sequence() + ", delivery " + deliveryCount() + "}";
  }
}
