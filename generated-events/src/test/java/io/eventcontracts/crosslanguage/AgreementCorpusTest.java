package io.eventcontracts.crosslanguage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Violation;
import io.eventcontracts.testing.NodeToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreement corpus ({@code src/test/corpus/agreement-corpus.jsonl}, written by {@code make-corpus.py}): payloads
 * aimed at where validators differ, each with the verdict of the one reading of docs/typescript.md. The Java receive
 * path (bounded strict parse, contract validation, binding to the generated class) and the generated TypeScript
 * package's validator (ajv, in a real Node process) must each give exactly that verdict on every sample, so they
 * agree with each other; a failure names every sample that differs.
 */
class AgreementCorpusTest {

  static final Path CORPUS = NodeHarness.MODULE.resolve("src/test/corpus/agreement-corpus.jsonl");
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  record Sample(String name, String subject, boolean valid, byte[] payload) {}

  record Verdict(boolean valid, String detail) {}

  static List<Sample> samples;

  @BeforeAll
  static void readCorpus() throws IOException {
    samples = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        samples.add(sample(MAPPER.readTree(line)));
      }
    }
  }

  static Sample sample(JsonNode s) {
    byte[] payload;
    if (s.has("base64")) {
      payload = Base64.getDecoder().decode(s.get("base64").asString());
    } else {
      String text = s.get("text").asString();
      JsonNode fills = s.path("fills");
      for (int i = 0; i < fills.size(); i++) {
        text = text.replace("@@FILL" + i + "@@", fills.get(i).get(0).asString().repeat(fills.get(i).get(1).asInt()));
      }
      payload = text.getBytes(StandardCharsets.UTF_8);
    }
    return new Sample(s.get("name").asString(), s.get("subject").asString(), s.get("valid").asBoolean(), payload);
  }

  @Test
  void theCorpusIsLargeAndMixed() {
    assertThat(samples).hasSizeGreaterThanOrEqualTo(300);
    assertThat(samples.stream().filter(Sample::valid).count()).isGreaterThan(100);
    assertThat(samples.stream().filter(s -> !s.valid()).count()).isGreaterThan(100);
    assertThat(samples.stream().map(Sample::name).distinct().count()).isEqualTo(samples.size());
  }

  @Test
  void javasFullReceivePathGivesTheDocumentedVerdictOnEverySample() {
    ContractRegistry registry = ContractRegistry.fromClasspath();
    EventCodec codec = EventCodec.create();
    List<String> wrong = new ArrayList<>();
    for (Sample s : samples) {
      Verdict v = javaVerdict(registry, codec, s);
      if (v.valid() != s.valid()) {
        wrong.add(s.name() + ": expected " + (s.valid() ? "valid" : "invalid") + ", Java says "
            + (v.valid() ? "valid" : "invalid") + " " + v.detail());
      }
    }
    assertThat(wrong).as("samples where Java's verdict is not the documented one").isEmpty();
  }

  @Test
  void theTypeScriptValidatorGivesTheDocumentedVerdictOnEverySample() {
    NodeHarness.get();
    Path log = NodeHarness.MODULE.resolve("target/cross-language/corpus-verdicts.jsonl");
    String out = NodeToolchain.run(NodeHarness.MODULE, log, 120, java.util.Map.of(), "node",
        NodeHarness.SCRIPTS.resolve("corpus-runner.js").toString(), CORPUS.toString(),
        NodeHarness.TICKETING.toString(), NodeHarness.LEDGER.toString());
    Map<String, JsonNode> verdicts = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode v = MAPPER.readTree(line);
        verdicts.put(v.get("name").asString(), v);
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Sample s : samples) {
      JsonNode v = verdicts.get(s.name());
      if (v == null) {
        wrong.add(s.name() + ": no TypeScript verdict");
      } else if (!v.get("valid").isBoolean() || v.get("valid").asBoolean() != s.valid()) {
        wrong.add(s.name() + ": expected " + (s.valid() ? "valid" : "invalid") + ", TypeScript says " + v.get("valid")
            + " " + v.get("detail").asString());
      }
    }
    assertThat(wrong).as("samples where the TypeScript verdict is not the documented one").isEmpty();
  }

  /** Parse (bounded, strict UTF-8), validate, bind to the generated class: the receive path of EventClient. */
  static Verdict javaVerdict(ContractRegistry registry, EventCodec codec, Sample s) {
    ContractRegistry.Contract contract = registry.forSubject(s.subject()).orElseThrow();
    try {
      JsonNode tree = codec.readTree(s.subject(), s.payload());
      List<Violation> violations = registry.validate(contract.id(), tree);
      if (!violations.isEmpty()) {
        return new Verdict(false, violations.stream().map(v -> v.pointer() + ": " + v.message() + " [" + v.keyword()
            + "]").collect(Collectors.joining("; ")));
      }
      codec.read(s.subject(), tree, Class.forName(contract.javaType()));
      return new Verdict(true, "");
    } catch (EventException e) {
      return new Verdict(false, e.kind() + " " + e.violations());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
