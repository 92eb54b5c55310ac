package io.eventcontracts.samples.support;

import io.eventcontracts.ticketing.Subjects;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a sample service: checks its configuration first (one line on stderr and exit code 2 when something is
 * wrong), then runs Spring with the service's own config file ({@code <name>.yml}), so that the four services can
 * share one class path (the demo, the tests) without reading each other's {@code application.yml}.
 */
public final class SampleApplication {

  /** Exit code for a configuration error. */
  public static final int CONFIG_ERROR = 2;

  private SampleApplication() {}

  /** For {@code main}: exits the JVM on a configuration error or a failed start. */
  public static ConfigurableApplicationContext run(Class<?> application, String name, String[] args) {
    List<String> problems = ConfigCheck.problems(args);
    if (!problems.isEmpty()) {
      System.err.println(name + ": cannot start: " + String.join("; ", problems));
      System.exit(CONFIG_ERROR);
    }
    try {
      return builder(application, name).run(args);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println(name + ": cannot start: " + root.getMessage());
      System.exit(1);
      return null;
    }
  }

  /** The service's application builder (also used by tests that run several services in one JVM). */
  public static SpringApplicationBuilder builder(Class<?> application, String name) {
    return new SpringApplicationBuilder(application).properties(defaults(name));
  }

  /**
   * The settings the four services share, as Spring's default properties (the lowest precedence: the service's
   * {@code <name>.yml}, environment variables and command-line arguments override them).
   */
  public static Map<String, Object> defaults(String name) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.config.name", name);
    defaults.put("spring.application.name", name);
    // Embedded H2 in a file (pending expirations and the outbox survive a restart); a JDBC URL switches to PostgreSQL.
    defaults.put("spring.datasource.url", "jdbc:h2:file:${sample.data-dir:./data}/" + name);
    defaults.put("spring.flyway.locations", "classpath:db/common,classpath:db/" + name);
    // Every service declares every ticketing subject, so the shared stream exists as soon as the first one starts.
    defaults.put("eventcontracts.jetstream.subjects",
        Arrays.stream(Subjects.values()).map(Subjects::value).collect(Collectors.joining(",")));
    defaults.put("management.endpoints.web.exposure.include", "health,metrics");
    defaults.put("management.endpoint.health.show-details", "always");
    return defaults;
  }
}
