package io.eventcontracts.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a subscription behaves; the typed form of the seed's {@code setDeliverAllAvailable().setManualAckMode(true)
 * .setAckWait(5000).setDurableName(queueGroupName)} chain.
 *
 * <pre>{@code
 * ListenOptions options = ListenOptions.builder("orders-service").ackWait(Duration.ofSeconds(10)).build();
 * }</pre>
 *
 * @param queueGroup the queue group; each message goes to one member. Required
 * @param durableName name under which the server remembers the group's position. Default: the queue group
 * @param ackWait how long the server waits for an ack before redelivering. Default 5 s
 * @param maxInFlight how many unacked messages may be outstanding to this subscriber. Default 64
 * @param maxDeliver deliveries after which a failing message is dead-lettered. Default 5
 * @param autoAck ack automatically when the handler returns normally. Default {@code false} (manual, as the seed)
 * @param deliverAllAvailable on the durable's very first start, deliver everything the server still has. Default
 *     {@code true}
 * @param concurrency how many deliveries of this subscription are processed (parsed, validated, handled) at once,
 *     each on its own thread; {@code 1} (the default) keeps the seed's one-at-a-time order. Capped by
 *     {@code maxInFlight}
 */
public record ListenOptions(
    String queueGroup,
    String durableName,
    Duration ackWait,
    int maxInFlight,
    int maxDeliver,
    boolean autoAck,
    boolean deliverAllAvailable,
    int concurrency) {

  /** Default ack wait: 5 seconds, as in the seed services. */
  public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(5);
  /** Default limit of unacknowledged messages in flight. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 64;
  /** Default number of deliveries before a failing message is dead-lettered. */
  public static final int DEFAULT_MAX_DELIVER = 5;

  /** Applies the defaults for {@code null} durable name and ack wait, and checks the ranges. */
  public ListenOptions {
    Objects.requireNonNull(queueGroup, "queueGroup");
    if (queueGroup.isBlank()) {
      throw new IllegalArgumentException("queueGroup must not be blank");
    }
    durableName = durableName == null ? queueGroup : durableName;
    ackWait = ackWait == null ? DEFAULT_ACK_WAIT : ackWait;
    if (ackWait.isNegative() || ackWait.isZero()) {
      throw new IllegalArgumentException("ackWait must be positive, was " + ackWait);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    if (maxDeliver < 1) {
      throw new IllegalArgumentException("maxDeliver must be at least 1, was " + maxDeliver);
    }
    if (concurrency < 1 || concurrency > maxInFlight) {
      throw new IllegalArgumentException("concurrency must be between 1 and maxInFlight (" + maxInFlight
          + "), was " + concurrency);
    }
  }

  /** Options processing one delivery at a time (the form before {@code concurrency} existed). */
  public ListenOptions(String queueGroup, String durableName, Duration ackWait, int maxInFlight, int maxDeliver,
      boolean autoAck, boolean deliverAllAvailable) {
    this(queueGroup, durableName, ackWait, maxInFlight, maxDeliver, autoAck, deliverAllAvailable, 1);
  }

  /** Options with every default for {@code queueGroup}. */
  public static ListenOptions of(String queueGroup) {
    return builder(queueGroup).build();
  }

  /** A builder preset with the defaults. */
  public static Builder builder(String queueGroup) {
    return new Builder().queueGroup(queueGroup);
  }

  /** A builder preset with the defaults; {@link Builder#queueGroup(String)} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ListenOptions}; every setter documents its default. */
  public static final class Builder {
    private String queueGroup;
    private String durableName;
    private Duration ackWait = DEFAULT_ACK_WAIT;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private int maxDeliver = DEFAULT_MAX_DELIVER;
    private boolean autoAck;
    private boolean deliverAllAvailable = true;
    private int concurrency = 1;

    private Builder() {}

    /** The queue group. Required. */
    public Builder queueGroup(String queueGroup) {
      this.queueGroup = queueGroup;
      return this;
    }

    /** Durable name. Default: the queue group. */
    public Builder durableName(String durableName) {
      this.durableName = durableName;
      return this;
    }

    /** Ack wait. Default 5 s. */
    public Builder ackWait(Duration ackWait) {
      this.ackWait = ackWait;
      return this;
    }

    /** Unacked messages in flight. Default 64. */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Deliveries before a failing message is dead-lettered. Default 5. */
    public Builder maxDeliver(int maxDeliver) {
      this.maxDeliver = maxDeliver;
      return this;
    }

    /** Ack when the handler returns normally. Default {@code false}. */
    public Builder autoAck(boolean autoAck) {
      this.autoAck = autoAck;
      return this;
    }

    /** Deliver all stored messages on the durable's first start. Default {@code true}. */
    public Builder deliverAllAvailable(boolean deliverAllAvailable) {
      this.deliverAllAvailable = deliverAllAvailable;
      return this;
    }

    /**
     * Deliveries processed at once, each on its own thread. Default 1 (in order, one at a time). Raise it for
     * handlers that wait on I/O or to validate on more than one core; order across messages is then not kept.
     */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** Builds the options; fails if the queue group is missing or a value is out of range. */
    public ListenOptions build() {
      return new ListenOptions(queueGroup, durableName, ackWait, maxInFlight, maxDeliver, autoAck,
          deliverAllAvailable, concurrency);
    }
  }
}
