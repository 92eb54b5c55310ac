package io.eventcontracts.transport.jetstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.spi.SubscriptionRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerNamesTest {

  private static SubscriptionRequest request(String subject, String group, String durable) {
    return new SubscriptionRequest(subject, group, durable, Duration.ofSeconds(5), 10, true, 5);
  }

  @Test
  void durableQueueGroupOfTheSeedIsDurablePlusSubject() {
    assertThat(ConsumerNames.of(request("ticket:created", "orders-service", "orders-service")))
        .isEqualTo("orders-service__ticket:created");
  }

  @Test
  void differentGroupAndDurableAreBothKept() {
    assertThat(ConsumerNames.of(request("ticket:created", "group", "durable")))
        .isEqualTo("group__durable__ticket:created");
  }

  @Test
  void forbiddenCharactersBecomeUnderscores() {
    assertThat(ConsumerNames.of(request("orders.created.>", null, "a b*c")))
        .isEqualTo("a_b_c__orders_created__");
  }

  @Test
  void noGroupNoDurableIsUnnamed() {
    assertThat(ConsumerNames.of(request("x", null, " "))).isNull();
    assertThat(ConsumerNames.isDurable(request("x", "g", null))).isFalse();
    assertThat(ConsumerNames.of(request("x", "g", null))).isEqualTo("g__x");
  }
}
