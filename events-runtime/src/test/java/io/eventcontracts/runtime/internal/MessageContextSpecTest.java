package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.InboundMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One delivery's context: acks at most once, remembers the finished sequence only after a successful ack, lets a
 * failed ack be retried, says "redelivered" from the second delivery on, and never reports in-progress after an ack.
 */
class MessageContextSpecTest {

  private final DefaultEventMetrics metrics = new DefaultEventMetrics();
  private final RecentSequences finished = new RecentSequences();

  @Test
  void aDeliveryIsRedeliveredFromItsSecondDeliveryOn() {
    assertThat(context(new Message(1)).redelivered()).isFalse();
    assertThat(context(new Message(2)).redelivered()).isTrue();
    assertThat(context(new Message(0)).redelivered()).isFalse();
  }

  @Test
  void ackReachesTheTransportOnceCountsOnceAndRemembersTheSequence() {
    Message m = new Message(1);
    DefaultMessageContext c = context(m);
    assertThat(c.acked()).isFalse();

    c.ack();
    c.ack();

    assertThat(c.acked()).isTrue();
    assertThat(m.acks.get()).isEqualTo(1);
    assertThat(metrics.forSubject("ticket:created").acked()).isEqualTo(1);
    assertThat(finished.contains(9)).isTrue();
  }

  @Test
  void aFailedAckIsATransportErrorNamingTheMessageAndCanBeRetried() {
    Message m = new Message(1);
    m.failAcks = 1;
    DefaultMessageContext c = context(m);

    EventException e = catchThrowableOfType(EventException.class, c::ack);

    assertThat(e.kind()).isEqualTo(EventException.Kind.TRANSPORT_ERROR);
    assertThat(e.subject()).isEqualTo("ticket:created");
    assertThat(e.getMessage()).isEqualTo("ack of ticket:created #9 failed: java.lang.IllegalStateException: lost");
    assertThat(e.getCause()).hasMessage("lost");
    assertThat(c.acked()).isFalse();
    assertThat(finished.contains(9)).isFalse();
    assertThat(metrics.forSubject("ticket:created").acked()).isZero();

    c.ack();

    assertThat(c.acked()).isTrue();
    assertThat(m.acks.get()).isEqualTo(2);
    assertThat(finished.contains(9)).isTrue();
  }

  @Test
  void anEventExceptionFromTheTransportsAckPassesThroughUnwrappedAndCanBeRetried() {
    Message m = new Message(1);
    m.ackFailure = EventException.closed("subscription");
    DefaultMessageContext c = context(m);

    EventException e = catchThrowableOfType(EventException.class, c::ack);

    assertThat(e).isSameAs(m.ackFailure);
    assertThat(c.acked()).isFalse();
  }

  @Test
  void inProgressReachesTheTransportUntilTheAckAndFailsAsATransportError() {
    Message m = new Message(1);
    DefaultMessageContext c = context(m);

    c.inProgress();
    c.ack();
    c.inProgress();

    assertThat(m.inProgress.get()).isEqualTo(1);

    Message failing = new Message(3);
    failing.failInProgress = true;
    EventException e = catchThrowableOfType(EventException.class, () -> context(failing).inProgress());
    assertThat(e.kind()).isEqualTo(EventException.Kind.TRANSPORT_ERROR);
    assertThat(e.getMessage())
        .isEqualTo("in-progress signal for ticket:created #9 failed: java.lang.IllegalStateException: gone");
  }

  @Test
  void itShowsTheMessagesFactsAndNoHeadersAsAnEmptyMap() {
    Message m = new Message(4);
    DefaultMessageContext c = context(m);

    assertThat(c.subject()).isEqualTo("ticket:created");
    assertThat(c.sequence()).isEqualTo(9);
    assertThat(c.deliveryCount()).isEqualTo(4);
    assertThat(c.queueGroup()).isEqualTo("orders");
    assertThat(c.headers()).isEmpty();
    assertThat(c.message()).isSameAs(m);
    assertThat(c).hasToString("ticket:created #9 (delivery 4)");
    m.headers = new HashMap<>(Map.of("a", "b"));
    assertThat(c.headers()).containsExactly(Map.entry("a", "b"));
  }

  private DefaultMessageContext context(Message m) {
    return new DefaultMessageContext(m, "orders", metrics.of("ticket:created"), finished);
  }

  private static final class Message implements InboundMessage {
    final long deliveryCount;
    final AtomicInteger acks = new AtomicInteger();
    final AtomicInteger inProgress = new AtomicInteger();
    int failAcks;
    RuntimeException ackFailure;
    boolean failInProgress;
    Map<String, String> headers;

    Message(long deliveryCount) {
      this.deliveryCount = deliveryCount;
    }

    @Override public String subject() { return "ticket:created"; }
    @Override public byte[] payload() { return new byte[0]; }
    @Override public Map<String, String> headers() { return headers; }
    @Override public long sequence() { return 9; }
    @Override public long deliveryCount() { return deliveryCount; }

    @Override
    public void ack() {
      acks.incrementAndGet();
      if (ackFailure != null) {
        throw ackFailure;
      }
      if (failAcks-- > 0) {
        throw new IllegalStateException("lost");
      }
    }

    @Override
    public void inProgress() {
      if (failInProgress) {
        throw new IllegalStateException("gone");
      }
      inProgress.incrementAndGet();
    }
  }
}
