package io.eventcontracts.transport.stan;

import io.eventcontracts.testing.stan.RealStanServer;
import org.junit.jupiter.api.Assumptions;

/**
 * The transport contract against a real {@code nats-streaming-server}; every test is skipped (with the reason)
 * unless one is on the PATH or {@code STAN_SERVER_BIN} points at one.
 */
class StanTransportAgainstRealServerTest extends StanTransportContractTest {

  @Override
  protected StanBackend startBackend(String clusterId) {
    Assumptions.assumeTrue(RealStanServer.isAvailable(),
        "no nats-streaming-server on PATH and STAN_SERVER_BIN unset: " + RealStanServer.unavailableReason());
    return StanBackend.realServer(clusterId);
  }
}
