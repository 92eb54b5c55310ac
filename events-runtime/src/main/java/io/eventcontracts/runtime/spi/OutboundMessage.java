package io.eventcontracts.runtime.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A message ready for the wire: bytes that have already been validated against their contract.
 *
 * @param subject the NATS subject
 * @param payload the exact bytes to send (JSON of the event)
 * @param headers headers to send where the transport supports them (JetStream does, NATS Streaming does not)
 * @param messageId de-duplication key, or {@code null} for none; JetStream sends it as {@code Nats-Msg-Id} and
 *     stores a message with the same key only once within the stream's duplicate window
 */
public record OutboundMessage(String subject, byte[] payload, Map<String, String> headers, String messageId) {

  public OutboundMessage {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(payload, "payload");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
