package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the dead-letter envelope (format documented in docs/dead-letters.md). */
final class DeadLetters {

  static final int FORMAT_VERSION = 1;
  private static final int MAX_STACK_CHARS = 8 * 1024;
  private static final int MAX_ERROR_CHARS = 8 * 1024;
  private static final int MAX_VIOLATIONS = 100;
  /** Room for everything but the payload copies: ids, reasons, bounded error text, stack and violations. */
  private static final int ENVELOPE_OVERHEAD_BYTES = 64 * 1024;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DeadLetters() {}

  /**
   * The envelope is bounded whatever the payload: at most {@code payloadLimit} bytes of it are copied, and
   * {@code payloadText} (JSON-escaped, so it can grow up to six times for control characters) is dropped, with
   * {@code payloadTextOmitted: true}, when it would take the envelope past {@link #maxEnvelopeBytes(int)}. An envelope
   * the broker refuses for size would leave the original unacked and redelivered forever.
   */
  static byte[] envelope(MessageContext context, String durableName, Contract contract, EventException reason,
      byte[] payload, int payloadLimit, Instant now) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("subject", context.subject());
    root.put("sequence", context.sequence());
    root.put("deliveryCount", context.deliveryCount());
    root.put("queueGroup", context.queueGroup());
    root.put("durableName", durableName);
    root.put("reason", reason.kind().name());
    root.put("error", cut(reason.getMessage(), MAX_ERROR_CHARS));
    ArrayNode violations = root.putArray("violations");
    reason.violations().stream().limit(MAX_VIOLATIONS).forEach(v ->
        violations.addObject().put("pointer", v.pointer()).put("message", v.message()).put("keyword", v.keyword()));
    if (reason.violations().size() > MAX_VIOLATIONS) {
      root.put("violationsOmitted", reason.violations().size() - MAX_VIOLATIONS);
    }
    if (reason.kind() == EventException.Kind.HANDLER_FAILED && reason.getCause() != null) {
      root.put("exception", reason.getCause().getClass().getName());
      root.put("stackTrace", stackTrace(reason.getCause()));
    }
    root.put("contractId", contract.id());
    root.put("contractVersion", contract.version());
    ObjectNode headers = root.putObject("headers");
    new TreeMap<>(context.headers()).forEach(headers::put);
    boolean truncated = payload.length > payloadLimit;
    byte[] kept = truncated ? Arrays.copyOf(payload, payloadLimit) : payload;
    root.put("payloadSize", payload.length);
    root.put("payloadTruncated", truncated);
    root.put("payloadBase64", Base64.getEncoder().encodeToString(kept));
    root.put("payloadText", text(kept));
    root.put("timestamp", now.toString());
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    if (bytes.length <= maxEnvelopeBytes(payloadLimit)) {
      return bytes;
    }
    root.remove("payloadText");
    root.put("payloadTextOmitted", true);
    return MAPPER.writeValueAsBytes(root);
  }

  /**
   * Upper bound of an envelope's size for a payload limit: base64 of the kept bytes (4/3 of them), one more
   * payload's worth for {@code payloadText}, and {@link #ENVELOPE_OVERHEAD_BYTES}. With the default 256 KiB limit:
   * 576 KiB, well under nats-server's default 1 MiB {@code max_payload}.
   */
  static int maxEnvelopeBytes(int payloadLimit) {
    return 2 * payloadLimit + ENVELOPE_OVERHEAD_BYTES;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
  }

  /** The one-line summary logged for a dead letter. */
  static String reasons(EventException reason) {
    if (!reason.violations().isEmpty()) {
      return reason.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
    String message = reason.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static Map<String, String> headers(EventException reason, MessageContext context) {
    return Map.of("Content-Type", "application/json", "Ec-Dead-Letter-Reason", reason.kind().name(),
        "Ec-Original-Subject", context.subject());
  }

  private static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      // Not UTF-8 (or cut mid-character): keep a readable approximation; payloadBase64 stays exact.
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return cut(out.toString(), MAX_STACK_CHARS);
  }
}
