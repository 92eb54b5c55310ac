package io.eventcontracts.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch of messages held behind a gate, for the receive benchmarks: before an invocation (not timed) the gate is
 * closed and the batch stored; the handlers wait at the gate; the timed part opens it and waits until every message
 * of the batch was counted.
 */
final class GatedBatch {

  private final int size;
  private final AtomicInteger received = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile CountDownLatch done = new CountDownLatch(0);

  GatedBatch(int size) {
    this.size = size;
  }

  /** Closes the gate and resets the count; call before storing the batch. */
  void close() {
    received.set(0);
    done = new CountDownLatch(1);
    gate = new CountDownLatch(1);
  }

  /** Called by the handlers before they handle a message: waits while the gate is closed. */
  void passGate() {
    CountDownLatch g = gate;
    if (g.getCount() > 0) {
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Called by the handlers once a message is handled. */
  void countOne() {
    if (received.incrementAndGet() == size) {
      done.countDown();
    }
  }

  /** The timed part: opens the gate and waits for the whole batch. */
  int release() throws InterruptedException {
    gate.countDown();
    if (!done.await(BenchSupport.BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("received " + received.get() + " of " + size + " within "
          + BenchSupport.BATCH_TIMEOUT_SECONDS + " s");
    }
    return received.get();
  }

  /** Opens the gate without waiting (tear-down: no handler stays blocked). */
  void open() {
    gate.countDown();
  }
}
