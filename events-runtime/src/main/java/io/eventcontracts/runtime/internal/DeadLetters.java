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
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DeadLetters() {}

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
    root.put("error", reason.getMessage());
    ArrayNode violations = root.putArray("violations");
    for (Violation v : reason.violations()) {
      violations.addObject().put("pointer", v.pointer()).put("message", v.message()).put("keyword", v.keyword());
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
    return MAPPER.writeValueAsBytes(root);
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
    String s = out.toString();
    return s.length() <= MAX_STACK_CHARS ? s : s.substring(0, MAX_STACK_CHARS) + "...";
  }
}
