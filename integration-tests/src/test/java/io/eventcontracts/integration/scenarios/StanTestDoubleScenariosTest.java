package io.eventcontracts.integration.scenarios;

import io.eventcontracts.integration.backend.Backend;
import io.eventcontracts.integration.backend.StanBackend;

/**
 * The runtime scenarios on NATS Streaming, served by the protocol test double ({@code StanProtocolTestDouble}, a
 * test-only implementation of the streaming protocol) over a real nats-server per test.
 */
class StanTestDoubleScenariosTest extends RuntimeScenarios {

  @Override
  protected Backend startBackend() {
    return StanBackend.testDouble();
  }
}
