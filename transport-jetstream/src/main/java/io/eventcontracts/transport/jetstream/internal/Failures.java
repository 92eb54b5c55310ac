package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.EventException.Kind;

/**
 * The one place that turns transport trouble into the runtime's {@link EventException}, so every failure carries
 * a {@link Kind} users and the runtime can act on.
 */
public final class Failures {

  private Failures() {}

  public static EventException notConnected(String message, Throwable cause) {
    return EventException.transport(Kind.NOT_CONNECTED, null, message, cause);
  }

  public static EventException notConnected(String subject, String message, Throwable cause) {
    return EventException.transport(Kind.NOT_CONNECTED, subject, message, cause);
  }

  public static EventException publishTimeout(String subject, String message, Throwable cause) {
    return EventException.transport(Kind.PUBLISH_TIMEOUT, subject, message, cause);
  }

  public static EventException streamMissing(String message) {
    return EventException.transport(Kind.STREAM_MISSING, null, message, null);
  }

  public static EventException streamMissing(String subject, String message) {
    return EventException.transport(Kind.STREAM_MISSING, subject, message, null);
  }

  public static EventException transportError(String message, Throwable cause) {
    return EventException.transport(Kind.TRANSPORT_ERROR, null, message, cause);
  }

  public static EventException transportError(String subject, String message, Throwable cause) {
    return EventException.transport(Kind.TRANSPORT_ERROR, subject, message, cause);
  }

  public static EventException closed(String message) {
    return EventException.transport(Kind.CLOSED, null, message, null);
  }
}
