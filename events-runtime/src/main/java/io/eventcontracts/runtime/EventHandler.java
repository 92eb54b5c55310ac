package io.eventcontracts.runtime;

/**
 * Processes one valid event. Throwing leaves the message unacknowledged: it is redelivered after the ack wait and
 * dead-lettered once {@link ListenOptions#maxDeliver()} deliveries have failed.
 *
 * @param <T> the event class
 */
@FunctionalInterface
public interface EventHandler<T> {

  /** Handles one event that already passed contract validation. */
  void onMessage(T event, MessageContext context) throws Exception;
}
