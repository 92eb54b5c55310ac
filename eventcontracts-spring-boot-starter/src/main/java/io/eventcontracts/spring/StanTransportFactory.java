package io.eventcontracts.spring;

import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.transport.stan.StanOptions;
import io.eventcontracts.transport.stan.StanTransport;

/**
 * NATS Streaming transport from the properties. Kept apart from {@link TransportFactory} so that the optional
 * {@code eventcontracts-transport-stan} jar is loaded only when {@code eventcontracts.transport=stan}.
 */
final class StanTransportFactory {

  private StanTransportFactory() {}

  static Transport connect(EventContractsProperties p, String serviceName) {
    try {
      Class.forName("io.nats.streaming.StreamingConnection", false, StanTransportFactory.class.getClassLoader());
      Class.forName("io.eventcontracts.transport.stan.StanTransport", false,
          StanTransportFactory.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("eventcontracts.transport=stan needs io.eventcontracts:"
          + "eventcontracts-transport-stan on the class path; add the dependency or use transport=jetstream");
    }
    return StanTransport.connect(options(p, serviceName));
  }

  static StanOptions options(EventContractsProperties p, String serviceName) {
    EventContractsProperties.Stan stan = p.getStan();
    StanOptions.Builder b = StanOptions.builder()
        .clusterId(stan.getClusterId())
        .deadLetterPrefix(p.getDeadLetterPrefix())
        .serviceName(serviceName)
        .servers(p.getServers())
        .connectWait(stan.getConnectWait())
        .pubAckWait(stan.getPubAckWait())
        .pingInterval(stan.getPingInterval())
        .maxPingsOut(stan.getMaxPingsOut())
        .natsOptions(nats -> nats
            .connectionTimeout(p.getConnectTimeout())
            .maxReconnects(p.getMaxReconnects())
            .reconnectWait(p.getReconnectWait()));
    if (stan.getClientId() != null) {
      b.clientId(stan.getClientId());
    }
    if (p.getUsername() != null) {
      b.userInfo(p.getUsername(), TransportFactory.chars(p.getPassword()));
    }
    if (p.getToken() != null) {
      b.token(TransportFactory.chars(p.getToken()));
    }
    if (p.getCredentialsFile() != null) {
      b.credentials(p.getCredentialsFile());
    }
    if (p.getTls().getTruststore() != null || p.getTls().getKeystore() != null) {
      // The STAN binding takes an SSLContext only; build it from the same stores as JetStream.
      b.sslContext(TlsContexts.fromStores(p.getTls()));
    }
    return b.build();
  }
}
