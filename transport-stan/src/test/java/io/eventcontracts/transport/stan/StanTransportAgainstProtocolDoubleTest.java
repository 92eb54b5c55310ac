package io.eventcontracts.transport.stan;

/** The transport contract against the STAN protocol test double running over a real nats-server. */
class StanTransportAgainstProtocolDoubleTest extends StanTransportContractTest {

  @Override
  protected StanBackend startBackend(String clusterId) {
    return StanBackend.testDouble(clusterId);
  }
}
