package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Smoke test: the project's real contracts (schemas/json) all compile under the runtime's rules. */
class TicketingContractsTest {

  @Test
  void everyTicketingContractCompiles() throws Exception {
    Path dir = Path.of("../schemas/json");
    assumeTrue(Files.isDirectory(dir), "schemas/json not found next to events-runtime");
    JsonMapper json = JsonMapper.builder().build();
    ContractRegistry.Builder builder = ContractRegistry.builder();
    int count = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode tree = json.readTree(bytes);
        String id = tree.get("$id").asString();
        int version = tree.get("x-version").asInt();
        if (tree.hasNonNull("x-subject")) {
          builder.contract(id, tree.get("x-subject").asString(), version, bytes);
        } else {
          builder.type(id, version, bytes);
        }
        count++;
      }
    }
    ContractRegistry registry = builder.build();
    assertThat(registry.contracts()).hasSize(count);
    assertThat(registry.forSubject("expiration:complete")).isPresent();
  }
}
