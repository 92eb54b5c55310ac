package io.eventcontracts.integration.backend;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling waits shared by backends and scenarios. */
public final class Waits {

  /** Upper bound of every wait; generous for slow CI machines, never reached when things work. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Waits() {}

  /** Waits until {@code condition} holds, failing with {@code what} (and its current state) after {@link #TIMEOUT}. */
  public static void await(String what, BooleanSupplier condition) {
    await(what, condition, () -> "");
  }

  /** As {@link #await(String, BooleanSupplier)}, describing the state on timeout with {@code state}. */
  public static void await(String what, BooleanSupplier condition, Supplier<Object> state) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; now: " + state.get());
      }
      sleep(Duration.ofMillis(10));
    }
  }

  /** Sleeps, keeping the interrupt flag. */
  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
