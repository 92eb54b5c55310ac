package io.eventcontracts.integration.scenarios;

import io.eventcontracts.integration.backend.Backend;
import io.eventcontracts.integration.backend.JetStreamBackend;

/** The runtime scenarios on JetStream: a real nats-server per test, file store. */
class JetStreamScenariosTest extends RuntimeScenarios {

  @Override
  protected Backend startBackend() {
    return JetStreamBackend.start();
  }
}
