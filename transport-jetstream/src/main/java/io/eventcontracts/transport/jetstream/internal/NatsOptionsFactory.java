package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Maps {@link JetStreamOptions} onto jnats {@link Options}. */
final class NatsOptionsFactory {

  private static final SecureRandom RANDOM = new SecureRandom();

  private NatsOptionsFactory() {}

  /** {@code <serviceName>-<8 hex>}: unique per instance, like the seed's {@code randomBytes(4).toString('hex')}. */
  static String connectionName(JetStreamOptions options) {
    if (options.connectionName() != null) {
      return options.connectionName();
    }
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return options.serviceName() + "-" + HexFormat.of().formatHex(bytes);
  }

  static Options build(JetStreamOptions o, String connectionName, ErrorListener errors,
      ConnectionListener connections) {
    Options.Builder b = new Options.Builder()
        .servers(o.servers().toArray(String[]::new))
        .connectionName(connectionName)
        .connectionTimeout(o.connectTimeout())
        .maxReconnects(o.maxReconnects())
        .reconnectWait(o.reconnectWait())
        .errorListener(errors)
        .connectionListener(connections);
    if (o.user() != null) {
      b.userInfo(o.user().toCharArray(), o.password());
    }
    if (o.token() != null) {
      b.token(o.token());
    }
    if (o.credentialsFile() != null) {
      b.authHandler(Nats.credentials(o.credentialsFile().toString()));
    } else if (o.nkeySeedFile() != null) {
      // jwt file null: plain nkey authentication, the seed signs the server's nonce
      b.authHandler(Nats.credentials(null, o.nkeySeedFile().toString()));
    }
    if (o.sslContext() != null) {
      b.sslContext(o.sslContext());
    } else {
      if (o.truststorePath() != null) {
        b.truststorePath(o.truststorePath().toString());
        if (o.truststorePassword() != null) {
          b.truststorePassword(o.truststorePassword());
        }
      }
      if (o.keystorePath() != null) {
        b.keystorePath(o.keystorePath().toString());
        if (o.keystorePassword() != null) {
          b.keystorePassword(o.keystorePassword());
        }
      }
    }
    if (o.natsOptionsCustomizer() != null) {
      o.natsOptionsCustomizer().accept(b);
    }
    return b.build();
  }
}
