package io.eventcontracts.integration.crosslanguage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.integration.backend.JetStreamBackend;
import io.eventcontracts.integration.fixtures.Sample;
import io.eventcontracts.integration.fixtures.TicketingSamples;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.testing.NodeToolchain;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java and Node services on one real nats-server (JetStream), each with its generated code from the same contracts:
 * the Java runtime and the generated npm package ({@code target/typescript}, compiled with {@code tsc --strict}),
 * run in real Node processes. Node logs go to {@code target/cross-language/}.
 */
class NodeInteropTest {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path PACKAGE = MODULE.resolve("target/typescript");
  static final Path SCRIPTS = MODULE.resolve("src/test/node");
  static final Path LOGS = MODULE.resolve("target/cross-language");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static NodeToolchain node;

  JetStreamBackend backend;
  EventClient javaClient;

  @BeforeAll
  static void compilePackage() {
    node = NodeToolchain.install(MODULE.resolve("target/node-toolchain"));
    node.compile(PACKAGE);
  }

  @BeforeEach
  void startBroker() {
    backend = JetStreamBackend.start();
    javaClient = EventClient.create(backend.connect("java-service"), ClientOptions.builder().closeOnShutdown(false).build());
  }

  @AfterEach
  void stop() {
    if (javaClient != null) {
      javaClient.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  /** The raw scripts' require('nats') resolves in the toolchain. */
  static Map<String, String> env() {
    return Map.of("NODE_PATH", node.nodeModules().toString());
  }

  String url() {
    return backend.url();
  }

  String nodeScript(String log, String script, String... args) {
    List<String> cmd = new ArrayList<>(List.of("node", SCRIPTS.resolve(script).toString()));
    cmd.addAll(List.of(args));
    return NodeToolchain.run(SCRIPTS, LOGS.resolve(log), 60, env(), cmd.toArray(String[]::new));
  }

  @Test
  void nodePublishersReachJavaListenersTypedAndValidatedForAllSixContracts() throws Exception {
    Map<String, Object> received = new ConcurrentHashMap<>();
    for (Sample<?> s : TicketingSamples.validSamples()) {
      subscribe(s.type(), received);
    }
    StringBuilder events = new StringBuilder();
    for (Sample<?> s : TicketingSamples.validSamples()) {
      events.append("{\"subject\":\"").append(s.subject()).append("\",\"data\":")
          .append(new String(s.json(), StandardCharsets.UTF_8)).append("}\n");
    }
    Path file = Files.writeString(LOGS.resolve("node-publish-events.jsonl"), events.toString());
    String out = nodeScript("node-publish.log", "publish.js", PACKAGE.toString(), url(), file.toString());
    assertThat(out.lines().filter(l -> l.startsWith("{"))).hasSize(6);

    waitFor(() -> received.size() == 6);
    for (Sample<?> s : TicketingSamples.validSamples()) {
      // typed and bound; the same JSON values (Node writes 25 for Java's BigDecimal 25.0: the same number)
      assertThat(received.get(s.subject())).as(s.name()).isInstanceOf(s.type().javaType());
      assertSameJson(s.name(), JSON.readTree(TicketingSamples.json(s.subject(), received.get(s.subject()))),
          JSON.readTree(s.json()));
    }
    assertThat(javaClient.metrics().forSubject("ticket:created").invalid()).isZero();
  }

  @Test
  void javaPublishersReachNodeListenersForAllSixContracts() throws Exception {
    Process listener = NodeToolchain.start(SCRIPTS, LOGS.resolve("node-listen.log"), env(), "node",
        SCRIPTS.resolve("listen.js").toString(), PACKAGE.toString(), url(), "6", "30000");
    try {
      for (Sample<?> s : TicketingSamples.validSamples()) {
        publish(s);
      }
      assertThat(listener.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(listener.exitValue()).as(Files.readString(LOGS.resolve("node-listen.log"))).isZero();
    } finally {
      listener.destroyForcibly();
    }
    Map<String, JsonNode> bySubject = new ConcurrentHashMap<>();
    for (String line : Files.readAllLines(LOGS.resolve("node-listen.log"))) {
      if (line.startsWith("{")) {
        JsonNode n = JSON.readTree(line);
        bySubject.put(n.get("subject").asString(), n);
      }
    }
    assertThat(bySubject).hasSize(6);
    for (Sample<?> s : TicketingSamples.validSamples()) {
      JsonNode got = bySubject.get(s.subject());
      assertSameJson(s.name(), got.get("data"), JSON.readTree(s.json()));
      // one header names contract and major; no Content-Type for JSON (the runtimes send it only for protobuf)
      assertThat(got.at("/headers/Ec-Contract").asString())
          .isEqualTo(s.type().contractId() + "@" + s.type().contractVersion());
      assertThat(got.get("headers").has("Content-Type")).isFalse();
      assertThat(got.get("headers").has("Ec-Contract-Id")).isFalse();
    }
  }

  @Test
  void anInvalidRawMessageFromNodeIsDeadLetteredByJavaAndTheEnvelopeReadsOnBothSides() throws Exception {
    List<TicketCreatedEvent> handled = new CopyOnWriteArrayList<>();
    javaClient.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("java-service"), (e, ctx) -> {
      handled.add(e);
      ctx.ack();
    });
    String invalid = "{\"id\":\"t-9\",\"version\":0,\"title\":\"x\",\"price\":\"free\",\"userId\":\"u\"}";
    Path file = Files.writeString(LOGS.resolve("raw-invalid.json"), invalid);
    nodeScript("node-raw.log", "publish-raw.js", url(), "ticket:created", file.toString());

    List<byte[]> letters = backend.deadLetters("ticket:created", 1);
    JsonNode envelope = JSON.readTree(letters.get(0));
    assertThat(envelope.get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
    assertThat(envelope.at("/violations/0/pointer").asString()).isEqualTo("/price");
    assertThat(new String(Base64.getDecoder().decode(envelope.get("payloadBase64").asString()),
        StandardCharsets.UTF_8)).isEqualTo(invalid);
    assertThat(handled).isEmpty();

    JsonNode read = JSON.readTree(nodeScript("node-read-java-dl.log", "read-deadletters.js", PACKAGE.toString(),
        url(), "ticket:created").lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(read.get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
    assertThat(read.get("queueGroup").asString()).isEqualTo("java-service");
    assertThat(read.at("/violations/0/pointer").asString()).isEqualTo("/price");
    assertThat(read.get("payload").asString()).isEqualTo(invalid);
    assertThat(read.get("header").asString()).isEqualTo("INVALID_PAYLOAD");
  }

  @Test
  void anInvalidRawMessageFromJavaIsDeadLetteredByNodeAndTheEnvelopeReadsOnBothSides() throws Exception {
    String invalid = "{\"orderId\":\"\"}";
    Process listener = NodeToolchain.start(SCRIPTS, LOGS.resolve("node-listen-dl.log"), env(), "node",
        SCRIPTS.resolve("listen.js").toString(), PACKAGE.toString(), url(), "1", "30000");
    try {
      backend.publishRaw("expiration:complete", invalid.getBytes(StandardCharsets.UTF_8));
      // a valid one behind it: the listener handles it, so the invalid one was passed over, not stuck
      publish(TicketingSamples.validSamples().stream().filter(s -> s.subject().equals("expiration:complete"))
          .findFirst().orElseThrow());
      assertThat(listener.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(listener.exitValue()).as(Files.readString(LOGS.resolve("node-listen-dl.log"))).isZero();
    } finally {
      listener.destroyForcibly();
    }
    List<byte[]> letters = backend.deadLetters("expiration:complete", 1);
    JsonNode envelope = JSON.readTree(letters.get(0));
    assertThat(envelope.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(envelope.get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
    assertThat(envelope.get("queueGroup").asString()).isEqualTo("node-service");
    assertThat(envelope.get("contractId").asString()).isEqualTo(EventTypes.EXPIRATION_COMPLETE.contractId());
    assertThat(envelope.at("/violations/0/pointer").asString()).isEqualTo("/orderId");
    assertThat(envelope.at("/violations/0/keyword").asString()).isEqualTo("minLength");
    assertThat(new String(Base64.getDecoder().decode(envelope.get("payloadBase64").asString()),
        StandardCharsets.UTF_8)).isEqualTo(invalid);
    assertThat(envelope.get("payloadSize").asInt()).isEqualTo(invalid.length());

    JsonNode read = JSON.readTree(nodeScript("node-read-node-dl.log", "read-deadletters.js", PACKAGE.toString(),
        url(), "expiration:complete").lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(read.get("payload").asString()).isEqualTo(invalid);
    assertThat(read.get("header").asString()).isEqualTo("INVALID_PAYLOAD");
  }

  @Test
  void nodeRefusesAnotherMajorNamedByTheEcContractHeaderAsJavaDoes() throws Exception {
    Sample<?> sample = TicketingSamples.validSamples().stream()
        .filter(s -> s.subject().equals("expiration:complete")).findFirst().orElseThrow();
    Process listener = NodeToolchain.start(SCRIPTS, LOGS.resolve("node-listen-major.log"), env(), "node",
        SCRIPTS.resolve("listen.js").toString(), PACKAGE.toString(), url(), "2", "30000");
    try {
      String id = EventTypes.EXPIRATION_COMPLETE.contractId();
      backend.publishRaw("expiration:complete", sample.json(), Map.of("Ec-Contract", id + "@2"));
      // the older headers are still understood: the right contract and major is handled
      backend.publishRaw("expiration:complete", sample.json(), Map.of("Ec-Contract-Id", id,
          "Ec-Contract-Version", "1"));
      publish(sample);
      assertThat(listener.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(listener.exitValue()).as(Files.readString(LOGS.resolve("node-listen-major.log"))).isZero();
    } finally {
      listener.destroyForcibly();
    }
    JsonNode envelope = JSON.readTree(backend.deadLetters("expiration:complete", 1).get(0));
    assertThat(envelope.get("reason").asString()).isEqualTo("CONTRACT_MISMATCH");
    assertThat(envelope.get("error").asString()).contains("version 2");
    assertThat(envelope.at("/headers/Ec-Contract").asString()).isEqualTo(
        EventTypes.EXPIRATION_COMPLETE.contractId() + "@2");
  }

  /** Equal JSON, numbers compared by value ({@code 25} and {@code 25.0} are one number). */
  static void assertSameJson(String what, JsonNode actual, JsonNode expected) {
    java.util.Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    assertThat(actual.equals(byValue, expected)).as(what + ": " + actual + " vs " + expected).isTrue();
  }

  private <T> void subscribe(EventType<T> type, Map<String, Object> into) {
    javaClient.subscribe(type, ListenOptions.of("java-service"), (e, ctx) -> {
      into.put(type.subject(), e);
      ctx.ack();
    });
  }

  @SuppressWarnings("unchecked")
  private <T> void publish(Sample<T> s) {
    javaClient.publish(s.type(), s.event()).join();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(50);
    }
  }
}
