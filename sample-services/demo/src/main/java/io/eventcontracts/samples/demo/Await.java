package io.eventcontracts.samples.demo;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds; fails with what was awaited and the last value seen. */
public final class Await {

  private Await() {}

  /** Waits until {@code value} returns non-null, then returns it. */
  public static <T> T until(String what, Duration timeout, Supplier<T> value) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        T v = value.get();
        if (v != null && !Boolean.FALSE.equals(v)) {
          return v;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
