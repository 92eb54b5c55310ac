package io.eventcontracts.transport.stan.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.EventException.Kind;
import io.eventcontracts.transport.stan.StanOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * The one place that creates the transport's exceptions: {@link EventException}s of the transport kinds, so
 * callers branch on {@link EventException#kind()} whatever the transport.
 */
public final class StanFailures {

  /** An {@link EventException} of one of the runtime's transport kinds ({@link Kind}; no copy of the enum here). */
  static EventException failure(Kind kind, String subject, String message, Throwable cause) {
    return EventException.transport(kind, subject, message, cause);
  }

  /**
   * A failed NATS connect (the first step of a STAN connect), with the reason jnats reported to its error listener
   * ({@code reported}: the server's error text, an exception, or null) and what to change. jnats' own exception
   * only says "Unable to connect to NATS servers".
   */
  static EventException natsConnectFailed(StanOptions options, IOException e, Object reported) {
    StringBuilder message = new StringBuilder("cannot connect to NATS at ").append(options.servers())
        .append(" as client '").append(options.clientId()).append("': ").append(e.getMessage());
    Throwable reason = reported instanceof Throwable t ? unwrap(t) : null;
    if (reported instanceof String error) {
      message.append(" (server said: ").append(error).append(')');
    } else if (reason != null) {
      message.append(" (").append(reason.getClass().getSimpleName()).append(": ").append(reason.getMessage())
          .append(')');
    }
    message.append("; ").append(natsHint(options, reported, reason));
    EventException failure = failure(Kind.NOT_CONNECTED, null, message.toString(), e);
    if (reported instanceof Throwable t) {
      failure.addSuppressed(t);
    }
    return failure;
  }

  private static String natsHint(StanOptions options, Object reported, Throwable reason) {
    boolean tlsConfigured = options.sslContext() != null
        || options.servers().stream().anyMatch(s -> s.startsWith("tls://"));
    if (inChain(reason, CertPathBuilderException.class) || inChain(reason, CertPathValidatorException.class)
        || inChain(reason, CertificateException.class)) {
      return options.sslContext() != null
          ? "TLS: the server's certificate is not accepted by the configured sslContext (wrong CA, or the "
              + "certificate does not name the host in the URL)"
          : "TLS: the server's certificate is not trusted by the JVM's default trust store; set sslContext(...) "
              + "with the CA that signed it";
    }
    String error = (reported instanceof String text ? text
        : reason != null ? String.valueOf(reason.getMessage()) : "").toLowerCase(Locale.ROOT);
    if (error.contains("tls") || error.contains("ssl required")) {
      return "TLS: the server requires TLS; use a tls:// URL and set sslContext(...)";
    }
    if (error.contains("authorization") || error.contains("authentication")) {
      return "authorization: the server refused the credentials; check user(...)/password, token(...) or "
          + "authHandler(...)";
    }
    if (inChain(reason, ConnectException.class)) {
      return "connection refused: no NATS server listens at that address; is it running, and are host and port "
          + "right?";
    }
    if (tlsConfigured && (reason instanceof SSLException || reason instanceof IOException
        || reason instanceof java.util.concurrent.TimeoutException)) {
      return "TLS handshake or first exchange failed; if the server verifies client certificates (--tlsverify) "
          + "the sslContext needs a client certificate its CA accepts";
    }
    return "is the NATS server running and reachable, and are URL and credentials right?";
  }

  /**
   * A failed STAN connect request (the NATS connection was up): no streaming server with the cluster id answered
   * within the connect wait, or the server refused the client.
   */
  static EventException stanConnectFailed(StanOptions options, Exception e) {
    String m = String.valueOf(e.getMessage());
    String hint;
    if (m.toLowerCase(Locale.ROOT).contains("timeout")) {
      hint = "cluster id unknown or no streaming server: no nats-streaming-server with cluster id '"
          + options.clusterId() + "' (-cid) answered on discover subject '" + options.discoverPrefix() + "."
          + options.clusterId() + "' within the connect wait; check clusterId(...) and that the streaming server "
          + "runs on this NATS server";
    } else if (m.contains("already registered")) {
      hint = "another live connection uses this client id: leave clientId unset for a random one per instance";
    } else {
      hint = "the streaming server refused the connect request";
    }
    return failure(Kind.NOT_CONNECTED, null, "NATS Streaming cluster '" + options.clusterId()
        + "' refused or did not answer client '" + options.clientId() + "' within " + options.connectWait() + ": "
        + m + "; " + hint, e);
  }

  /** Skips the ExecutionException jnats wraps handshake failures in. */
  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
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

  /** The kind of an {@link EventException} in {@code t}'s cause chain, or null. */
  public static String kindOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EventException e) {
        return e.kind().name();
      }
    }
    return null;
  }

  private StanFailures() {}
}
