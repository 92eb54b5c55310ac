package io.eventcontracts.runtime;

/** A live subscription created by {@link EventClient#subscribe} or {@link Listener#listen()}. */
public interface Subscription extends AutoCloseable {

  /** The subject listened on. */
  String subject();

  /** The queue group this subscription belongs to. */
  String queueGroup();

  /** Whether {@link #close()} or {@link #unsubscribe()} was called (or the client was closed). */
  boolean isActive();

  /**
   * Stops delivery; the durable state stays on the server so a restart resumes where this left off. Idempotent.
   */
  @Override
  void close();

  /** Stops delivery and deletes the durable state on the server (the group forgets its position). */
  void unsubscribe();
}
