package io.eventcontracts.integration.scenarios;

import io.eventcontracts.integration.backend.Backend;
import io.eventcontracts.integration.backend.StanBackend;
import io.eventcontracts.testing.stan.RealStanServer;
import org.junit.jupiter.api.Assumptions;

/**
 * The runtime scenarios on a real {@code nats-streaming-server}. None is packaged for these machines, so every test
 * is skipped, with the reason, unless one is on the PATH or {@code STAN_SERVER_BIN} points at one.
 */
class RealStanServerScenariosTest extends RuntimeScenarios {

  @Override
  protected Backend startBackend() {
    Assumptions.assumeTrue(RealStanServer.isAvailable(),
        "no nats-streaming-server on PATH and STAN_SERVER_BIN unset: " + RealStanServer.unavailableReason());
    return StanBackend.realServer();
  }
}
