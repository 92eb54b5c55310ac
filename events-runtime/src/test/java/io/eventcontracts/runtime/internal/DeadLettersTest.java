package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Violation;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter envelope stays small enough for the broker whatever the payload it carries. */
class DeadLettersTest {

  private static final int LIMIT = 256 * 1024;
  private static final Contract CONTRACT = new Contract("https://eventcontracts.io/schemas/test/ticket-created.json",
      "TicketCreated", "event", "ticket:created", 1, "META-INF/eventcontracts/schemas/ticket-created.json", null);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "300,000 bytes of 0x{0}")
  @ValueSource(strings = {"01", "FF", "22", "41"})
  void envelopeIsBoundedEvenWhenThePayloadExpandsAsJsonText(String hexByte) {
    byte[] payload = new byte[300_000];
    Arrays.fill(payload, (byte) Integer.parseInt(hexByte, 16));
    EventException reason = EventException.unparseable("ticket:created",
        new Violation("", "not JSON", "syntax"), null);

    byte[] envelope = DeadLetters.envelope(context(), "orders-service", CONTRACT, reason, payload, LIMIT,
        Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(envelope.length).isLessThanOrEqualTo(DeadLetters.maxEnvelopeBytes(LIMIT));
    JsonNode root = JSON.readTree(envelope);
    assertThat(root.get("payloadSize").asInt()).isEqualTo(300_000);
    assertThat(root.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(root.get("payloadBase64").asString()))
        .isEqualTo(Arrays.copyOf(payload, LIMIT));
  }

  @Test
  void printablePayloadKeepsItsText() {
    byte[] payload = "{\"id\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(),
        List.of(new Violation("/id", "must be at least 1 characters long", "minLength")));

    JsonNode root = JSON.readTree(DeadLetters.envelope(context(), "orders-service", CONTRACT, reason, payload, LIMIT,
        Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(root.get("payloadText").asString()).isEqualTo("{\"id\":\"\"}");
    assertThat(root.has("payloadTextOmitted")).isFalse();
    assertThat(root.get("violations")).hasSize(1);
  }

  @Test
  void violationListIsCappedAndTheRestCounted() {
    List<Violation> many = IntStream.range(0, 250)
        .mapToObj(i -> new Violation("/items/" + i, "must be a string", "type")).toList();
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(), many);

    JsonNode root = JSON.readTree(DeadLetters.envelope(context(), "orders-service", CONTRACT, reason,
        new byte[] {'{', '}'}, LIMIT, Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(root.get("violations")).hasSize(DeadLetters.MAX_VIOLATIONS);
    assertThat(root.get("violationsOmitted").asInt()).isEqualTo(250 - DeadLetters.MAX_VIOLATIONS);
  }

  @Test
  void hostileViolationsHeadersAndTextsKeepTheEnvelopeAndTheLogLineBounded() {
    // 20 unknown keys with 49,000-character names (the reported case made a 2.3 MB envelope and 2 MB log lines),
    // plus 500 headers with huge names and values full of control characters (escaped sixfold in JSON)
    String huge = "k".repeat(49_000);
    List<Violation> many = IntStream.range(0, 20).mapToObj(i -> new Violation("/" + huge + i,
        "property '" + huge + i + "' is not defined in the schema", "additionalProperties")).toList();
    EventException reason = EventException.invalidPayload("ticket:created", CONTRACT.id(), many);
    Map<String, String> headers = new java.util.HashMap<>();
    for (int i = 0; i < 500; i++) {
      headers.put("H" + i + "x".repeat(5_000), "\u0001".repeat(20_000));
    }
    byte[] payload = new byte[LIMIT * 3];

    byte[] envelope = DeadLetters.envelope(context(headers), "orders-service", CONTRACT, reason, payload, LIMIT,
        Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(envelope.length).isLessThanOrEqualTo(DeadLetters.maxEnvelopeBytes(LIMIT));
    JsonNode root = JSON.readTree(envelope);
    assertThat(root.get("violations").size()).isLessThanOrEqualTo(DeadLetters.MAX_VIOLATIONS);
    root.get("violations").forEach(v -> assertThat(v.get("pointer").asString().length())
        .isLessThanOrEqualTo(DeadLetters.MAX_POINTER_CHARS + 20));
    assertThat(root.get("headersOmitted").asInt()).isGreaterThan(0);
    assertThat(reason.getMessage().length()).isLessThan(10_000);
    String logged = DeadLetters.reasons(reason);
    assertThat(logged.length()).isLessThanOrEqualTo(DeadLetters.MAX_LOGGED_CHARS + 20);
    assertThat(logged).contains("additionalProperties").contains("15 more");
  }

  private static MessageContext context() {
    return context(Map.of());
  }

  private static MessageContext context(Map<String, String> headers) {
    return new MessageContext() {
      @Override public void ack() {}
      @Override public boolean acked() { return false; }
      @Override public String subject() { return "ticket:created"; }
      @Override public long sequence() { return 7; }
      @Override public long deliveryCount() { return 1; }
      @Override public boolean redelivered() { return false; }
      @Override public Map<String, String> headers() { return headers; }
      @Override public String queueGroup() { return "orders-service"; }
    };
  }
}
