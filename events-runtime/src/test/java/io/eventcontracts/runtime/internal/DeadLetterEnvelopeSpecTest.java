package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter envelope field by field (docs/dead-letters.md), and every bound at its limit and one past it: what
 * is kept whole at the limit is cut one character (or byte, violation, header) later, marked with its length.
 */
class DeadLetterEnvelopeSpecTest {

  private static final Contract CONTRACT = new Contract("https://eventcontracts.io/schemas/test/ticket-created.json",
      "TicketCreated", "event", "ticket:created", 3, "META-INF/eventcontracts/schemas/ticket-created.json", null);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  // ------------------------------------------------------------------------------------------ fields

  @Test
  void anEnvelopeNamesTheMessageTheContractTheReasonAndCarriesThePayload() {
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(),
        List.of(new Violation("/id", "must be a string", "type")));

    JsonNode root = envelope(context("ticket:created", Map.of("Nats-Msg-Id", "abc")), reason,
        "{\"id\":1}".getBytes(StandardCharsets.UTF_8), 1024);

    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("subject").asString()).isEqualTo("ticket:created");
    assertThat(root.get("sequence").asLong()).isEqualTo(7);
    assertThat(root.get("deliveryCount").asLong()).isEqualTo(2);
    assertThat(root.get("queueGroup").asString()).isEqualTo("orders-service");
    assertThat(root.get("durableName").asString()).isEqualTo("orders-durable");
    assertThat(root.get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
    assertThat(root.get("error").asString()).isEqualTo(reason.getMessage());
    assertThat(root.get("violations").get(0).get("pointer").asString()).isEqualTo("/id");
    assertThat(root.get("violations").get(0).get("message").asString()).isEqualTo("must be a string");
    assertThat(root.get("violations").get(0).get("keyword").asString()).isEqualTo("type");
    assertThat(root.has("violationsOmitted")).isFalse();
    assertThat(root.get("contractId").asString()).isEqualTo(CONTRACT.id());
    assertThat(root.get("contractVersion").asInt()).isEqualTo(3);
    assertThat(root.get("headers").get("Nats-Msg-Id").asString()).isEqualTo("abc");
    assertThat(root.has("headersOmitted")).isFalse();
    assertThat(root.get("payloadSize").asInt()).isEqualTo(8);
    assertThat(root.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(root.get("payloadBase64").asString())
        .isEqualTo(Base64.getEncoder().encodeToString("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
    assertThat(root.get("payloadText").asString()).isEqualTo("{\"id\":1}");
    assertThat(root.get("timestamp").asString()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(root.has("exception")).isFalse();
    assertThat(root.has("stackTrace")).isFalse();
  }

  @Test
  void aFailedHandlerAddsItsExceptionClassAndStackTrace() {
    IllegalStateException boom = new IllegalStateException("boom");
    EventException reason = EventException.handlerFailed("ticket:created", 5, boom);

    JsonNode root = envelope(context("ticket:created", Map.of()), reason, new byte[] {'{', '}'}, 1024);

    assertThat(root.get("reason").asString()).isEqualTo("HANDLER_FAILED");
    assertThat(root.get("exception").asString()).isEqualTo("java.lang.IllegalStateException");
    assertThat(root.get("stackTrace").asString()).startsWith("java.lang.IllegalStateException: boom")
        .contains("aFailedHandlerAddsItsExceptionClassAndStackTrace");
  }

  @Test
  void aFailedHandlerWithoutACauseAndOtherReasonsWithACauseCarryNoStackTrace() {
    EventException noCause = new EventException(EventException.Kind.HANDLER_FAILED, "ticket:created", "failed",
        null, null);
    EventException unparseable = EventException.unparseable("ticket:created", new Violation("", "not JSON", "syntax"),
        new IllegalArgumentException("bad"));

    assertThat(envelope(context("ticket:created", Map.of()), noCause, new byte[0], 1024).has("stackTrace")).isFalse();
    JsonNode root = envelope(context("ticket:created", Map.of()), unparseable, new byte[0], 1024);
    assertThat(root.has("exception")).isFalse();
    assertThat(root.has("stackTrace")).isFalse();
  }

  @Test
  void transportHeadersNameTheReasonAndTheOriginalSubject() {
    EventException reason = EventException.maxDeliverExceeded("ticket:created", 6, 5);

    assertThat(DeadLetters.headers(reason, context("ticket:created", Map.of()))).containsExactlyInAnyOrderEntriesOf(
        Map.of("Content-Type", "application/json", "Ec-Dead-Letter-Reason", "MAX_DELIVER_EXCEEDED",
            "Ec-Original-Subject", "ticket:created"));
  }

  // ------------------------------------------------------------------------------------------ payload bounds

  @Test
  void aPayloadOfExactlyTheLimitIsKeptWholeAndOneByteMoreIsTruncatedToTheLimit() {
    EventException reason = EventException.unparseable("ticket:created", new Violation("", "x", "syntax"), null);
    byte[] atLimit = "a".repeat(100).getBytes(StandardCharsets.UTF_8);
    byte[] overLimit = "a".repeat(101).getBytes(StandardCharsets.UTF_8);

    JsonNode kept = envelope(context("ticket:created", Map.of()), reason, atLimit, 100);
    JsonNode cut = envelope(context("ticket:created", Map.of()), reason, overLimit, 100);

    assertThat(kept.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(kept.get("payloadText").asString()).hasSize(100);
    assertThat(cut.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(cut.get("payloadSize").asInt()).isEqualTo(101);
    assertThat(Base64.getDecoder().decode(cut.get("payloadBase64").asString())).hasSize(100);
    assertThat(cut.get("payloadText").asString()).isEqualTo("a".repeat(100));
  }

  @Test
  void theEnvelopeBoundIsTwiceThePayloadLimitPlus64KiB() {
    assertThat(DeadLetters.maxEnvelopeBytes(0)).isEqualTo(65_536);
    assertThat(DeadLetters.maxEnvelopeBytes(256 * 1024)).isEqualTo(589_824);
  }

  @Test
  void aPayloadTextThatWouldBreakTheBoundIsDroppedAndMarkedWhileTheRestStays() {
    // 40,000 control bytes: base64 ≈ 53 KB, the JSON-escaped text 240 KB, the bound 2 × 40,000 + 64 KiB = 145,536
    byte[] payload = new byte[40_000];
    java.util.Arrays.fill(payload, (byte) 1);
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(),
        List.of(new Violation("/a", "m", "type")));
    Map<String, String> headers = Map.of("A", "1");

    byte[] bytes = DeadLetters.envelope(context("ticket:created", headers), "d", CONTRACT, reason, payload, 40_000,
        NOW);
    JsonNode root = JSON.readTree(bytes);

    assertThat(bytes.length).isLessThanOrEqualTo(DeadLetters.maxEnvelopeBytes(40_000));
    assertThat(root.has("payloadText")).isFalse();
    assertThat(root.get("payloadTextOmitted").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(root.get("payloadBase64").asString())).isEqualTo(payload);
    assertThat(root.get("error").asString()).isEqualTo(reason.getMessage());
    assertThat(root.get("headers").get("A").asString()).isEqualTo("1");
    assertThat(root.has("headersOmitted")).isFalse();
  }

  @Test
  void whenEvenThatIsTooLargeTheErrorViolationsHeadersAndStackAreShrunkToo() {
    // a 1-byte payload limit leaves a 64 KiB + 2 bound; 32 headers of 512 control characters (escaped sixfold:
    // ≈ 100 KB) break it after the payload text is gone, so the third step shrinks the rest
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i < 32; i++) {
      headers.put("H" + i, "\u0001".repeat(512));
    }
    List<Violation> many = IntStream.range(0, 10).mapToObj(i -> new Violation("/" + i, "m" + i, "type")).toList();
    EventException reason = new EventException(EventException.Kind.HANDLER_FAILED, "ticket:created",
        "e".repeat(5_000), many, new IllegalStateException("x".repeat(5_000)));

    byte[] bytes = DeadLetters.envelope(context("ticket:created", headers), "d", CONTRACT, reason, new byte[] {1},
        1, NOW);
    JsonNode root = JSON.readTree(bytes);

    assertThat(bytes.length).isLessThanOrEqualTo(DeadLetters.maxEnvelopeBytes(1));
    assertThat(root.get("payloadTextOmitted").asBoolean()).isTrue();
    assertThat(root.get("error").asString()).startsWith("e".repeat(1024) + "...(")
        .isEqualTo(reason.getMessage().substring(0, 1024) + "...(" + reason.getMessage().length() + " chars)");
    assertThat(root.get("violations")).hasSize(3);
    assertThat(root.get("violationsOmitted").asInt()).isEqualTo(7);
    assertThat(root.get("headers").isEmpty()).isTrue();
    assertThat(root.get("headersOmitted").asInt()).isEqualTo(32);
    assertThat(root.get("stackTrace").asString()).matches("(?s).{1024}\\.\\.\\.\\(\\d+ chars\\)");
  }

  // ------------------------------------------------------------------------------------------ text bounds

  @Test
  void aViolationsPointerMessageAndKeywordAreKeptAtTheirLimitAndCutOneCharacterLater() {
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(), List.of(
        new Violation("/" + "p".repeat(DeadLetters.MAX_POINTER_CHARS - 1), "m".repeat(
            DeadLetters.MAX_VIOLATION_MESSAGE_CHARS), "k".repeat(DeadLetters.MAX_KEYWORD_CHARS)),
        new Violation("/" + "p".repeat(DeadLetters.MAX_POINTER_CHARS), "m".repeat(
            DeadLetters.MAX_VIOLATION_MESSAGE_CHARS + 1), "k".repeat(DeadLetters.MAX_KEYWORD_CHARS + 1))));

    JsonNode v = envelope(context("ticket:created", Map.of()), reason, new byte[0], 10).get("violations");

    assertThat(v.get(0).get("pointer").asString()).hasSize(200).doesNotContain("...");
    assertThat(v.get(0).get("message").asString()).isEqualTo("m".repeat(300));
    assertThat(v.get(0).get("keyword").asString()).isEqualTo("k".repeat(50));
    assertThat(v.get(1).get("pointer").asString()).isEqualTo("/" + "p".repeat(199) + "...(201 chars)");
    assertThat(v.get(1).get("message").asString()).isEqualTo("m".repeat(300) + "...(301 chars)");
    assertThat(v.get(1).get("keyword").asString()).isEqualTo("k".repeat(50) + "...(51 chars)");
  }

  @Test
  void theErrorTextIsKeptAt8KiBAndCutOneCharacterLater() {
    EventException at = EventException.transport(EventException.Kind.HANDLER_FAILED, "s", "e".repeat(8 * 1024),
        null);
    EventException over = EventException.transport(EventException.Kind.HANDLER_FAILED, "s", "e".repeat(8 * 1024 + 1),
        null);

    assertThat(envelope(context("s", Map.of()), at, new byte[0], 10).get("error").asString())
        .isEqualTo("e".repeat(8192));
    assertThat(envelope(context("s", Map.of()), over, new byte[0], 10).get("error").asString())
        .isEqualTo("e".repeat(8192) + "...(8193 chars)");
  }

  @Test
  void theSubjectIsKeptAt512CharactersInTheEnvelopeAndTheHeaderAndCutOneLater() {
    String at = "s".repeat(512);
    String over = "s".repeat(513);
    EventException reason = EventException.closed("x");

    assertThat(envelope(context(at, Map.of()), reason, new byte[0], 10).get("subject").asString()).isEqualTo(at);
    assertThat(envelope(context(over, Map.of()), reason, new byte[0], 10).get("subject").asString())
        .isEqualTo(at + "...(513 chars)");
    assertThat(DeadLetters.headers(reason, context(over, Map.of())).get("Ec-Original-Subject"))
        .isEqualTo(at + "...(513 chars)");
  }

  @Test
  void twentyViolationsAreAllKeptAndTheTwentyFirstIsCounted() {
    JsonNode twenty = envelope(context("s", Map.of()), violations(20), new byte[0], 10);
    JsonNode twentyOne = envelope(context("s", Map.of()), violations(21), new byte[0], 10);

    assertThat(twenty.get("violations")).hasSize(20);
    assertThat(twenty.has("violationsOmitted")).isFalse();
    assertThat(twentyOne.get("violations")).hasSize(20);
    assertThat(twentyOne.get("violationsOmitted").asInt()).isEqualTo(1);
  }

  @Test
  void thirtyTwoHeadersAreKeptInNameOrderAndTheThirtyThirdIsCounted() {
    Map<String, String> h32 = headers(32);
    Map<String, String> h33 = headers(33);

    JsonNode kept = envelope(context("s", h32), violations(1), new byte[0], 10);
    JsonNode cut = envelope(context("s", h33), violations(1), new byte[0], 10);

    assertThat(kept.get("headers").size()).isEqualTo(32);
    assertThat(kept.has("headersOmitted")).isFalse();
    assertThat(cut.get("headers").size()).isEqualTo(32);
    assertThat(cut.get("headersOmitted").asInt()).isEqualTo(1);
    assertThat(cut.get("headers").has("H32")).isFalse(); // "H32" sorts after H00..H31
    assertThat(cut.get("headers").has("H00")).isTrue();
  }

  @Test
  void headerNamesAreKeptAt128AndValuesAt512CharactersAndCutOneLater() {
    Map<String, String> headers = Map.of("a".repeat(128), "v".repeat(512), "b".repeat(129), "w".repeat(513));

    JsonNode h = envelope(context("s", headers), violations(1), new byte[0], 10).get("headers");

    assertThat(h.get("a".repeat(128)).asString()).isEqualTo("v".repeat(512));
    assertThat(h.get("b".repeat(128) + "...(129 chars)").asString()).isEqualTo("w".repeat(512) + "...(513 chars)");
  }

  // ------------------------------------------------------------------------------------------ the log line

  @Test
  void theLogLineListsFiveViolationsAndCountsTheSixth() {
    assertThat(DeadLetters.reasons(violations(5)))
        .isEqualTo("/0: m0 [type]; /1: m1 [type]; /2: m2 [type]; /3: m3 [type]; /4: m4 [type]");
    assertThat(DeadLetters.reasons(violations(6)))
        .isEqualTo("/0: m0 [type]; /1: m1 [type]; /2: m2 [type]; /3: m3 [type]; /4: m4 [type]; ... and 1 more");
  }

  @Test
  void theLogLineWritesTheRootPointerAsASlashAndCutsEachPart() {
    EventException reason = EventException.invalidPayload("s", "c", List.of(
        new Violation("", "m".repeat(120), "k".repeat(40)),
        new Violation("/" + "p".repeat(80), "m".repeat(121), "k".repeat(41))));

    assertThat(DeadLetters.reasons(reason)).isEqualTo("/: " + "m".repeat(120) + " [" + "k".repeat(40) + "]; /"
        + "p".repeat(79) + "...(81 chars): " + "m".repeat(120) + "...(121 chars) [" + "k".repeat(40)
        + "...(41 chars)]");
  }

  @Test
  void withoutViolationsTheLogLineIsTheFirstLineOfTheMessage() {
    assertThat(DeadLetters.reasons(EventException.transport(EventException.Kind.HANDLER_FAILED, "s",
        "first line\nsecond line", null))).isEqualTo("first line");
    assertThat(DeadLetters.reasons(EventException.closed("client"))).isEqualTo("client is closed");
    assertThat(DeadLetters.reasons(EventException.transport(EventException.Kind.HANDLER_FAILED, "s", null, null)))
        .isEqualTo("null");
  }

  @Test
  void theWholeLogLineIsKeptAt1500CharactersAndCutOneLater() {
    String at = "x".repeat(DeadLetters.MAX_LOGGED_CHARS);
    String over = "x".repeat(DeadLetters.MAX_LOGGED_CHARS + 1);

    assertThat(DeadLetters.reasons(EventException.closed(at.substring(10)))).hasSize(1500);
    assertThat(DeadLetters.reasons(EventException.transport(EventException.Kind.HANDLER_FAILED, "s", at, null)))
        .isEqualTo(at);
    assertThat(DeadLetters.reasons(EventException.transport(EventException.Kind.HANDLER_FAILED, "s", over, null)))
        .isEqualTo(at + "...(1501 chars)");
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static JsonNode envelope(MessageContext context, EventException reason, byte[] payload, int limit) {
    return JSON.readTree(DeadLetters.envelope(context, "orders-durable", CONTRACT, reason, payload, limit, NOW));
  }

  private static EventException violations(int n) {
    return EventException.invalidPayload("s", "c",
        IntStream.range(0, n).mapToObj(i -> new Violation("/" + i, "m" + i, "type")).toList());
  }

  private static Map<String, String> headers(int n) {
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i < n; i++) {
      h.put("H%02d".formatted(i), "v" + i);
    }
    return h;
  }

  private static MessageContext context(String subject, Map<String, String> headers) {
    return new MessageContext() {
      @Override public void ack() {}
      @Override public boolean acked() { return false; }
      @Override public String subject() { return subject; }
      @Override public long sequence() { return 7; }
      @Override public long deliveryCount() { return 2; }
      @Override public boolean redelivered() { return true; }
      @Override public Map<String, String> headers() { return headers; }
      @Override public String queueGroup() { return "orders-service"; }
    };
  }
}
