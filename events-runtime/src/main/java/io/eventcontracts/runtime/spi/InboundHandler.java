package io.eventcontracts.runtime.spi;

/** Receives deliveries from a transport. Not acking a message means it is redelivered after the ack wait. */
@FunctionalInterface
public interface InboundHandler {
  void onMessage(InboundMessage message);
}
