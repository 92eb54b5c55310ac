package io.eventcontracts.transport.jetstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.spi.SubscriptionRequest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Consumer names are safe NATS names whatever the group or subject; subject filters match token by token. */
class NamesAndFiltersSpecTest {

  @ParameterizedTest
  @ValueSource(strings = {".", "*", ">", "/", "\\", " ", "\t", "\u0001", "\u007f"})
  void everyCharacterNatsRefusesInANameBecomesAnUnderscore(String bad) {
    assertThat(ConsumerNames.sanitize("a" + bad + "b")).isEqualTo("a_b");
  }

  @Test
  void safeCharactersStay() {
    assertThat(ConsumerNames.sanitize("ticket:created-v1_x")).isEqualTo("ticket:created-v1_x");
  }

  @Test
  void aSubscriptionIsDurableOnlyWithANonBlankDurableName() {
    assertThat(ConsumerNames.isDurable(request("orders-durable"))).isTrue();
    assertThat(ConsumerNames.isDurable(request(" "))).isFalse();
    assertThat(ConsumerNames.isDurable(request(null))).isFalse();
  }

  @Test
  void aFilterWithMoreTokensThanTheSubjectDoesNotMatchIt() {
    assertThat(SubjectMatcher.matches("orders.*", "orders")).isFalse();
    assertThat(SubjectMatcher.matches("a.b.c", "a.b")).isFalse();
    assertThat(SubjectMatcher.matches("a.>", "a.b")).isTrue();
    assertThat(SubjectMatcher.matches("a.b", "a.b.c")).isFalse();
  }

  private static SubscriptionRequest request(String durable) {
    return new SubscriptionRequest("ticket:created", "g", durable, Duration.ofSeconds(5), 10, false, 5, 1);
  }
}
