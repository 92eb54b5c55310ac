package io.eventcontracts.samples.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Checks the settings a service cannot run without before Spring starts, so that a mistake is one clear line and
 * a non-zero exit instead of a stack trace: {@code JWT_KEY}, the NATS URLs and the JDBC URL.
 */
public final class ConfigCheck {

  private ConfigCheck() {}

  /** What is wrong with the settings from the environment, system properties and command line (empty = fine). */
  public static List<String> problems(String[] args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    return problems(environment);
  }

  /** What is wrong with the given settings (empty = fine). */
  public static List<String> problems(ConfigurableEnvironment environment) {
    ConfigurationPropertySources.attach(environment);
    Binder binder = Binder.get(environment);
    List<String> problems = new ArrayList<>();
    String key = environment.getProperty("jwt.key", environment.getProperty("JWT_KEY", ""));
    if (key.isBlank()) {
      problems.add("JWT_KEY is not set: export JWT_KEY=<the HS256 secret shared by all services, at least "
          + JwtVerifier.MIN_KEY_BYTES + " bytes>");
    } else if (key.getBytes(StandardCharsets.UTF_8).length < JwtVerifier.MIN_KEY_BYTES) {
      problems.add("JWT_KEY is too short for HS256: use at least " + JwtVerifier.MIN_KEY_BYTES + " bytes");
    }
    for (String url : binder.bind("eventcontracts.servers", Bindable.listOf(String.class)).orElse(List.of())) {
      if (!isNatsUrl(url)) {
        problems.add("eventcontracts.servers: '" + url + "' is not a NATS URL; expected nats://host:port");
      }
    }
    String jdbc = environment.getProperty("spring.datasource.url");
    if (jdbc != null && !(jdbc.startsWith("jdbc:h2:") || jdbc.startsWith("jdbc:postgresql://"))) {
      problems.add("spring.datasource.url: '" + jdbc
          + "' is not supported; use jdbc:h2:... (default) or jdbc:postgresql://host:port/db");
    }
    return problems;
  }

  static boolean isNatsUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      return ("nats".equals(uri.getScheme()) || "tls".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
