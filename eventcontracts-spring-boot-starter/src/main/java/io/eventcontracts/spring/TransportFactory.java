package io.eventcontracts.spring;

import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import java.util.List;

/** Builds the configured transport from {@link EventContractsProperties}: the one place properties meet options. */
final class TransportFactory {

  private TransportFactory() {}

  static Transport connect(EventContractsProperties properties, String serviceName) {
    checkServers(properties.getServers());
    return switch (properties.getTransport()) {
      case JETSTREAM -> JetStreamTransport.connect(jetStreamOptions(properties, serviceName));
      case STAN -> StanTransportFactory.connect(properties, serviceName);
    };
  }

  static JetStreamOptions jetStreamOptions(EventContractsProperties p, String serviceName) {
    EventContractsProperties.Jetstream js = p.getJetstream();
    JetStreamOptions.Builder b = JetStreamOptions.builder()
        .servers(p.getServers())
        .serviceName(serviceName)
        .connectTimeout(p.getConnectTimeout())
        .maxReconnects(p.getMaxReconnects())
        .reconnectWait(p.getReconnectWait())
        .streamName(js.getStreamName())
        .deadLetterStreamName(js.getDeadLetterStreamName())
        // one owner: the runtime's dead-letter prefix decides the dead-letter stream's subjects
        .deadLetterSubjectPrefix(p.getDeadLetterPrefix() + ".")
        .subjects(js.getSubjects())
        .createStreams(js.isCreateStreams())
        .storage(js.getStorage())
        .replicas(js.getReplicas())
        .duplicateWindow(js.getDuplicateWindow())
        .maxAge(js.getMaxAge())
        .publishTimeout(js.getPublishTimeout())
        .pullExpiry(js.getPullExpiry())
        .drainTimeout(js.getDrainTimeout());
    if (p.getUsername() != null) {
      b.userInfo(p.getUsername(), chars(p.getPassword()));
    }
    if (p.getToken() != null) {
      b.token(chars(p.getToken()));
    }
    if (p.getCredentialsFile() != null) {
      b.credentialsFile(p.getCredentialsFile());
    }
    EventContractsProperties.Tls tls = p.getTls();
    if (tls.getTruststore() != null) {
      b.truststore(tls.getTruststore(), chars(tls.getTruststorePassword()));
    }
    if (tls.getKeystore() != null) {
      b.keystore(tls.getKeystore(), chars(tls.getKeystorePassword()));
    }
    return b.build();
  }

  /** Refuses anything but nats:// and tls:// URLs with host and port, naming the property. */
  static void checkServers(List<String> servers) {
    if (servers == null || servers.isEmpty()) {
      throw new IllegalArgumentException("eventcontracts.servers is empty: set at least one nats:// URL");
    }
    for (String url : servers) {
      java.net.URI uri;
      try {
        uri = new java.net.URI(url.trim());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("eventcontracts.servers: '" + url + "' is not a URL ("
            + e.getReason() + "); expected e.g. nats://127.0.0.1:4222");
      }
      if (uri.getScheme() == null || !List.of("nats", "tls").contains(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("eventcontracts.servers: '" + url
            + "' is not a NATS URL; expected nats://host:port or tls://host:port");
      }
    }
  }

  static char[] chars(String s) {
    return s == null ? new char[0] : s.toCharArray();
  }
}
