package io.eventcontracts.runtime;

import java.util.Objects;

/**
 * One reason why a payload does not satisfy its contract (or cannot be read at all).
 *
 * @param pointer JSON Pointer (RFC 6901) of the offending value; {@code ""} is the whole document. For
 *     {@code required} and {@code additionalProperties} it points at the missing or unexpected property itself
 * @param message a human-readable explanation
 * @param keyword the JSON Schema keyword that failed ({@code type}, {@code required}, {@code format} ...) or one of
 *     the runtime's own checks: {@code syntax}, {@code encoding}, {@code maxPayloadBytes}, {@code maxNestingDepth},
 *     {@code maxNumberLength}, {@code maxNameLength}, {@code maxStringLength}, {@code bind}
 */
public record Violation(String pointer, String message, String keyword) {

  /** Normalizes a missing pointer or keyword to {@code ""}. */
  public Violation {
    pointer = pointer == null ? "" : pointer;
    Objects.requireNonNull(message, "message");
    keyword = keyword == null ? "" : keyword;
  }

  /** Formats the violation as {@code pointer: message [keyword]}; the root pointer is shown as {@code /}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + keyword + "]";
  }
}
