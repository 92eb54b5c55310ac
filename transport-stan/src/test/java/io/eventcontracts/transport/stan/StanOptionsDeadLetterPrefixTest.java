package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The NATS Streaming transport owns its dead-letter prefix (the client has no setting of its own). */
class StanOptionsDeadLetterPrefixTest {

  @Test
  void defaultsToTheRuntimesPrefix() {
    assertThat(StanOptions.builder().build().deadLetterPrefix()).isEqualTo("deadletter");
    assertThat(StanOptions.DEFAULT_DEAD_LETTER_PREFIX)
        .isEqualTo(io.eventcontracts.runtime.spi.Transport.DEFAULT_DEAD_LETTER_PREFIX);
  }

  @Test
  void takesAPrefixWithoutTrailingDot() {
    assertThat(StanOptions.builder().deadLetterPrefix("dlq").build().deadLetterPrefix()).isEqualTo("dlq");
    assertThatThrownBy(() -> StanOptions.builder().deadLetterPrefix("dlq."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadLetterPrefix must not end with '.', was dlq.");
    assertThatThrownBy(() -> StanOptions.builder().deadLetterPrefix(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadLetterPrefix must not be blank");
  }
}
