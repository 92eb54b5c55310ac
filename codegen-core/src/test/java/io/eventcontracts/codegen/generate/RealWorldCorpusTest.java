package io.eventcontracts.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.CodegenResult;
import io.eventcontracts.codegen.TestCompiler;
import io.eventcontracts.codegen.naming.JavaNames;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.Violation;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bring-your-own-schemas corpus: an untouched draft-07 webhook-like schema set (composition, nullability, open
 * models, relative {@code $id}s, no descriptions, {@code +1}/{@code -1}, ids of 3,000,000,000) with a mapping file,
 * and one contract per draft. Every sample goes through the generated classes and the runtime exactly as on the
 * wire: read → validate → bind → write → read. Valid samples come back as the same JSON tree and still validate;
 * invalid ones are refused with the expected JSON pointer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealWorldCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/corpus");

  ClassLoader loader;
  ContractRegistry registry;
  final EventCodec codec = EventCodec.create();
  CodegenResult webhooks;

  @BeforeAll
  void generateCompileAndLoad(@TempDir Path work) throws IOException {
    Path java = work.resolve("java");
    Path resources = work.resolve("classes");
    webhooks = Codegen.execute(new CodegenRequest(List.of(CORPUS.resolve("webhooks")), "com.example.webhooks", java,
        resources, null));
    Codegen.execute(new CodegenRequest(List.of(CORPUS.resolve("drafts")), "com.example.drafts", java,
        work.resolve("drafts-res"), null));
    loader = TestCompiler.compile(TestCompiler.sources(java), resources);
    registry = ContractRegistry.builder().classLoader(loader).build();
    // the drafts bundle sits beside; register its contracts explicitly
    ContractRegistry.Builder drafts = ContractRegistry.builder();
    try (Stream<Path> files = Files.list(CORPUS.resolve("drafts"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".json", "");
        drafts.contract("https://example.com/drafts/" + name + ".json", "drafts." + name, 1, Files.readAllBytes(f));
      }
    }
    draftRegistry = drafts.build();
  }

  ContractRegistry draftRegistry;
  ClassLoader previous;

  /**
   * Jackson resolves deduced subtypes by class name through the context class loader; in an application the
   * generated classes are on the class path, here they are in the test's own loader.
   */
  @org.junit.jupiter.api.BeforeEach
  void useTheGeneratedClasses() {
    previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
  }

  @org.junit.jupiter.api.AfterEach
  void restoreClassLoader() {
    Thread.currentThread().setContextClassLoader(previous);
  }

  record Sample(String corpus, Path file, String subject, String expectedPointer) {
    boolean valid() {
      return file.getFileName().toString().contains("-valid");
    }

    @Override
    public String toString() {
      return corpus + "/" + file.getFileName();
    }
  }

  static List<Sample> samples() throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (String corpus : List.of("webhooks", "drafts")) {
      Path dir = CORPUS.resolve("samples").resolve(corpus);
      Properties pointers = new Properties();
      try (Reader r = Files.newBufferedReader(dir.resolve("expected-pointers.properties"))) {
        pointers.load(r);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String prefix = f.getFileName().toString().substring(0, f.getFileName().toString().indexOf('-'));
          String subject = corpus.equals("webhooks") ? "acme." + prefix : "drafts." + prefix;
          samples.add(new Sample(corpus, f, subject, pointers.getProperty(f.getFileName().toString())));
        }
      }
    }
    return samples;
  }

  static Stream<Sample> validSamples() throws IOException {
    return samples().stream().filter(Sample::valid);
  }

  static Stream<Sample> invalidSamples() throws IOException {
    return samples().stream().filter(s -> !s.valid());
  }

  private ContractRegistry registryFor(Sample s) {
    return s.corpus().equals("webhooks") ? registry : draftRegistry;
  }

  private Class<?> eventClass(Sample s) throws ClassNotFoundException {
    String pkg = s.corpus().equals("webhooks") ? "com.example.webhooks" : "com.example.drafts";
    return Class.forName(pkg + "." + JavaNames.eventClassName(s.subject()), true, loader);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validPayloadReadThenWrittenIsTheSameTreeAndStillValid(Sample sample) throws Exception {
    byte[] payload = Files.readAllBytes(sample.file());
    JsonNode tree = codec.readTree(sample.subject(), payload);
    String id = registryFor(sample).forSubject(sample.subject()).orElseThrow().id();
    assertThat(registryFor(sample).validate(id, tree)).as("sample validates").isEmpty();

    Object event = codec.read(sample.subject(), tree, eventClass(sample));
    byte[] written = codec.write(sample.subject(), event);
    JsonNode back = codec.readTree(sample.subject(), written);

    assertThat(back).as(new String(written, StandardCharsets.UTF_8)).isEqualTo(tree);
    assertThat(registryFor(sample).validate(id, back)).as("re-published unchanged, it still validates").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSamples")
  void invalidPayloadIsRefusedWithItsPointer(Sample sample) throws Exception {
    JsonNode tree = codec.readTree(sample.subject(), Files.readAllBytes(sample.file()));
    String id = registryFor(sample).forSubject(sample.subject()).orElseThrow().id();

    List<Violation> violations = registryFor(sample).validate(id, tree);

    assertThat(violations).as("violations of " + sample).isNotEmpty();
    assertThat(sample.expectedPointer()).as("expected pointer listed for " + sample).isNotNull();
    assertThat(violations).extracting(Violation::pointer).contains(sample.expectedPointer());
  }

  @Test
  void numbersKeepTheirDigitsAndIntegersNeverOverflow() throws Exception {
    Sample card = sample("payment-valid-card.json");
    String written = new String(codec.write(card.subject(), read(card)), StandardCharsets.UTF_8);
    assertThat(written).contains("\"amount\":20,");
    Sample bank = sample("payment-valid-bank-transfer.json");
    Object payment = read(bank);
    assertThat(get(payment, "getAmount")).isEqualTo(new BigDecimal("19.99"));

    Object push = read(sample("push-valid-explicit-nulls-and-unknown-fields.json"));
    Object repository = get(push, "getRepository");
    assertThat(get(repository, "getId")).as("unbounded").isEqualTo(BigInteger.valueOf(3_000_000_000L));
    assertThat(repository.getClass().getMethod("getStargazers").getReturnType()).as("bounded: 0..1000000")
        .isEqualTo(Integer.class);
    assertThat(Class.forName("com.example.drafts.DraftsD2020Event", true, loader).getMethod("getBig")
        .getReturnType()).as("a range beyond 64 bits").isEqualTo(BigInteger.class);
  }

  @Test
  void integersGetTheNarrowestTypeHoldingTheirDeclaredRange() throws Exception {
    Class<?> ints = Class.forName("com.example.drafts.DraftsIntsEvent", true, loader);
    assertThat(ints.getMethod("getUnbounded").getReturnType()).as("unbounded").isEqualTo(BigInteger.class);
    assertThat(ints.getMethod("getInt64").getReturnType()).as("format int64 only").isEqualTo(BigInteger.class);
    assertThat(ints.getMethod("getNotPositive").getReturnType()).as("unbounded below").isEqualTo(BigInteger.class);
    assertThat(ints.getMethod("getSmall").getReturnType()).as("0..100").isEqualTo(Integer.class);
    assertThat(ints.getMethod("getSafe").getReturnType()).as("0..2^53-1").isEqualTo(Long.class);
    assertThat(ints.getMethod("getCode").getReturnType()).as("enum [1, 2, 3]").isEqualTo(Integer.class);

    Object event = read(sample("ints-valid-beyond-64-bits.json"));
    assertThat(get(event, "getUnbounded")).isEqualTo(BigInteger.TWO.pow(63));
    assertThat(get(event, "getInt64")).isEqualTo(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE));
    assertThat(get(event, "getNotPositive")).isEqualTo(BigInteger.TEN.pow(30).negate());
    assertThat(get(event, "getMany")).isEqualTo(List.of(BigInteger.TWO.pow(63),
        BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE), BigInteger.TEN.pow(30), BigInteger.ZERO));
  }

  @Test
  void primitiveUnionsAreSealedValueTypesPickedByTheJsonToken() throws Exception {
    Class<?> event = Class.forName("com.example.drafts.DraftsUnionsEvent", true, loader);
    Class<?> amount = event.getMethod("getAmount").getReturnType();
    assertThat(amount.isSealed()).as(amount + " is sealed").isTrue();
    assertThat(amount.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactly("OfInteger", "OfString");
    Class<?> when = event.getMethod("getWhen").getReturnType();
    assertThat(when.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactly("OfBigInteger", "OfOffsetDateTime");
    assertThat(event.getMethod("getEither").getReturnType()).as("two string branches").isEqualTo(JsonNode.class);

    Object numbers = read(sample("unions-valid-numbers.json"));
    assertThat(get(get(numbers, "getAmount"), "value")).isEqualTo(1250);
    assertThat(get(numbers, "getWhen").getClass().getSimpleName()).isEqualTo("OfBigInteger");
    assertThat(get(get(numbers, "getFlag"), "value")).isEqualTo(new BigDecimal("0.25"));
    Object strings = read(sample("unions-valid-strings.json"));
    assertThat(get(get(strings, "getAmount"), "value")).isEqualTo("free");
    assertThat(get(get(strings, "getWhen"), "value")).isEqualTo(OffsetDateTime.parse("2024-05-02T08:30:00-05:00"));
    assertThat(get(get(strings, "getFlag"), "value")).isEqualTo(true);

    Object built = amount.getMethod("of", Integer.class).invoke(null, 5);
    assertThat(built).isEqualTo(amount.getMethod("of", Integer.class).invoke(null, 5));
    assertThat(built.getClass().getSimpleName()).isEqualTo("OfInteger");
  }

  @Test
  void primitiveUnionsThatNoTokenTellsApartAreJsonNodeWithALintNote() throws Exception {
    Path java = Files.createTempDirectory("unions");
    CodegenResult result = Codegen.execute(new CodegenRequest(List.of(CORPUS.resolve("drafts")), "com.example.u",
        java.resolve("java"), java.resolve("res"), null));
    assertThat(result.warnings()).anyMatch(w -> w.contains("unions.json") && w.contains("\"either\"")
        && w.contains("has no single Java type; the value is a JsonNode"));
    assertThat(result.warnings()).noneMatch(w -> w.contains("\"amount\"") || w.contains("\"when\""));
  }

  @Test
  void dateTimesKeepTheirInstantAndOffset() throws Exception {
    Object payment = read(sample("payment-valid-bank-transfer.json"));
    assertThat(get(payment, "getRefundedAt")).isEqualTo(OffsetDateTime.parse("2024-05-02T08:30:00-05:00"));
  }

  @Test
  void absentNullAndValueAreThreeStates() throws Exception {
    Class<?> push = eventClass(sample("push-valid-values-everywhere.json"));
    Object withNull = read(sample("push-valid-explicit-nulls-and-unknown-fields.json"));
    Object absent = read(sample("push-valid-values-everywhere.json"));
    assertThat(push.getMethod("hasBaseRef").invoke(withNull)).isEqualTo(true);
    assertThat(push.getMethod("getBaseRef").invoke(withNull)).isNull();
    assertThat(push.getMethod("hasBaseRef").invoke(absent)).isEqualTo(false);

    push.getMethod("setBaseRef", String.class).invoke(absent, (Object) null);
    assertThat(new String(codec.write("acme.push", absent), StandardCharsets.UTF_8)).contains("\"base_ref\":null");
    push.getMethod("clearBaseRef").invoke(absent);
    assertThat(new String(codec.write("acme.push", absent), StandardCharsets.UTF_8)).doesNotContain("base_ref");
  }

  @Test
  void unknownPropertiesOfOpenObjectsAreKept() throws Exception {
    Object push = read(sample("push-valid-explicit-nulls-and-unknown-fields.json"));
    Object repository = get(push, "getRepository");
    assertThat(((Map<?, ?>) get(repository, "getAdditionalProperties")).keySet()).extracting(Object::toString)
        .containsExactly("default_branch");
    assertThat(((Map<?, ?>) get(repository, "getLanguageBytes")).get("Java")).isEqualTo(BigInteger.valueOf(120000));
  }

  @Test
  void unionsAreSealedInterfacesWithOneClassPerBranch() throws Exception {
    Class<?> method = Class.forName("com.example.webhooks.AcmePaymentMethod", true, loader);
    assertThat(method.isSealed()).isTrue();
    assertThat(method.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactly("CardMethod", "BankTransferMethod");
    assertThat(get(read(sample("payment-valid-bank-transfer.json")), "getMethod").getClass().getSimpleName())
        .isEqualTo("BankTransferMethod");
    // a branch class read as itself needs no discriminator (it does not inherit the interface's type handling)
    Class<?> card = Class.forName("com.example.webhooks.CardMethod", true, loader);
    Object standalone = codec.mapper().readValue("{\"last4\":\"4242\"}", card);
    assertThat(get(standalone, "getLast4")).isEqualTo("4242");
    assertThat(codec.mapper().writeValueAsString(standalone)).isEqualTo("{\"last4\":\"4242\"}");
    // the event root of member.json is a union told apart by deduction
    assertThat(read(sample("member-valid-removed.json")).getClass().getSimpleName()).isEqualTo("MemberRemoved");
    assertThat(read(sample("member-valid-added.json")).getClass().getSimpleName()).isEqualTo("MemberAdded");
  }

  @Test
  void namesPeopleWouldWrite() throws Exception {
    // one class per shared file (User, Repository, License), +1/-1 with distinct names, allOf narrowed enum
    Class<?> reactions = Class.forName("com.example.webhooks.IssueReactions", true, loader);
    assertThat(reactions.getDeclaredField("plus1").getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
        .value()).isEqualTo("+1");
    assertThat(reactions.getDeclaredField("minus1").getAnnotation(
        com.fasterxml.jackson.annotation.JsonProperty.class).value()).isEqualTo("-1");
    Class<?> action = Class.forName("com.example.webhooks.AcmeIssuesAction", true, loader);
    assertThat(action.getEnumConstants()).extracting(Object::toString).containsExactly("opened", "closed",
        "reopened");
    for (String shared : List.of("User", "Repository", "License", "UserType", "IssueState")) {
      assertThat(Class.forName("com.example.webhooks." + shared, true, loader)).isNotNull();
    }
    assertThat(webhooks.warnings()).noneMatch(w -> w.contains("\"pushed_at\": \"oneOf\""));
    assertThat(Class.forName("com.example.webhooks.Repository", true, loader).getMethod("getPushedAt")
        .getReturnType().getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactly("OfBigInteger", "OfOffsetDateTime");
  }

  private Sample sample(String name) throws IOException {
    return samples().stream().filter(s -> s.file().getFileName().toString().equals(name)).findFirst().orElseThrow();
  }

  private Object read(Sample s) throws Exception {
    return codec.read(s.subject(), codec.readTree(s.subject(), Files.readAllBytes(s.file())), eventClass(s));
  }

  private static Object get(Object target, String getter) throws Exception {
    Method m = target.getClass().getMethod(getter);
    m.setAccessible(true);
    return m.invoke(target);
  }
}
