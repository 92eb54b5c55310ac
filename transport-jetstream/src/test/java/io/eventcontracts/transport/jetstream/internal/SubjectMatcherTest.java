package io.eventcontracts.transport.jetstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectMatcherTest {

  @Test
  void matchesLiteralsAndWildcards() {
    assertThat(SubjectMatcher.matches("ticket:created", "ticket:created")).isTrue();
    assertThat(SubjectMatcher.matches("ticket:created", "ticket:updated")).isFalse();
    assertThat(SubjectMatcher.matches("deadletter.>", "deadletter.ticket:created")).isTrue();
    assertThat(SubjectMatcher.matches("deadletter.>", "deadletter.a.b")).isTrue();
    assertThat(SubjectMatcher.matches("deadletter.>", "deadletter")).isFalse();
    assertThat(SubjectMatcher.matches("orders.*", "orders.created")).isTrue();
    assertThat(SubjectMatcher.matches("orders.*", "orders.created.v1")).isFalse();
    assertThat(SubjectMatcher.matches("orders.*.v1", "orders.x.v1")).isTrue();
  }
}
