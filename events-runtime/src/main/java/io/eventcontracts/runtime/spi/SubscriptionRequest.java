package io.eventcontracts.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * What a listener asks of the transport; the seed's subscription options, typed.
 *
 * @param subject the subject (channel) to listen on
 * @param queueGroup the queue group: each message goes to one member of the group
 * @param durableName the durable name under which the server remembers what the group has acked
 * @param ackWait how long the server waits for an ack before it redelivers
 * @param maxInFlight how many unacknowledged messages the server may have outstanding to this subscriber
 * @param deliverAllAvailable on the very first start of the durable, deliver everything the server still has
 * @param maxDeliver after how many deliveries the runtime gives up on a message (dead-letters it); the transport
 *     passes it to the server where the server supports it
 * @param concurrency how many deliveries the transport may hand to the handler at once (from as many threads)
 */
public record SubscriptionRequest(
    String subject,
    String queueGroup,
    String durableName,
    Duration ackWait,
    int maxInFlight,
    boolean deliverAllAvailable,
    int maxDeliver,
    int concurrency) {

  public SubscriptionRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(ackWait, "ackWait");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    if (maxDeliver < 1) {
      throw new IllegalArgumentException("maxDeliver must be at least 1, was " + maxDeliver);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
  }

  /** A request for one delivery at a time. */
  public SubscriptionRequest(String subject, String queueGroup, String durableName, Duration ackWait,
      int maxInFlight, boolean deliverAllAvailable, int maxDeliver) {
    this(subject, queueGroup, durableName, ackWait, maxInFlight, deliverAllAvailable, maxDeliver, 1);
  }
}
