package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ContractRegistryTest {

  static final String BASE = "https://eventcontracts.io/schemas/ticketing/";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  static byte[] schema(String id, String body) {
    return ("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"" + id + "\"," + body + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void loadsTheBundleFromTheClasspath() {
    ContractRegistry registry = ContractRegistry.fromClasspath();

    assertThat(registry.contracts()).extracting(ContractRegistry.Contract::id).containsExactlyInAnyOrder(
        BASE + "ticket-created.json", BASE + "order-created.json", BASE + "order-status.json");
    assertThat(registry.forSubject("order:created")).get()
        .extracting(ContractRegistry.Contract::id, ContractRegistry.Contract::name, ContractRegistry.Contract::version)
        .containsExactly(BASE + "order-created.json", "OrderCreated", 1);
    assertThat(registry.forId(BASE + "order-status.json")).get()
        .matches(c -> !c.isEvent() && "type".equals(c.kind()));
    assertThat(registry.forSubject("nope")).isEmpty();
    assertThat(registry.validate(BASE + "order-status.json", JSON.readTree("\"awaiting:payment\""))).isEmpty();
    assertThat(registry.validate(BASE + "order-status.json", JSON.readTree("\"paid\"")))
        .extracting(Violation::keyword).containsExactly("enum");
  }

  @Test
  void remoteRefIsRefusedImmediatelyWithoutAnyConnection() {
    List<URI> proxyLookups = new CopyOnWriteArrayList<>();
    ProxySelector previous = ProxySelector.getDefault();
    // Every HTTP(S) connection the JDK opens asks the default ProxySelector first; record any attempt.
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        proxyLookups.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    });
    try {
      ContractRegistry.Builder builder = ContractRegistry.builder().contract(BASE + "remote.json", "remote:thing", 1,
          schema(BASE + "remote.json",
              "\"type\":\"object\",\"$defs\":{\"unused\":{\"$ref\":\"https://example.invalid/x.json\"}}"));
      long started = System.nanoTime();
      assertThatThrownBy(builder::build).isInstanceOfSatisfying(EventException.class, e -> {
        assertThat(e.kind()).isEqualTo(EventException.Kind.REMOTE_REF_REFUSED);
        assertThat(e.getMessage()).contains("https://example.invalid/x.json").contains(BASE + "remote.json");
      });
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
      assertThat(proxyLookups).isEmpty();
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  @Test
  void fileAndClasspathRefsAreRefusedToo() {
    for (String ref : List.of("file:///etc/passwd", "classpath:draft/2020-12/schema", "http://localhost:1/x.json")) {
      assertThatThrownBy(() -> ContractRegistry.builder().contract(BASE + "a.json", "a", 1,
          schema(BASE + "a.json", "\"properties\":{\"x\":{\"$ref\":\"" + ref + "\"}}")).build())
          .isInstanceOfSatisfying(EventException.class, e -> {
            assertThat(e.kind()).isEqualTo(EventException.Kind.REMOTE_REF_REFUSED);
            assertThat(e.getMessage()).contains(ref);
          });
    }
  }

  @Test
  void missingSiblingContractIsNotBundled() {
    assertThatThrownBy(() -> ContractRegistry.builder().contract(BASE + "a.json", "a", 1,
        schema(BASE + "a.json", "\"properties\":{\"s\":{\"$ref\":\"missing-status.json\"}}")).build())
        .isInstanceOfSatisfying(EventException.class, e -> {
          assertThat(e.kind()).isEqualTo(EventException.Kind.SCHEMA_NOT_BUNDLED);
          assertThat(e.getMessage()).contains(BASE + "missing-status.json").contains(BASE + "a.json");
        });
  }

  @Test
  void relativeRefsResolveAgainstTheIdAndInternalRefsWork() {
    ContractRegistry registry = ContractRegistry.builder()
        .type(BASE + "money.json", 1, schema(BASE + "money.json", "\"type\":\"number\",\"minimum\":0"))
        .contract(BASE + "a.json", "a", 1, schema(BASE + "a.json",
            "\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"money.json\"},\"q\":{\"$ref\":\"#/$defs/q\"}},"
                + "\"$defs\":{\"q\":{\"type\":\"string\"}}"))
        .build();
    assertThat(registry.validate(BASE + "a.json", JSON.readTree("{\"p\":-1,\"q\":1}")))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/p", "minimum"),
            org.assertj.core.groups.Tuple.tuple("/q", "type"));
  }

  @Test
  void eachContractIsValidatedWithItsOwnDraft() {
    // draft-07 ignores keywords beside $ref, 2020-12 applies them: "x" is valid only under draft-07
    String body = "\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/definitions/s\",\"type\":\"integer\"}},"
        + "\"definitions\":{\"s\":{\"type\":\"string\"}}";
    byte[] draft07 = ("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"$id\":\"" + BASE + "d7.json\","
        + body + "}").getBytes();
    ContractRegistry registry = ContractRegistry.builder()
        .contract(BASE + "d7.json", "d7", 1, draft07)
        .contract(BASE + "d2020.json", "d2020", 1, schema(BASE + "d2020.json", body))
        .build();

    assertThat(registry.validate(BASE + "d7.json", JSON.readTree("{\"p\":\"x\"}"))).isEmpty();
    assertThat(registry.validate(BASE + "d2020.json", JSON.readTree("{\"p\":\"x\"}")))
        .extracting(Violation::pointer).containsExactly("/p");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#",
      "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2019-09/schema",
      "https://json-schema.org/draft/2020-12/schema"})
  void everyDraftReadsDateTimeUuidAndVendorKeywordsAsTheTypeScriptValidatorDoes(String draft) {
    byte[] schema = ("{\"$schema\":\"" + draft + "\",\"$id\":\"" + BASE + "formats.json\",\"type\":\"object\","
        + "\"x-publishers\":[\"tickets\"],\"properties\":{\"at\":{\"type\":\"string\",\"format\":\"date-time\"},"
        + "\"id\":{\"type\":\"string\",\"format\":\"uuid\"}}}").getBytes();
    ContractRegistry registry = ContractRegistry.builder().contract(BASE + "formats.json", "formats", 1, schema).build();

    assertThat(registry.validate(BASE + "formats.json", JSON.readTree(
        "{\"at\":\"2024-05-01T10:00:00+02:00\",\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"))).isEmpty();
    assertThat(registry.validate(BASE + "formats.json", JSON.readTree(
        "{\"at\":\"2024-05-01T10:00:00.1234567891+19:00\",\"id\":\"urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e\"}")))
        .as("more than 9 fraction digits and an offset beyond 18:00 are refused by both runtimes")
        .extracting(Violation::pointer).containsExactly("/at", "/id");
  }

  @Test
  void aFileWithoutSchemaIsValidatedWithTheDialectTheBuildResolved(@TempDir Path jar) throws Exception {
    // no "$schema"; the build read it as draft-07 (defaultDraft) and recorded that in the index: keywords beside
    // $ref are ignored, so "x" passes, as it would not under 2020-12
    String body = "\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/definitions/s\",\"type\":\"integer\"}},"
        + "\"definitions\":{\"s\":{\"type\":\"string\"}}";
    byte[] schema = ("{\"$id\":\"" + BASE + "default07.json\"," + body + "}").getBytes();
    writeBundle(jar, "default07.json", "default07", schema, true, "http://json-schema.org/draft-07/schema");
    try (URLClassLoader loader = loader(jar)) {
      ContractRegistry registry = ContractRegistry.builder().classLoader(loader).build();

      assertThat(registry.validate(BASE + "default07.json", JSON.readTree("{\"p\":\"x\"}"))).isEmpty();
      assertThat(registry.validate(BASE + "default07.json", JSON.readTree("{\"p\":1}")))
          .as("the $ref still applies").extracting(Violation::pointer).containsExactly("/p");
    }
  }

  @Test
  void aFileWithoutSchemaAndWithoutIndexDialectIs2020_12(@TempDir Path jar) throws Exception {
    String body = "\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/definitions/s\",\"type\":\"integer\"}},"
        + "\"definitions\":{\"s\":{\"type\":\"string\"}}";
    byte[] schema = ("{\"$id\":\"" + BASE + "plain.json\"," + body + "}").getBytes();
    writeBundle(jar, "plain.json", "plain", schema, true);
    try (URLClassLoader loader = loader(jar)) {
      ContractRegistry registry = ContractRegistry.builder().classLoader(loader).build();

      assertThat(registry.validate(BASE + "plain.json", JSON.readTree("{\"p\":\"x\"}")))
          .extracting(Violation::pointer).containsExactly("/p");
    }
  }

  @Test
  void aFileWithItsOwnSchemaKeepsItWhateverTheIndexDialect(@TempDir Path jar) throws Exception {
    String body = "\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/$defs/s\",\"type\":\"integer\"}},"
        + "\"$defs\":{\"s\":{\"type\":\"string\"}}";
    writeBundle(jar, "own.json", "own", schema(BASE + "own.json", body), true,
        "http://json-schema.org/draft-07/schema");
    try (URLClassLoader loader = loader(jar)) {
      ContractRegistry registry = ContractRegistry.builder().classLoader(loader).build();

      assertThat(registry.validate(BASE + "own.json", JSON.readTree("{\"p\":\"x\"}")))
          .as("its $schema says 2020-12").extracting(Violation::pointer).containsExactly("/p");
    }
  }

  @Test
  void anUnknownIndexDialectIsAClearError(@TempDir Path jar) throws Exception {
    writeBundle(jar, "odd.json", "odd", schema(BASE + "odd.json", "\"type\":\"object\""), true,
        "http://json-schema.org/draft-03/schema");
    try (URLClassLoader loader = loader(jar)) {
      assertThatThrownBy(() -> ContractRegistry.builder().classLoader(loader).build())
          .isInstanceOf(EventException.class).hasMessageContaining("\"dialect\" is http://json-schema.org/draft-03");
    }
  }

  @Test
  void contractsWithoutOrWithRelativeIdAreKnownByTheirBundleLocation() {
    String base = "https://bundle.eventcontracts.invalid/";
    ContractRegistry registry = ContractRegistry.builder()
        .type(base + "common/user.json", 1, "{\"$id\":\"user.json\",\"type\":\"object\",\"required\":[\"id\"]}"
            .getBytes())
        .contract(base + "push.json", "push", 1, ("{\"type\":\"object\",\"properties\":{\"sender\":"
            + "{\"$ref\":\"common/user.json\"}}}").getBytes())
        .build();

    assertThat(registry.validate(base + "push.json", JSON.readTree("{\"sender\":{}}")))
        .extracting(Violation::pointer).containsExactly("/sender/id");
  }

  @Test
  void brokenContractsFailAtLoad() {
    assertKind(ContractRegistry.builder().contract(BASE + "a.json", "a", 1, "{nope".getBytes()),
        EventException.Kind.CONTRACT_INVALID);
    assertKind(ContractRegistry.builder().contract(BASE + "a.json", "a", 1, schema(BASE + "b.json", "\"type\":\"object\"")),
        EventException.Kind.CONTRACT_INVALID);
    assertKind(ContractRegistry.builder().contract(BASE + "a.json", "a", 1,
        ("{\"$schema\":\"http://json-schema.org/draft-03/schema#\",\"$id\":\"" + BASE + "a.json\"}").getBytes()),
        EventException.Kind.CONTRACT_INVALID);
    assertKind(ContractRegistry.builder()
        .contract(BASE + "a.json", "same", 1, schema(BASE + "a.json", "\"type\":\"object\""))
        .contract(BASE + "b.json", "same", 1, schema(BASE + "b.json", "\"type\":\"object\"")),
        EventException.Kind.CONTRACT_INVALID);
  }

  @Test
  void danglingPointerInsideAContractFailsAtLoadNotAtTheFirstMessage() {
    assertKind(ContractRegistry.builder().contract(BASE + "a.json", "a", 1, schema(BASE + "a.json",
        "\"properties\":{\"deep\":{\"properties\":{\"x\":{\"$ref\":\"#/$defs/missing\"}}}}")),
        EventException.Kind.CONTRACT_INVALID);
  }

  @Test
  void indexesOfSeveralJarsAreMerged(@TempDir Path jar1, @TempDir Path jar2) throws Exception {
    writeBundle(jar1, "a.json", "a:happened", schema(BASE + "a.json", "\"type\":\"object\""), true);
    writeBundle(jar2, "b.json", "b:happened", schema(BASE + "b.json", "\"type\":\"string\""), true);
    try (URLClassLoader loader = loader(jar1, jar2)) {
      ContractRegistry registry = ContractRegistry.of(loader);
      assertThat(registry.forSubject("a:happened")).isPresent();
      assertThat(registry.forSubject("b:happened")).isPresent();
    }
  }

  @Test
  void sameSubjectWithDifferentContractsInTwoJarsIsAClearError(@TempDir Path jar1, @TempDir Path jar2)
      throws Exception {
    writeBundle(jar1, "a.json", "x:happened", schema(BASE + "a.json", "\"type\":\"object\""), true);
    writeBundle(jar2, "b.json", "x:happened", schema(BASE + "b.json", "\"type\":\"object\""), true);
    try (URLClassLoader loader = loader(jar1, jar2)) {
      assertThatThrownBy(() -> ContractRegistry.of(loader)).isInstanceOfSatisfying(EventException.class, e -> {
        assertThat(e.kind()).isEqualTo(EventException.Kind.CONTRACT_INVALID);
        assertThat(e.getMessage()).contains("x:happened").contains(BASE + "a.json").contains(BASE + "b.json");
      });
    }
  }

  @Test
  void checksumMismatchIsDetected(@TempDir Path jar) throws Exception {
    writeBundle(jar, "a.json", "a:happened", schema(BASE + "a.json", "\"type\":\"object\""), false);
    try (URLClassLoader loader = loader(jar)) {
      assertThatThrownBy(() -> ContractRegistry.of(loader)).isInstanceOfSatisfying(EventException.class,
          e -> assertThat(e.getMessage()).contains("sha256"));
    }
  }

  static URLClassLoader loader(Path... roots) throws Exception {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }

  static void writeBundle(Path root, String file, String subject, byte[] schema, boolean goodSha) throws Exception {
    writeBundle(root, file, subject, schema, goodSha, null);
  }

  static void writeBundle(Path root, String file, String subject, byte[] schema, boolean goodSha, String dialect)
      throws Exception {
    Path dir = Files.createDirectories(root.resolve("META-INF/eventcontracts/schemas"));
    Files.write(dir.resolve(file), schema);
    String sha = goodSha ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema)) : "00";
    Files.writeString(root.resolve("META-INF/eventcontracts/index.json"), "{\"formatVersion\":1,\"contracts\":[{"
        + "\"name\":\"X\",\"kind\":\"event\",\"subject\":\"" + subject + "\",\"version\":1,\"id\":\"" + BASE + file
        + "\",\"format\":\"json-schema\"" + (dialect == null ? "" : ",\"dialect\":\"" + dialect + "\"")
        + ",\"resource\":\"META-INF/eventcontracts/schemas/" + file + "\",\"sha256\":\""
        + sha + "\"}]}");
  }

  static void assertKind(ContractRegistry.Builder builder, EventException.Kind kind) {
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(EventException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
