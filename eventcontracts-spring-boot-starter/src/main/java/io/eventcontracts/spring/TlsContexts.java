package io.eventcontracts.spring;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An {@link SSLContext} from the {@code eventcontracts.tls.*} stores, for the NATS Streaming binding. */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext fromStores(EventContractsProperties.Tls tls) {
    try {
      TrustManagerFactory tmf = null;
      if (tls.getTruststore() != null) {
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(tls.getTruststore(), tls.getTruststorePassword()));
      }
      KeyManagerFactory kmf = null;
      if (tls.getKeystore() != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(tls.getKeystore(), tls.getKeystorePassword()), TransportFactory.chars(tls.getKeystorePassword()));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalArgumentException("eventcontracts.tls: cannot load the key/trust stores: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path path, String password) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, TransportFactory.chars(password));
    }
    return store;
  }
}
