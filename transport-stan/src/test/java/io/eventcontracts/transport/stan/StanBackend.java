package io.eventcontracts.transport.stan;

import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.stan.RealStanServer;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;

/** Something that answers the NATS Streaming protocol for the contract tests. */
interface StanBackend extends AutoCloseable {

  String name();

  String natsUrl();

  String clusterId();

  /** True while the server has the client id registered. */
  boolean knowsClient(String clientId);

  /** The streaming server goes away (the double stops answering; a real server is stopped). */
  void stopStreaming();

  @Override
  void close();

  /** The protocol test double over a real nats-server. */
  static StanBackend testDouble(String clusterId) {
    NatsServerRunner nats = NatsServerRunner.start();
    StanProtocolTestDouble stan;
    try {
      stan = StanProtocolTestDouble.start(nats.url(), clusterId);
    } catch (RuntimeException e) {
      nats.close();
      throw e;
    }
    return new StanBackend() {
      @Override
      public String name() {
        return "protocol test double over nats-server";
      }

      @Override
      public String natsUrl() {
        return nats.url();
      }

      @Override
      public String clusterId() {
        return clusterId;
      }

      @Override
      public boolean knowsClient(String clientId) {
        return stan.knowsClient(clientId);
      }

      @Override
      public void stopStreaming() {
        stan.close();
      }

      @Override
      public void close() {
        try {
          stan.close();
        } finally {
          nats.close();
        }
      }
    };
  }

  /** A real nats-streaming-server. */
  static StanBackend realServer(String clusterId) {
    RealStanServer server = RealStanServer.start(clusterId);
    return new StanBackend() {
      @Override
      public String name() {
        return "nats-streaming-server";
      }

      @Override
      public String natsUrl() {
        return server.url();
      }

      @Override
      public String clusterId() {
        return clusterId;
      }

      @Override
      public boolean knowsClient(String clientId) {
        return server.knowsClient(clientId);
      }

      @Override
      public void stopStreaming() {
        server.stop();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
