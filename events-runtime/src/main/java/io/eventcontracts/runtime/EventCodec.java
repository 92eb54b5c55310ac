package io.eventcontracts.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into the bytes on the wire and back, with bounded reading.
 *
 * <p>The mapper (Jackson 3) writes dates as ISO-8601 strings ({@code java.time.Instant} as
 * {@code 2024-05-01T10:00:00Z}), leaves out {@code null} properties, and ignores unknown properties when binding:
 * the contract, not the Java class, decides whether extra fields are allowed. Reading is bounded: payloads larger
 * than {@link #maxPayloadBytes()} are refused before any parsing, and documents nested deeper than
 * {@link #maxNestingDepth()} fail fast in the parser (no deep recursion, no {@code StackOverflowError}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventCodec {

  /** Default limit for one payload: 1 MiB, the default {@code max_payload} of nats-server. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
  /** Default limit for nesting of arrays and objects. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  private final JsonMapper mapper;
  /**
   * Reads payload trees with every non-integral number as a {@code BigDecimal}: validation must see the exact
   * decimal the payload holds ({@code 1.0000000000000000001} is not an integer, {@code -1e-400} is below
   * {@code minimum: 0}); as doubles both would pass. Only tree reading is affected, not the mapper's other settings.
   */
  private final tools.jackson.databind.ObjectReader exactTreeReader;
  private final int maxPayloadBytes;
  private final int maxNestingDepth;

  private EventCodec(int maxPayloadBytes, int maxNestingDepth) {
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 1, was " + maxPayloadBytes);
    }
    if (maxNestingDepth < 1) {
      throw new IllegalArgumentException("maxNestingDepth must be at least 1, was " + maxNestingDepth);
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxNestingDepth = maxNestingDepth;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxNestingDepth)
            .maxDocumentLength(maxPayloadBytes)
            .build())
        .build();
    this.mapper = JsonMapper.builder(factory)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        // wire fidelity: a date-time keeps its offset, a decimal its digits (generated classes ask for both too)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    this.exactTreeReader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** A codec with the default limits (1 MiB, depth 64). */
  public static EventCodec create() {
    return new EventCodec(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_NESTING_DEPTH);
  }

  /**
   * A codec with explicit limits.
   *
   * @param maxPayloadBytes larger payloads are refused without parsing
   * @param maxNestingDepth deeper documents are refused by the parser
   */
  public static EventCodec create(int maxPayloadBytes, int maxNestingDepth) {
    return new EventCodec(maxPayloadBytes, maxNestingDepth);
  }

  /** The configured mapper; do not reconfigure it, build your own with {@code mapper().rebuild()} instead. */
  public JsonMapper mapper() {
    return mapper;
  }

  /** Largest payload read, in bytes. */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Deepest nesting of arrays/objects read. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /**
   * Serializes an event to the bytes sent on the wire.
   *
   * @throws EventException {@code INVALID_PAYLOAD} when Jackson cannot serialize the object
   */
  public byte[] write(String subject, Object event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (JacksonException e) {
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject,
          "cannot serialize " + event.getClass().getName() + " for '" + subject + "'",
          java.util.List.of(new Violation("", e.getOriginalMessage(), "serialize")), e);
    }
  }

  /**
   * The JSON tree of an event: what {@link #write(String, Object)} would write, as a tree to validate and then
   * write with {@link #write(String, JsonNode)}.
   *
   * @throws EventException {@code INVALID_PAYLOAD} when Jackson cannot serialize the object
   */
  public JsonNode toTree(String subject, Object event) {
    try {
      return mapper.valueToTree(event);
    } catch (JacksonException e) {
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject,
          "cannot serialize " + event.getClass().getName() + " for '" + subject + "'",
          java.util.List.of(new Violation("", e.getOriginalMessage(), "serialize")), e);
    }
  }

  /** The bytes of a tree (from {@link #toTree(String, Object)} or {@link #readTree(String, byte[])}). */
  public byte[] write(String subject, JsonNode tree) {
    try {
      return mapper.writeValueAsBytes(tree);
    } catch (JacksonException e) {
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject, "cannot write the tree for '"
          + subject + "'", java.util.List.of(new Violation("", e.getOriginalMessage(), "serialize")), e);
    }
  }

  /**
   * Parses payload bytes into a tree, within the limits. The bytes must be strict UTF-8 without a byte order mark
   * (RFC 8259 §8.1: the verdict of JavaScript's {@code JSON.parse}); numbers with a fraction or exponent are read as
   * exact decimals.
   *
   * @throws EventException {@code UNPARSEABLE_PAYLOAD} with one violation whose keyword names the limit or rule
   *     broken: {@code maxPayloadBytes}, {@code maxNestingDepth}, {@code maxNumberLength}, {@code maxNameLength},
   *     {@code maxStringLength}, {@code maxTokenCount}, {@code encoding} (not strict UTF-8) or {@code syntax}
   */
  public JsonNode readTree(String subject, byte[] payload) {
    if (payload.length > maxPayloadBytes) {
      throw EventException.unparseable(subject, new Violation("", "payload has " + payload.length
          + " bytes, more than the limit of " + maxPayloadBytes + " bytes", "maxPayloadBytes"), null);
    }
    String encodingProblem = io.eventcontracts.runtime.internal.StrictUtf8.problem(payload);
    if (encodingProblem != null) {
      throw EventException.unparseable(subject, new Violation("", encodingProblem, "encoding"), null);
    }
    try {
      JsonNode tree = exactTreeReader.readTree(payload);
      if (tree == null || tree.isMissingNode()) {
        throw EventException.unparseable(subject, new Violation("", "payload is empty", "syntax"), null);
      }
      return tree;
    } catch (StreamConstraintsException e) {
      String keyword = limitKeyword(e.getOriginalMessage());
      String message = "maxNestingDepth".equals(keyword)
          ? "payload nests arrays/objects deeper than the limit of " + maxNestingDepth
          : e.getOriginalMessage();
      throw EventException.unparseable(subject, new Violation("", message, keyword), e);
    } catch (JacksonException e) {
      throw EventException.unparseable(subject, new Violation("", e.getOriginalMessage(), "syntax"), e);
    }
  }

  /** The keyword naming the parser limit a {@link StreamConstraintsException} reports (Jackson's own wording). */
  static String limitKeyword(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("Document nesting depth")) {
      return "maxNestingDepth";
    }
    if (m.startsWith("Number value length") || m.startsWith("BigDecimal scale")) {
      return "maxNumberLength";
    }
    if (m.startsWith("Name length")) {
      return "maxNameLength";
    }
    if (m.startsWith("String value length")) {
      return "maxStringLength";
    }
    if (m.startsWith("Token count")) {
      return "maxTokenCount";
    }
    return "maxPayloadBytes"; // "Document length ..."
  }

  /**
   * Binds a validated tree to the event class.
   *
   * @throws EventException {@code INVALID_PAYLOAD} (keyword {@code bind}) when the class cannot hold the value
   */
  public <T> T read(String subject, JsonNode tree, Class<T> type) {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject,
          "payload on '" + subject + "' does not bind to " + type.getName(),
          java.util.List.of(new Violation(pointerOf(e), e.getOriginalMessage(), "bind")), e);
    }
  }

  private static String pointerOf(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      sb.append('/');
      if (ref.getPropertyName() != null) {
        sb.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else {
        sb.append(ref.getIndex());
      }
    }
    return sb.toString();
  }
}
