package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.PayloadFormat;
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
import java.util.List;
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
  static final int MAX_VIOLATIONS = 20;
  static final int MAX_POINTER_CHARS = 200;
  static final int MAX_VIOLATION_MESSAGE_CHARS = 300;
  static final int MAX_KEYWORD_CHARS = 50;
  static final int MAX_HEADERS = 32;
  static final int MAX_HEADER_NAME_CHARS = 128;
  static final int MAX_HEADER_VALUE_CHARS = 512;
  /** The dead-letter WARN line: at most this many violations, each cut, and the whole summary cut. */
  static final int MAX_LOGGED_VIOLATIONS = 5;
  static final int MAX_LOGGED_CHARS = 1500;
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
    root.put("subject", cut(context.subject(), MAX_HEADER_VALUE_CHARS));
    root.put("sequence", context.sequence());
    root.put("deliveryCount", context.deliveryCount());
    root.put("queueGroup", context.queueGroup());
    root.put("durableName", durableName);
    root.put("reason", reason.kind().name());
    root.put("error", cut(reason.getMessage(), MAX_ERROR_CHARS));
    putViolations(root, reason, MAX_VIOLATIONS);
    if (reason.kind() == EventException.Kind.HANDLER_FAILED && reason.getCause() != null) {
      root.put("exception", cut(reason.getCause().getClass().getName(), MAX_HEADER_VALUE_CHARS));
      root.put("stackTrace", stackTrace(reason.getCause()));
    }
    root.put("contractId", contract.id());
    root.put("contractVersion", contract.version());
    putHeaders(root, context.headers(), MAX_HEADERS);
    boolean truncated = payload.length > payloadLimit;
    byte[] kept = truncated ? Arrays.copyOf(payload, payloadLimit) : payload;
    root.put("payloadSize", payload.length);
    root.put("payloadTruncated", truncated);
    root.put("payloadBase64", Base64.getEncoder().encodeToString(kept));
    root.put("payloadText", text(kept));
    root.put("timestamp", now.toString());
    int max = maxEnvelopeBytes(payloadLimit);
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    if (bytes.length <= max) {
      return bytes;
    }
    root.remove("payloadText");
    root.put("payloadTextOmitted", true);
    bytes = MAPPER.writeValueAsBytes(root);
    if (bytes.length <= max) {
      return bytes;
    }
    // every part is bounded, but JSON escaping can grow control characters sixfold: shrink the parts further
    root.put("error", cut(reason.getMessage(), 1024));
    putViolations(root, reason, 3);
    putHeaders(root, Map.of(), 0);
    root.put("headersOmitted", context.headers().size());
    if (root.has("stackTrace")) {
      root.put("stackTrace", cut(root.get("stackTrace").asString(), 1024));
    }
    return MAPPER.writeValueAsBytes(root);
  }

  private static void putViolations(ObjectNode root, EventException reason, int limit) {
    ArrayNode violations = root.putArray("violations");
    reason.violations().stream().limit(limit).forEach(v -> violations.addObject()
        .put("pointer", cut(v.pointer(), MAX_POINTER_CHARS))
        .put("message", cut(v.message(), MAX_VIOLATION_MESSAGE_CHARS))
        .put("keyword", cut(v.keyword(), MAX_KEYWORD_CHARS)));
    root.remove("violationsOmitted");
    if (reason.violations().size() > limit) {
      root.put("violationsOmitted", reason.violations().size() - limit);
    }
  }

  private static void putHeaders(ObjectNode root, Map<String, String> all, int limit) {
    ObjectNode headers = root.putObject("headers");
    int n = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(all).entrySet()) {
      if (n++ == limit) {
        break;
      }
      headers.put(cut(e.getKey(), MAX_HEADER_NAME_CHARS), cut(e.getValue(), MAX_HEADER_VALUE_CHARS));
    }
    root.remove("headersOmitted");
    if (all.size() > limit) {
      root.put("headersOmitted", all.size() - limit);
    }
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
    return text == null || text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
  }

  /**
   * The one-line summary logged for a dead letter, bounded whatever the payload: at most
   * {@link #MAX_LOGGED_VIOLATIONS} violations, each cut, and the whole cut to {@link #MAX_LOGGED_CHARS}.
   */
  static String reasons(EventException reason) {
    String summary;
    if (!reason.violations().isEmpty()) {
      List<Violation> all = reason.violations();
      summary = all.stream().limit(MAX_LOGGED_VIOLATIONS).map(v -> cut(v.pointer().isEmpty() ? "/" : v.pointer(), 80)
          + ": " + cut(v.message(), 120) + " [" + cut(v.keyword(), 40) + "]")
          .collect(Collectors.joining("; "));
      if (all.size() > MAX_LOGGED_VIOLATIONS) {
        summary += "; ... and " + (all.size() - MAX_LOGGED_VIOLATIONS) + " more";
      }
    } else {
      String message = String.valueOf(reason.getMessage());
      int newline = message.indexOf('\n');
      summary = newline < 0 ? message : message.substring(0, newline);
    }
    return cut(summary, MAX_LOGGED_CHARS);
  }

  static Map<String, String> headers(EventException reason, MessageContext context) {
    return Map.of(DefaultEventClient.HEADER_CONTENT_TYPE, PayloadFormat.JSON.contentType(), "Ec-Dead-Letter-Reason", reason.kind().name(),
        "Ec-Original-Subject", cut(context.subject(), MAX_HEADER_VALUE_CHARS));
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
