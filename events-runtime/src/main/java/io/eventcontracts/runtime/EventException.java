package io.eventcontracts.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type of the runtime. It is unchecked; callers branch on {@link #kind()}, never on the text.
 *
 * <p>For {@link Kind#INVALID_PAYLOAD} and {@link Kind#UNPARSEABLE_PAYLOAD} every problem is listed in
 * {@link #violations()} and in the message, one {@code pointer: message [keyword]} per line.
 */
public class EventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong; {@code docs/errors-runtime.md} says what to do about each kind. */
  public enum Kind {
    /** The event or message is well-formed JSON but breaks its contract (schema violations). */
    INVALID_PAYLOAD,
    /** The bytes cannot be read as JSON, or exceed the size or nesting limits; nothing was parsed further. */
    UNPARSEABLE_PAYLOAD,
    /** No bundled contract governs the subject. */
    UNKNOWN_SUBJECT,
    /** A contract id (or a {@code $ref} target) is not among the bundled contracts. */
    SCHEMA_NOT_BUNDLED,
    /** A contract refers to a URI outside the bundle; the runtime never fetches schemas over the network. */
    REMOTE_REF_REFUSED,
    /** A bundled contract or index is broken: unreadable, wrong checksum, duplicate subject, bad schema. */
    CONTRACT_INVALID,
    /**
     * The message or event type names a contract or major version other than the one bundled for its subject
     * (header {@code Ec-Contract}, or the older {@code Ec-Contract-Id} / {@code Ec-Contract-Version}, or
     * {@code EventType.contractId()} / {@code contractVersion()} differs).
     */
    CONTRACT_MISMATCH,
    /** The server did not acknowledge a publish in time. */
    PUBLISH_TIMEOUT,
    /** The transport has no connection to the server. */
    NOT_CONNECTED,
    /** The JetStream stream (or NATS Streaming channel) the subject needs does not exist. */
    STREAM_MISSING,
    /** Any other failure reported by the transport. */
    TRANSPORT_ERROR,
    /** The client (or subscription) was already closed. */
    CLOSED,
    /** The event handler threw on the last allowed delivery; used as the reason of a dead letter. */
    HANDLER_FAILED,
    /**
     * The message was delivered more than {@code maxDeliver} times without being acked (the handler neither acked
     * nor threw, or ran past the ack wait); used as the reason of a dead letter.
     */
    MAX_DELIVER_EXCEEDED
  }

  /** At most this many violations are written into the exception message (all stay in {@link #violations()}). */
  public static final int MAX_VIOLATIONS_IN_MESSAGE = 20;
  /** Each violation in the exception message is cut to this many characters. */
  public static final int MAX_VIOLATION_CHARS = 300;

  private final Kind kind;
  private final String subject;
  private final List<Violation> violations;

  /**
   * Creates an exception; prefer the static factories.
   *
   * @param kind what went wrong
   * @param subject the subject concerned, or {@code null}
   * @param message the explanation (violations are appended to it)
   * @param violations the individual problems, may be empty
   * @param cause the underlying exception, or {@code null}
   */
  public EventException(Kind kind, String subject, String message, List<Violation> violations, Throwable cause) {
    super(format(message, violations), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subject = subject;
    this.violations = violations == null ? List.of() : List.copyOf(violations);
  }

  private static String format(String message, List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      return message;
    }
    // bounded whatever the payload: a message with thousands of violations, or one naming a 50,000-character key,
    // must not become a megabyte of exception text (and log line); violations() keeps every one of them
    StringBuilder sb = new StringBuilder(message);
    int shown = Math.min(violations.size(), MAX_VIOLATIONS_IN_MESSAGE);
    for (int i = 0; i < shown; i++) {
      sb.append(System.lineSeparator()).append("  ").append(abbreviate(violations.get(i).toString(),
          MAX_VIOLATION_CHARS));
    }
    if (violations.size() > shown) {
      sb.append(System.lineSeparator()).append("  ... and ").append(violations.size() - shown)
          .append(" more violation(s)");
    }
    return sb.toString();
  }

  /** {@code text} cut to {@code max} characters, marked with {@code ...(N chars)} when cut. */
  static String abbreviate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "...(" + text.length() + " chars)";
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The subject concerned, or {@code null} when the failure is not about one subject. */
  public String subject() {
    return subject;
  }

  /** Every violation found, in document order; empty for kinds that are not about a payload. */
  public List<Violation> violations() {
    return violations;
  }

  /** The payload breaks its contract; {@code violations} lists every problem. */
  public static EventException invalidPayload(String subject, String contractId, List<Violation> violations) {
    return new EventException(Kind.INVALID_PAYLOAD, subject,
        "payload on '" + subject + "' violates contract " + contractId + " (" + violations.size()
            + (violations.size() == 1 ? " violation)" : " violations)"), violations, null);
  }

  /** The bytes cannot be read as JSON or exceed a limit. */
  public static EventException unparseable(String subject, Violation violation, Throwable cause) {
    return new EventException(Kind.UNPARSEABLE_PAYLOAD, subject,
        "payload on '" + subject + "' is not readable JSON", List.of(violation), cause);
  }

  /** No bundled contract for the subject. */
  public static EventException unknownSubject(String subject) {
    return new EventException(Kind.UNKNOWN_SUBJECT, subject, "no bundled contract for subject '" + subject
        + "'; add the jar that carries its META-INF/eventcontracts/index.json to the class path", null, null);
  }

  /** The contract (or ref target) is not bundled. */
  public static EventException schemaNotBundled(String subject, String uri, String referringContract) {
    String where = referringContract == null ? "" : " (referenced from contract " + referringContract + ")";
    return new EventException(Kind.SCHEMA_NOT_BUNDLED, subject,
        "schema " + uri + " is not bundled" + where
            + "; only contracts listed in META-INF/eventcontracts/index.json can be used", null, null);
  }

  /** A contract refers to a URI outside the bundle. */
  public static EventException remoteRefRefused(String uri, String referringContract) {
    return new EventException(Kind.REMOTE_REF_REFUSED, null,
        "contract " + referringContract + " refers to " + uri
            + ", which is not a bundled contract; remote and file references are never fetched, bundle the"
            + " referenced schema as a contract instead", null, null);
  }

  /** A bundled contract or index is broken. */
  public static EventException contractInvalid(String contractId, String message, Throwable cause) {
    return new EventException(Kind.CONTRACT_INVALID, null,
        "contract " + (contractId == null ? "index" : contractId) + ": " + message, null, cause);
  }

  /** The message or event type names another contract than the bundled one for its subject. */
  public static EventException contractMismatch(String subject, String expected, String actual) {
    return new EventException(Kind.CONTRACT_MISMATCH, subject, "subject '" + subject + "' is governed by contract "
        + expected + ", but the message/event type names " + actual, null, null);
  }

  /** The client or subscription is closed. */
  public static EventException closed(String what) {
    return new EventException(Kind.CLOSED, null, what + " is closed", null, null);
  }

  /** The handler failed on the last allowed delivery. */
  public static EventException handlerFailed(String subject, long deliveryCount, Throwable cause) {
    return new EventException(Kind.HANDLER_FAILED, subject,
        "handler for '" + subject + "' failed on delivery " + deliveryCount + ": " + cause, null, cause);
  }

  /** The message arrived for the {@code deliveryCount}-th time, more than {@code maxDeliver} allows. */
  public static EventException maxDeliverExceeded(String subject, long deliveryCount, int maxDeliver) {
    return new EventException(Kind.MAX_DELIVER_EXCEEDED, subject, "message on '" + subject + "' arrived for the "
        + deliveryCount + ". time without being acked (maxDeliver " + maxDeliver + ")", null, null);
  }

  /** A transport failure of the given kind ({@code PUBLISH_TIMEOUT}, {@code NOT_CONNECTED} ...). */
  public static EventException transport(Kind kind, String subject, String message, Throwable cause) {
    return new EventException(kind, subject, message, null, cause);
  }
}
