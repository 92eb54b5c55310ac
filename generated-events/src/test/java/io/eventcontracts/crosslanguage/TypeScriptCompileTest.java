package io.eventcontracts.crosslanguage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.testing.NodeToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated package's types catch what the contracts forbid, at compile time: fixtures in
 * {@code src/test/typescript-fixtures} compiled with {@code tsc --strict} against the package (as a Node service
 * imports it, {@code @eventcontracts/ticketing-events}); the seed-style service compiles, and each wrong fixture fails
 * with the compiler error that names the mistake.
 */
class TypeScriptCompileTest {

  static final Path FIXTURES = NodeHarness.MODULE.resolve("src/test/typescript-fixtures");
  static final Path WORK = NodeHarness.MODULE.resolve("target/typescript-fixtures");

  @BeforeAll
  static void prepare() throws IOException {
    NodeToolchain toolchain = NodeHarness.get();
    Files.createDirectories(WORK);
    toolchain.link(WORK);
    try (var files = Files.list(FIXTURES)) {
      for (Path f : files.toList()) {
        Files.copy(f, WORK.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(WORK.resolve("tsconfig.base.json"), """
        {
          "compilerOptions": {
            "target": "ES2020", "module": "commonjs", "strict": true, "noEmit": true, "esModuleInterop": true,
            "skipLibCheck": true, "types": ["node"], "baseUrl": ".",
            "paths": { "@eventcontracts/ticketing-events": ["../typescript/src/index.ts"] }
          }
        }
        """);
  }

  static NodeToolchain.Result compile(String name, String... fixtures) throws IOException {
    Files.writeString(WORK.resolve("tsconfig." + name + ".json"), "{ \"extends\": \"./tsconfig.base.json\","
        + " \"files\": [\"" + String.join("\", \"", fixtures) + "\"] }\n");
    return NodeToolchain.runAllowingFailure(WORK, WORK.resolve(name + ".log"), 120, Map.of(), "node",
        NodeHarness.get().tsc(), "-p", "tsconfig." + name + ".json");
  }

  /** The wrong fixtures, compiled in one tsc run (tsc reports every file's errors). */
  static NodeToolchain.Result wrong;

  static synchronized NodeToolchain.Result wrongFixtures() throws IOException {
    if (wrong == null) {
      wrong = compile("wrong", "string-price.ts", "created-through-updated-publisher.ts",
          "wrong-subject-listener.ts");
    }
    return wrong;
  }

  @Test
  void aSeedStyleServiceCompiles() throws IOException {
    NodeToolchain.Result r = compile("seed-service", "seed-service.ts");
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void aStringPriceDoesNotCompile() throws IOException {
    NodeToolchain.Result r = wrongFixtures();
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("string-price.ts(4,").contains("error TS2322")
        .contains("Type 'string' is not assignable to type 'number'");
  }

  @Test
  void ticketCreatedDataThroughTheTicketUpdatedPublisherDoesNotCompile() throws IOException {
    NodeToolchain.Result r = wrongFixtures();
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("created-through-updated-publisher.ts(5,").contains("error TS2345")
        .contains("Argument of type 'TicketCreatedData' is not assignable to parameter of type 'TicketUpdatedData'");
  }

  @Test
  void aListenerClaimingAnotherEventsSubjectDoesNotCompile() throws IOException {
    NodeToolchain.Result r = wrongFixtures();
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("wrong-subject-listener.ts(6,").contains("error TS2416")
        .contains("Subjects.OrderCreated");
  }
}
