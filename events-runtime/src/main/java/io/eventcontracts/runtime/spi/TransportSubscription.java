package io.eventcontracts.runtime.spi;

/** A live subscription of a transport. */
public interface TransportSubscription extends AutoCloseable {

  /** Stops delivery; the durable state stays on the server, so a restart resumes where this left off. */
  @Override
  void close();

  /** Stops delivery and deletes the durable state on the server. */
  void unsubscribe();
}
