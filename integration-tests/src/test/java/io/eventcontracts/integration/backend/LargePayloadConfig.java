package io.eventcontracts.integration.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A nats-server configuration file that raises {@code max_payload} from the default 1 MiB to 2 MiB. nats-server 2.9
 * has no command-line flag for it, so {@code NatsServerRunner.start("-c", file)} is the way; the runner's own flags
 * (address, port, JetStream, store) still apply on top of the file.
 *
 * <p>Why: the scenarios inject a payload of 1 MiB + 1 KiB, which the runtime must refuse by its own 1 MiB limit.
 * With the default {@code max_payload} the broker would refuse it first and the runtime limit would never be
 * exercised. NATS Streaming adds its protobuf envelope on top of the payload, which also needs the room.
 */
final class LargePayloadConfig implements AutoCloseable {

  /** The {@code max_payload} the file sets. */
  static final int MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

  private final Path file;

  private LargePayloadConfig(Path file) {
    this.file = file;
  }

  static LargePayloadConfig create() {
    try {
      Path file = Files.createTempFile("eventcontracts-it-nats-", ".conf");
      Files.writeString(file, "# written by the integration tests\nmax_payload: " + MAX_PAYLOAD_BYTES + "\n");
      return new LargePayloadConfig(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Arguments for {@code NatsServerRunner.start}. */
  String[] serverArgs(String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "-c";
    args[1] = file.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return args;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
