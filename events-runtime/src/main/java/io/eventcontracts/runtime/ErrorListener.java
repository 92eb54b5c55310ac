package io.eventcontracts.runtime;

/**
 * Receives failures that happen away from the caller's thread. Every method has a no-op default, so implement only
 * what you need. Implementations must be thread-safe and fast; exceptions they throw are logged and ignored.
 */
public interface ErrorListener {

  /** A no-op listener (the default). */
  ErrorListener NONE = new ErrorListener() {};

  /** The event handler threw; the message stays unacked and is redelivered (or dead-lettered on the last try). */
  default void handlerFailed(MessageContext context, Throwable error) {}

  /** A message was dead-lettered (invalid, unparseable, contract mismatch, or handler failed on every try). */
  default void deadLettered(MessageContext context, EventException reason) {}

  /**
   * Publishing a dead letter failed; the original message was NOT acked, so the server redelivers it and it is not
   * lost.
   */
  default void deadLetterFailed(MessageContext context, EventException reason, Throwable error) {}

  /** A publish was not acknowledged by the server (also reported through the returned future). */
  default void publishFailed(String subject, Throwable error) {}

  /** Anything else that went wrong asynchronously (ack failed, subscription close failed ...). */
  default void errorOccurred(String subject, Throwable error) {}
}
