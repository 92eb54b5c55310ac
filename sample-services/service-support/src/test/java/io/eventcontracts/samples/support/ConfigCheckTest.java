package io.eventcontracts.samples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConfigCheckTest {

  static final String KEY = "a-shared-secret-of-at-least-32-bytes!";

  @Test
  void aCompleteConfigurationHasNoProblems() {
    assertThat(ConfigCheck.problems(env(Map.of("jwt.key", KEY, "eventcontracts.servers", "nats://nats:4222",
        "spring.datasource.url", "jdbc:postgresql://db:5432/tickets")))).isEmpty();
  }

  @Test
  void everyProblemIsNamedWithWhatToDo() {
    assertThat(ConfigCheck.problems(env(Map.of("eventcontracts.servers", "nats://ok:4222,localhost:4222",
        "spring.datasource.url", "jdbc:mysql://db/x")))).containsExactly(
        "JWT_KEY is not set: export JWT_KEY=<the HS256 secret shared by all services, at least 32 bytes>",
        "eventcontracts.servers: 'localhost:4222' is not a NATS URL; expected nats://host:port",
        "spring.datasource.url: 'jdbc:mysql://db/x' is not supported; use jdbc:h2:... (default) or "
            + "jdbc:postgresql://host:port/db");
    assertThat(ConfigCheck.problems(env(Map.of("jwt.key", "short"))))
        .containsExactly("JWT_KEY is too short for HS256: use at least 32 bytes");
  }

  @Test
  void commandLineArgumentsAreChecked() {
    assertThat(ConfigCheck.problems(new String[] {"--jwt.key=" + KEY, "--eventcontracts.servers=http://x:1"}))
        .containsExactly("eventcontracts.servers: 'http://x:1' is not a NATS URL; expected nats://host:port");
  }

  private static StandardEnvironment env(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
