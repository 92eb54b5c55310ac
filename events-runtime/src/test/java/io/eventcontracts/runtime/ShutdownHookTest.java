package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

  static Thread hookOf(EventClient client) throws Exception {
    Field field = client.getClass().getDeclaredField("shutdownHook");
    field.setAccessible(true);
    return (Thread) field.get(client);
  }

  ClientOptions options(boolean hook) {
    return ClientOptions.builder().contracts(EventClientPublishTest.CONTRACTS).closeOnShutdown(hook).build();
  }

  @Test
  void explicitCloseRemovesTheHook() throws Exception {
    EventClient client = EventClient.create(new InMemoryTestTransport(), options(true));
    Thread hook = hookOf(client);
    assertThat(hook).isNotNull();
    client.close();
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("already removed by close()").isFalse();
  }

  @Test
  void theHookClosesTheClientAndItsTransport() throws Exception {
    InMemoryTestTransport transport = new InMemoryTestTransport();
    EventClient client = EventClient.create(transport, options(true));
    Thread hook = hookOf(client);
    Subscription subscription = client.subscribe(
        io.eventcontracts.runtime.testevents.TicketCreatedEvent.TYPE, ListenOptions.of("g"), (e, c) -> {});
    hook.start(); // what the JVM does on SIGINT/SIGTERM: run the hook thread
    hook.join(5_000);
    assertThat(transport.isClosed()).isTrue();
    assertThat(subscription.isActive()).isFalse();
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue(); // tidy up this test JVM
  }

  @Test
  void noHookWhenDisabled() throws Exception {
    try (EventClient client = EventClient.create(new InMemoryTestTransport(), options(false))) {
      assertThat(hookOf(client)).isNull();
    }
  }
}
