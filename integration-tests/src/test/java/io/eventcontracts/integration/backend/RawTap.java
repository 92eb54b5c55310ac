package io.eventcontracts.integration.backend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Payloads seen by a plain subscriber, in arrival order. */
public final class RawTap implements AutoCloseable {

  private final List<byte[]> payloads = new CopyOnWriteArrayList<>();
  private volatile Runnable onClose = () -> {};

  void add(byte[] payload) {
    payloads.add(payload);
  }

  void onClose(Runnable action) {
    this.onClose = action;
  }

  /** A snapshot of what was seen so far. */
  public List<byte[]> payloads() {
    return List.copyOf(payloads);
  }

  /** A snapshot, decoded as UTF-8. */
  public List<String> texts() {
    return payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
  }

  public int size() {
    return payloads.size();
  }

  @Override
  public void close() {
    onClose.run();
  }
}
