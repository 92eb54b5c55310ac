package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.testevents.OrderCreatedEvent;
import io.eventcontracts.runtime.testevents.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;

class EventCodecTest {

  final EventCodec codec = EventCodec.create();

  @Test
  void datesAreIsoStringsAndNullsAreOmitted() {
    assertThat(codec.mapper().isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    OrderCreatedEvent order = new OrderCreatedEvent("o1", null, OrderStatus.COMPLETE, null,
        Instant.parse("2024-05-01T10:00:00Z"), null);
    assertThat(new String(codec.write("order:created", order), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"o1\",\"status\":\"complete\",\"expiresAt\":\"2024-05-01T10:00:00Z\"}");
  }

  @Test
  void readsOffsetsAndFractionsAndIgnoresUnknownProperties() {
    for (String value : new String[] {"2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00Z"}) {
      OrderCreatedEvent order = codec.read("order:created", codec.readTree("order:created",
          ("{\"expiresAt\":\"" + value + "\",\"unknown\":1}").getBytes(StandardCharsets.UTF_8)),
          OrderCreatedEvent.class);
      assertThat(order.expiresAt).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }
    OrderCreatedEvent fractional = codec.read("order:created", codec.readTree("order:created",
        "{\"expiresAt\":\"2024-05-01T10:00:00.123Z\"}".getBytes(StandardCharsets.UTF_8)), OrderCreatedEvent.class);
    assertThat(fractional.expiresAt).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
  }

  @Test
  void deepNestingFailsFastWithoutStackOverflow() {
    byte[] deep = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.readTree("s", deep)).isInstanceOfSatisfying(EventException.class, e -> {
      assertThat(e.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD);
      assertThat(e.violations()).extracting(Violation::keyword).containsExactly("maxNestingDepth");
      assertThat(e.getMessage()).contains("64");
    });
    byte[] ok = ("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.UTF_8);
    assertThat(codec.readTree("s", ok).isArray()).isTrue();
  }

  @Test
  void oversizedPayloadIsRefusedBeforeParsing() {
    EventCodec small = EventCodec.create(10, 64);
    assertThatThrownBy(() -> small.readTree("s", "{\"a\":\"0123456789\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD);
          assertThat(e.violations()).extracting(Violation::keyword).containsExactly("maxPayloadBytes");
        });
  }

  @Test
  void emptyAndBrokenPayloadsAreUnparseable() {
    for (String payload : new String[] {"", "  ", "{", "nope", "{\"a\":1}{"}) {
      assertThatThrownBy(() -> codec.readTree("s", payload.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(EventException.class,
              e -> assertThat(e.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD));
    }
  }
}
