package io.eventcontracts.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * How an event travels on the wire. Whatever the format, the event is validated against the same JSON Schema (for
 * protobuf: its proto3 JSON form), so a payload gets the same verdict in both.
 *
 * <p>JetStream tells the formats apart by the {@code Content-Type} header; NATS Streaming has no headers, so there
 * the subject's configured format ({@link ClientOptions.Builder#payloadFormat(String, PayloadFormat)}) is used.
 */
public enum PayloadFormat {
  /** The bare JSON object (the default). */
  JSON("application/json"),
  /**
   * The protobuf binary encoding of the contract's {@code .proto} message; only for subjects whose bundle index
   * names a protobuf class ({@code protobufJavaType}), i.e. contracts authored in or twinned with a {@code .proto}.
   */
  PROTOBUF("application/x-protobuf");

  private final String contentType;

  PayloadFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The {@code Content-Type} header value. */
  public String contentType() {
    return contentType;
  }

  /** The format of a {@code Content-Type} header value (parameters and case ignored); empty when unknown. */
  public static Optional<PayloadFormat> ofContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (PayloadFormat format : values()) {
      if (format.contentType.equals(base)) {
        return Optional.of(format);
      }
    }
    if (base.equals("application/protobuf") || base.equals("application/vnd.google.protobuf")) {
      return Optional.of(PROTOBUF);
    }
    return Optional.empty();
  }
}
