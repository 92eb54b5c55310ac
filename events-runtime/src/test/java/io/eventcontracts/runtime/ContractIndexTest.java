package io.eventcontracts.runtime;

import static io.eventcontracts.runtime.ContractRegistryTest.BASE;
import static io.eventcontracts.runtime.ContractRegistryTest.loader;
import static io.eventcontracts.runtime.ContractRegistryTest.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.tools.BundledContracts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the runtime reads the contract index of a jar ({@value ContractRegistry#INDEX_RESOURCE}): only the format it
 * knows, every entry complete, and every problem reported with the index it is in and what to do.
 */
class ContractIndexTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path jar;

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Writes a.json and an index around {@code entries} (the JSON of the "contracts" value). */
  void writeIndex(String formatVersionJson, String contractsJson) throws Exception {
    Path dir = Files.createDirectories(jar.resolve("META-INF/eventcontracts/schemas"));
    Files.write(dir.resolve("a.json"), schema(BASE + "a.json", "\"type\":\"object\""));
    Files.writeString(jar.resolve(ContractRegistry.INDEX_RESOURCE), "{"
        + (formatVersionJson == null ? "" : "\"formatVersion\":" + formatVersionJson + ",")
        + "\"contracts\":" + contractsJson + "}");
  }

  static String entry(String fields) {
    return "[{\"resource\":\"META-INF/eventcontracts/schemas/a.json\"" + fields + "}]";
  }

  EventException loadFails() throws Exception {
    try (URLClassLoader loader = loader(jar)) {
      return (EventException) org.assertj.core.api.Assertions.catchThrowable(() -> ContractRegistry.of(loader));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0", "\"1\"", "1.5", "true", "null"})
  void anIndexOfAnotherFormatVersionIsRefused(String formatVersion) throws Exception {
    writeIndex(formatVersion, entry(",\"id\":\"" + BASE + "a.json\",\"subject\":\"a\""));

    EventException e = loadFails();

    assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
    assertThat(e.getMessage())
        .startsWith("contract index: " + jar.resolve(ContractRegistry.INDEX_RESOURCE).toUri().toURL())
        .contains(" has formatVersion " + formatVersion + ", this runtime reads formatVersion 1; ")
        .contains("regenerate");
  }

  @Test
  void anIndexWithoutFormatVersionIsRefused() throws Exception {
    writeIndex(null, entry(",\"id\":\"" + BASE + "a.json\",\"subject\":\"a\""));

    assertThat(loadFails().getMessage()).contains(" has no formatVersion, this runtime reads formatVersion 1; ");
  }

  @Test
  void anIndexThatIsNotAnObjectOrHasNoContractArrayIsRefused() throws Exception {
    Files.createDirectories(jar.resolve("META-INF/eventcontracts"));
    Files.writeString(jar.resolve(ContractRegistry.INDEX_RESOURCE), "[1]");
    assertThat(loadFails().getMessage()).endsWith("index.json is not a JSON object; regenerate the bundle");

    Files.writeString(jar.resolve(ContractRegistry.INDEX_RESOURCE), "{\"formatVersion\":1,\"contracts\":{}}");
    assertThat(loadFails().getMessage()).endsWith("index.json: \"contracts\" must be an array of contract entries;"
        + " regenerate the bundle");

    Files.writeString(jar.resolve(ContractRegistry.INDEX_RESOURCE), "{\"formatVersion\":1}");
    assertThat(loadFails().kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
  }

  @Test
  void anIndexThatIsNotJsonIsRefused() throws Exception {
    Files.createDirectories(jar.resolve("META-INF/eventcontracts"));
    Files.writeString(jar.resolve(ContractRegistry.INDEX_RESOURCE), "{not json");

    EventException e = loadFails();

    assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
    assertThat(e.getMessage()).startsWith("contract index: cannot read ").contains("index.json");
  }

  @Test
  void everyEntryNeedsAnIdAndAResource() throws Exception {
    writeIndex("1", entry(",\"subject\":\"a\""));
    assertThat(loadFails().getMessage()).isEqualTo("contract index: "
        + jar.resolve(ContractRegistry.INDEX_RESOURCE).toUri().toURL()
        + ": every contract entry needs \"id\" and \"resource\"");

    writeIndex("1", "[{\"id\":\"" + BASE + "a.json\",\"subject\":\"a\"}]");
    assertThat(loadFails().getMessage()).isEqualTo("contract " + BASE + "a.json: "
        + jar.resolve(ContractRegistry.INDEX_RESOURCE).toUri().toURL()
        + ": every contract entry needs \"id\" and \"resource\"");

    writeIndex("1", entry(",\"id\":null,\"subject\":\"a\""));
    assertThat(loadFails().getMessage()).endsWith(": every contract entry needs \"id\" and \"resource\"");
  }

  @Test
  void anEventEntryNeedsASubjectButATypeEntryDoesNot() throws Exception {
    writeIndex("1", entry(",\"id\":\"" + BASE + "a.json\""));
    assertThat(loadFails().getMessage()).isEqualTo("contract " + BASE + "a.json: "
        + jar.resolve(ContractRegistry.INDEX_RESOURCE).toUri().toURL() + ": event contract without \"subject\"");

    writeIndex("1", entry(",\"id\":\"" + BASE + "a.json\",\"kind\":\"type\",\"subject\":\"ignored\",\"version\":3"));
    try (URLClassLoader loader = loader(jar)) {
      ContractRegistry registry = ContractRegistry.of(loader);
      ContractRegistry.Contract type = registry.forId(BASE + "a.json").orElseThrow();
      assertThat(type.isEvent()).isFalse();
      assertThat(type.subject()).isNull();
      assertThat(type.version()).isEqualTo(3);
      assertThat(registry.forSubject("ignored")).isEmpty();
    }
  }

  @Test
  void anEntryIsReadCompletelyAndItsIdWithoutAnEmptyFragment() throws Exception {
    byte[] schema = schema(BASE + "a.json", "\"type\":\"object\"");
    writeIndex("1", entry(",\"id\":\"" + BASE + "a.json#\",\"subject\":\"a:happened\",\"name\":\"AHappened\","
        + "\"version\":2,\"javaType\":\"com.example.AHappened\",\"sha256\":\"" + sha256(schema).toUpperCase() + "\""));
    try (URLClassLoader loader = loader(jar)) {
      ContractRegistry registry = ContractRegistry.of(loader);

      assertThat(registry.forSubject("a:happened")).contains(new ContractRegistry.Contract(BASE + "a.json",
          "AHappened", "event", "a:happened", 2, "META-INF/eventcontracts/schemas/a.json", "com.example.AHappened"));
      assertThat(registry.schemaBytes(BASE + "a.json")).hasValueSatisfying(b -> assertThat(b).isEqualTo(schema));
      assertThat(registry.schemaBytes(BASE + "b.json")).isEmpty();
      assertThat(registry.toString()).isEqualTo("ContractRegistry[a:happened]");
    }
  }

  @Test
  void aSchemaFileMissingFromTheJarIsNamed() throws Exception {
    writeIndex("1", "[{\"id\":\"" + BASE + "a.json\",\"subject\":\"a\",\"resource\":\"META-INF/nope.json\"}]");

    EventException e = loadFails();

    assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
    assertThat(e.getMessage()).startsWith("contract " + BASE + "a.json: cannot read schema ")
        .contains("META-INF/nope.json");
  }

  @Test
  void theSameJarTwiceOnTheClassPathIsHarmlessButTwoDifferentCopiesAreNot(@TempDir Path copy) throws Exception {
    writeIndex("1", entry(",\"id\":\"" + BASE + "a.json\",\"subject\":\"a\""));
    Path dir = Files.createDirectories(copy.resolve("META-INF/eventcontracts/schemas"));
    Files.write(dir.resolve("a.json"), schema(BASE + "a.json", "\"type\":\"object\""));
    Files.copy(jar.resolve(ContractRegistry.INDEX_RESOURCE), copy.resolve(ContractRegistry.INDEX_RESOURCE));
    try (URLClassLoader loader = loader(jar, copy)) {
      assertThat(ContractRegistry.of(loader).contracts()).hasSize(1);
    }

    Files.write(dir.resolve("a.json"), schema(BASE + "a.json", "\"type\":\"string\""));
    String first = jar.toUri().toURL().toString();
    String second = copy.toUri().toURL().toString();
    try (URLClassLoader loader = loader(jar, copy)) {
      assertThatThrownBy(() -> ContractRegistry.of(loader)).isInstanceOfSatisfying(EventException.class, e -> {
        assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
        assertThat(e.getMessage()).startsWith("contract " + BASE + "a.json: defined twice with different content")
            .contains(first).contains(second);
      });
    }
  }

  @Test
  void aSchemaThatIsNotAnObjectIsRefusedAsSuch() {
    assertThatThrownBy(() -> ContractRegistry.builder().contract(BASE + "a.json", "a", 1,
        "[]".getBytes(StandardCharsets.UTF_8)).build()).isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
          assertThat(e.getMessage()).isEqualTo("contract " + BASE + "a.json: schema must be a JSON object");
        });
  }

  @Test
  void aMissingSiblingContractIsNamedWhereverItsRefSits() {
    for (String body : List.of("\"allOf\":[{\"$ref\":\"missing-status.json\"}]",
        "\"properties\":{\"s\":{\"$dynamicRef\":\"missing-status.json\"}}",
        "\"$defs\":{\"n\":{\"$id\":\"nested/inner.json\",\"$ref\":\"../missing-status.json\"}}")) {
      assertThatThrownBy(() -> ContractRegistry.builder().contract(BASE + "a.json", "a", 1,
          schema(BASE + "a.json", body)).build()).as(body).isInstanceOfSatisfying(EventException.class, e -> {
            assertThat(e.kind()).isEqualTo(EventException.Kind.SCHEMA_NOT_BUNDLED);
            assertThat(e.getMessage()).isEqualTo("schema " + BASE + "missing-status.json is not bundled"
                + " (referenced from contract " + BASE + "a.json); only contracts listed in"
                + " META-INF/eventcontracts/index.json can be used");
          });
    }
  }

  @Test
  void aResourceEmbeddedUnderItsOwnIdCanBeReferenced() {
    ContractRegistry registry = ContractRegistry.builder().contract(BASE + "a.json", "a", 1, schema(BASE + "a.json",
        "\"type\":\"object\",\"properties\":{\"code\":{\"$ref\":\"code.json\"}},"
            + "\"$defs\":{\"code\":{\"$id\":\"code.json\",\"type\":\"string\",\"minLength\":2}}")).build();

    assertThat(registry.validate(BASE + "a.json", JSON.readTree("{\"code\":\"x\"}")))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/code", "minLength"));
  }

  @Test
  void validatingAgainstAContractThatIsNotBundledFails() {
    assertThatThrownBy(() -> EventClientPublishTest.CONTRACTS.validate(BASE + "nope.json", JSON.readTree("{}")))
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.SCHEMA_NOT_BUNDLED);
          assertThat(e.getMessage()).startsWith("schema " + BASE + "nope.json is not bundled; ");
        });
  }

  @Test
  void theContextClassLoaderDecidesWhatFromClasspathSees() throws Exception {
    writeIndex("1", entry(",\"id\":\"" + BASE + "a.json\",\"subject\":\"a\""));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = loader(jar)) {
      thread.setContextClassLoader(loader);
      assertThat(ContractRegistry.fromClasspath().forSubject("a")).isPresent();
      thread.setContextClassLoader(null); // falls back to the runtime's own loader (the test bundle)
      assertThat(ContractRegistry.fromClasspath().forSubject("ticket:created")).isPresent();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void bundledContractsPrintsEventsFirstThenSharedTypes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContractRegistry registry = ContractRegistry.builder()
        .type(BASE + "money.json", 1, schema(BASE + "money.json", "\"type\":\"number\""))
        .contract(BASE + "a.json", "z:happened", 2, schema(BASE + "a.json", "\"type\":\"object\""))
        .type(BASE + "id.json", 1, schema(BASE + "id.json", "\"type\":\"string\""))
        .contract(BASE + "z.json", "y:happened", 1, schema(BASE + "z.json", "\"type\":\"object\""))
        .build();

    BundledContracts.print(registry, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        String.format("%-22s %-3s %-20s %-52s %s", "SUBJECT", "V", "CONTRACT", "JAVA TYPE", "SCHEMA"),
        String.format("%-22s %-3s %-20s %-52s %s", "y:happened", 1, "", "", "registered:" + BASE + "z.json"),
        String.format("%-22s %-3s %-20s %-52s %s", "z:happened", 2, "", "", "registered:" + BASE + "a.json"),
        String.format("%-22s %-3s %-20s %-52s %s", "(shared type)", 1, "", "", "registered:" + BASE + "id.json"),
        String.format("%-22s %-3s %-20s %-52s %s", "(shared type)", 1, "", "", "registered:" + BASE + "money.json"),
        "2 event contracts and 2 shared type(s) bundled, every schema compiled and every $ref resolved from the"
            + " bundle (no network).");
  }
}
