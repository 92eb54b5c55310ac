package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.spi.InboundMessage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** One delivery; acks at most once. */
final class DefaultMessageContext implements MessageContext {

  private final InboundMessage message;
  private final String queueGroup;
  private final DefaultEventMetrics.Counters counters;
  private final RecentSequences finished;
  private final AtomicBoolean acked = new AtomicBoolean();

  DefaultMessageContext(InboundMessage message, String queueGroup, DefaultEventMetrics.Counters counters,
      RecentSequences finished) {
    this.message = message;
    this.queueGroup = queueGroup;
    this.counters = counters;
    this.finished = finished;
  }

  @Override
  public void ack() {
    if (!acked.compareAndSet(false, true)) {
      return;
    }
    try {
      message.ack();
    } catch (EventException e) {
      acked.set(false);
      throw e;
    } catch (RuntimeException e) {
      acked.set(false);
      throw EventException.transport(EventException.Kind.TRANSPORT_ERROR, subject(),
          "ack of " + subject() + " #" + sequence() + " failed: " + e, e);
    }
    counters.acked.increment();
    finished.add(message.sequence());
  }

  @Override
  public void inProgress() {
    if (acked.get()) {
      return;
    }
    try {
      message.inProgress();
    } catch (RuntimeException e) {
      throw EventException.transport(EventException.Kind.TRANSPORT_ERROR, subject(),
          "in-progress signal for " + subject() + " #" + sequence() + " failed: " + e, e);
    }
  }

  @Override
  public boolean acked() {
    return acked.get();
  }

  @Override
  public String subject() {
    return message.subject();
  }

  @Override
  public long sequence() {
    return message.sequence();
  }

  @Override
  public long deliveryCount() {
    return message.deliveryCount();
  }

  @Override
  public boolean redelivered() {
    return message.deliveryCount() > 1;
  }

  @Override
  public Map<String, String> headers() {
    return message.headers() == null ? Map.of() : message.headers();
  }

  @Override
  public String queueGroup() {
    return queueGroup;
  }

  InboundMessage message() {
    return message;
  }

  @Override
  public String toString() {
    return subject() + " #" + sequence() + " (delivery " + deliveryCount() + ")";
  }
}
