package io.eventcontracts.transport.stan;

import io.eventcontracts.runtime.EventException;

/**
 * The one place that creates the transport's exceptions: {@link EventException}s of the transport kinds, so
 * callers branch on {@link EventException#kind()} whatever the transport.
 */
final class StanFailures {

  /** The kinds this transport raises; same names as {@link EventException.Kind}. */
  enum Kind {
    PUBLISH_TIMEOUT,
    NOT_CONNECTED,
    TRANSPORT_ERROR,
    CLOSED
  }

  static EventException failure(Kind kind, String subject, String message, Throwable cause) {
    return EventException.transport(EventException.Kind.valueOf(kind.name()), subject, message, cause);
  }

  /** The kind of an {@link EventException} in {@code t}'s cause chain, or null. */
  static String kindOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EventException e) {
        return e.kind().name();
      }
    }
    return null;
  }

  private StanFailures() {}
}
