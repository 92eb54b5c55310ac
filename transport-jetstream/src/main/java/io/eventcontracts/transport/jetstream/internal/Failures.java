package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.EventException.Kind;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLException;

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

  /**
   * A failed connect, with the reason jnats reported to its error listener ({@code reported}: an error text, an
   * exception, or null) and a hint what to change. jnats' own exception only says "Unable to connect".
   */
  static EventException connectFailed(JetStreamOptions options, String connectionName, IOException e,
      Object reported) {
    StringBuilder message = new StringBuilder("cannot connect to ").append(options.servers()).append(" as ")
        .append(connectionName).append(": ").append(e.getMessage());
    Throwable reason = reported instanceof Throwable t ? unwrap(t) : null;
    if (reported instanceof String error) {
      message.append(" (server said: ").append(error).append(')');
    } else if (reason != null) {
      message.append(" (").append(reason.getClass().getSimpleName()).append(": ").append(reason.getMessage())
          .append(')');
    }
    message.append("; ").append(hint(options, reported, reason));
    EventException failure = notConnected(message.toString(), e);
    if (reported instanceof Throwable t) {
      failure.addSuppressed(t);
    }
    return failure;
  }

  private static String hint(JetStreamOptions options, Object reported, Throwable reason) {
    boolean tlsConfigured = options.sslContext() != null || options.truststorePath() != null
        || options.keystorePath() != null || options.servers().stream().anyMatch(s -> s.startsWith("tls://"));
    boolean ownTrust = options.sslContext() != null || options.truststorePath() != null;
    if (inChain(reason, CertPathBuilderException.class) || inChain(reason, CertPathValidatorException.class)
        || inChain(reason, CertificateException.class)) {
      return ownTrust
          ? "TLS: the server's certificate is not accepted by the configured truststore/sslContext (wrong CA, or "
              + "the certificate does not name the host in the URL)"
          : "TLS: the server's certificate is not trusted by the JVM's default trust store; set "
              + "truststore(path, password) or sslContext(...) with the CA that signed it";
    }
    if (reported instanceof String error && error.toLowerCase(java.util.Locale.ROOT).contains("tls")) {
      return "TLS: the server requires TLS; use a tls:// URL or set truststore(...)/sslContext(...)";
    }
    if (tlsConfigured && (reason instanceof SSLException || reason instanceof IOException)) {
      String prefix = "TLS handshake or first exchange failed";
      return options.keystorePath() == null && options.sslContext() == null
          ? prefix + "; if the server verifies client certificates (--tlsverify) set keystore(path, password) "
              + "with a client certificate its CA accepts"
          : prefix + "; check that the server's CA accepts the client certificate in the keystore/sslContext";
    }
    return "is nats-server running with -js, and are URL and credentials right?";
  }

  /** Skips the ExecutionException jnats wraps handshake failures in. */
  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.ExecutionException
        || e instanceof java.util.concurrent.CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (type.isInstance(e)) {
        return true;
      }
    }
    return false;
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
