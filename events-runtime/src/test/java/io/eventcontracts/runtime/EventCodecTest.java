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

  @Test
  void payloadsThatAreNotStrictUtf8AreUnparseableWithKeywordEncoding() {
    byte[][] refused = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},                       // UTF-8 byte order mark
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},      // overlong '/'
        {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"', '}'}, // overlong, 3 bytes
        {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // UTF-16 surrogate
        {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}, // > U+10FFFF
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},                   // truncated sequence
        {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},                   // never valid
        "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE),                           // UTF-16 without BOM
        "{\"a\":1}".getBytes(StandardCharsets.UTF_16),                             // UTF-16 with BOM
        "{\"a\":1}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")),
    };
    for (byte[] payload : refused) {
      assertThatThrownBy(() -> codec.readTree("s", payload)).isInstanceOfSatisfying(EventException.class, e -> {
        assertThat(e.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD);
        assertThat(e.violations()).extracting(Violation::keyword).containsExactly("encoding");
      });
    }
    String accepted = "{\"a\":\"caf\u00e9 \u20ac \ud83c\udfab \\u0000\"}";          // 2-, 3-, 4-byte forms, escaped NUL
    assertThat(codec.readTree("s", accepted.getBytes(StandardCharsets.UTF_8)).get("a").asString())
        .isEqualTo("caf\u00e9 \u20ac \ud83c\udfab \u0000");
  }

  @Test
  void numbersAreReadAsTheExactDecimalThePayloadHolds() {
    assertThat(codec.readTree("s", "{\"v\":1.0000000000000000001}".getBytes(StandardCharsets.UTF_8)).get("v")
        .decimalValue()).isEqualByComparingTo(new java.math.BigDecimal("1.0000000000000000001"));
    assertThat(codec.readTree("s", "{\"v\":-1e-400}".getBytes(StandardCharsets.UTF_8)).get("v").decimalValue()
        .signum()).isEqualTo(-1);
    assertThat(codec.readTree("s", "{\"v\":123456789012345678901234567890}".getBytes(StandardCharsets.UTF_8))
        .get("v").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
  }

  @Test
  void parserLimitsAreNamedByTheLimitThatWasHit() {
    String longNumber = "{\"v\":" + "1".repeat(2_000) + "}";
    String longName = "{\"" + "k".repeat(60_000) + "\":1}";
    assertThatThrownBy(() -> codec.readTree("s", longNumber.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EventException.class, e -> assertThat(e.violations())
            .extracting(Violation::keyword).containsExactly("maxNumberLength"));
    assertThatThrownBy(() -> codec.readTree("s", longName.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EventException.class, e -> assertThat(e.violations())
            .extracting(Violation::keyword).containsExactly("maxNameLength"));
  }
}
