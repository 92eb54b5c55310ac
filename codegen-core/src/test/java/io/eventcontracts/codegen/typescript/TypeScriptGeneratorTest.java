package io.eventcontracts.codegen.typescript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtoTestSupport;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.PrimitiveType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript package generator: golden files for the ticketing contracts and the composition corpus (unions with
 * and without discriminator, nullable forms, open and typed objects, {@code +1}/{@code -1}), the type mapping, the
 * naming pass and the options check. After an intended change:
 * {@code mvn -o -B -pl codegen-core test -Dtest=TypeScriptGeneratorTest -Deventcontracts.updateGolden=true}.
 */
class TypeScriptGeneratorTest {

  static final TypeScriptOptions OPTIONS = new TypeScriptOptions("@eventcontracts/ticketing-events", "1.2.3", "d");

  @TempDir
  Path tmp;

  static List<GeneratedFile> generate(Path root) {
    ContractSet set = JsonSchemaContractLoader.load(List.of(root));
    return TypeScriptGenerator.generate(set, TypeScriptNaming.allocate(set), OPTIONS);
  }

  /** The ticketing contracts of both formats, as the build reads them (payment:created is Protobuf-only). */
  List<GeneratedFile> ticketing() {
    ContractSet set = ProtoTestSupport.ticketing(tmp.resolve("protoc")).contracts();
    return TypeScriptGenerator.generate(set, TypeScriptNaming.allocate(set), OPTIONS);
  }

  @Test
  void ticketingPackageMatchesItsGoldenFiles() throws IOException {
    assertMatchesGolden(ticketing(), Path.of("src/test/resources/golden-typescript/ticketing"));
  }

  @Test
  void compositionPackageMatchesItsGoldenFiles() throws IOException {
    assertMatchesGolden(generate(Path.of("src/test/resources/corpus/webhooks")),
        Path.of("src/test/resources/golden-typescript/webhooks"));
  }

  /** Generated files only (package.json, src/*.ts); the copied runtime and schemas are checked by name. */
  static void assertMatchesGolden(List<GeneratedFile> files, Path golden) throws IOException {
    List<GeneratedFile> own = files.stream()
        .filter(f -> !f.relativePath().startsWith("src/runtime/") && !f.relativePath().startsWith("schemas/"))
        .toList();
    if (Boolean.getBoolean("eventcontracts.updateGolden")) {
      for (GeneratedFile f : own) {
        Path p = golden.resolve(f.relativePath());
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
      }
    }
    List<String> expected = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(golden)) {
      walk.filter(Files::isRegularFile).forEach(p -> expected.add(golden.relativize(p).toString().replace('\\', '/')));
    }
    expected.sort(null);
    assertThat(own).extracting(GeneratedFile::relativePath).containsExactlyElementsOf(expected);
    for (GeneratedFile f : own) {
      assertThat(f.contentAsString()).as(f.relativePath() + " differs from its golden file")
          .isEqualTo(Files.readString(golden.resolve(f.relativePath()), StandardCharsets.UTF_8));
    }
    assertThat(files).extracting(GeneratedFile::relativePath)
        .contains("src/runtime/reading.ts", "src/runtime/validate.ts", "src/runtime/deadletter.ts",
            "src/runtime/jetstream.ts");
  }

  @Test
  void bundlesEveryContractByteForByte() throws IOException {
    List<GeneratedFile> files = generate(Path.of("../schemas/json"));
    for (String name : List.of("ticket-created.json", "order-status.json")) {
      GeneratedFile f = files.stream().filter(x -> x.relativePath().equals("schemas/" + name)).findFirst().orElseThrow();
      assertThat(f.content()).isEqualTo(Files.readAllBytes(Path.of("../schemas/json", name)));
    }
  }

  @Test
  void isDeterministic() {
    List<GeneratedFile> a = generate(Path.of("../schemas/json"));
    List<GeneratedFile> b = generate(Path.of("../schemas/json"));
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).relativePath()).isEqualTo(b.get(i).relativePath());
      assertThat(a.get(i).content()).isEqualTo(b.get(i).content());
    }
  }

  @Test
  void mapsEveryModelTypeToATypeScriptType() {
    ContractSet set = JsonSchemaContractLoader.load(List.of(Path.of("../schemas/json")));
    TypeScriptNaming naming = TypeScriptNaming.allocate(set);
    var g = generatorFor(set, naming);
    assertThat(g.type(PrimitiveType.STRING)).isEqualTo("string");
    assertThat(g.type(PrimitiveType.DATE_TIME)).isEqualTo("string");
    assertThat(g.type(PrimitiveType.DATE)).isEqualTo("string");
    assertThat(g.type(PrimitiveType.BYTES)).isEqualTo("string");
    for (PrimitiveType n : List.of(PrimitiveType.INTEGER, PrimitiveType.LONG, PrimitiveType.BIG_INTEGER,
        PrimitiveType.DECIMAL, PrimitiveType.DOUBLE)) {
      assertThat(g.type(n)).as(n.name()).isEqualTo("number");
    }
    assertThat(g.type(PrimitiveType.BOOLEAN)).isEqualTo("boolean");
    assertThat(g.type(new ConstType(PrimitiveType.STRING, "\"push\""))).isEqualTo("\"push\"");
    assertThat(g.type(new AnyType(""))).isEqualTo("unknown");
    assertThat(g.type(new ListType(PrimitiveType.LONG))).isEqualTo("Array<number>");
    assertThat(g.type(new MapType(new ListType(PrimitiveType.STRING)))).isEqualTo("Record<string, Array<string>>");
  }

  private static TypeScriptGenerator generatorFor(ContractSet set, TypeScriptNaming naming) {
    try {
      var ctor = TypeScriptGenerator.class.getDeclaredConstructor(ContractSet.class, TypeScriptNaming.class);
      ctor.setAccessible(true);
      return ctor.newInstance(set, naming);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void namingFollowsTheSeed() {
    ContractSet set = JsonSchemaContractLoader.load(List.of(Path.of("../schemas/json")));
    TypeScriptNaming naming = TypeScriptNaming.allocate(set);
    var created = set.bySubject("ticket:created").orElseThrow();
    assertThat(naming.subjectMember(created)).isEqualTo("TicketCreated");
    assertThat(naming.eventInterface(created)).isEqualTo("TicketCreatedEvent");
    assertThat(naming.listenerClass(created)).isEqualTo("TicketCreatedListener");
    assertThat(naming.publisherClass(created)).isEqualTo("TicketCreatedPublisher");
    assertThat(naming.typeName(created.rootType())).isEqualTo("TicketCreatedData");
    var status = (io.eventcontracts.codegen.model.EnumType) set.contracts().stream()
        .filter(c -> c.name().equals("OrderStatus")).findFirst().orElseThrow().rootType();
    assertThat(naming.typeName(status)).isEqualTo("OrderStatus");
    assertThat(naming.member(status, "awaiting:payment")).isEqualTo("AwaitingPayment");
    assertThat(naming.findings()).isEmpty();
    assertThatThrownBy(() -> naming.typeName(PrimitiveType.STRING)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reservedWordsAndCollisionsGetLegalDistinctNames() {
    assertThat(TypeScriptNaming.identifier("String")).isEqualTo("TypeString");
    assertThat(TypeScriptNaming.identifier("class")).isEqualTo("Typeclass");
    assertThat(TypeScriptNaming.identifier("")).isEqualTo("Type");
    assertThat(TypeScriptNaming.identifier("1st")).isEqualTo("Type1st");
    assertThat(TypeScriptNaming.identifier("Ticket")).isEqualTo("Ticket");
  }

  @Test
  void enumMembersAreLegalAndDistinct() throws IOException {
    Files.writeString(tmp.resolve("e.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Sign", "x-kind": "type", "x-version": 1,
         "type": "string", "enum": ["+1", "-1", "", "1", "a b", "a-b"]}
        """);
    ContractSet set = JsonSchemaContractLoader.load(List.of(tmp));
    TypeScriptNaming naming = TypeScriptNaming.allocate(set);
    var e = (io.eventcontracts.codegen.model.EnumType) set.contracts().get(0).rootType();
    assertThat(e.values().stream().map(v -> naming.member(e, v)).toList())
        .containsExactly("Plus1", "Minus1", "Empty", "_1", "AB", "AB_2");
  }

  @Test
  void collidingNamesGetNumberedAndAreReportedOnce() throws IOException {
    String event = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://x.invalid/%s.json",
         "title": "%s", "x-subject": "%s", "x-version": 1, "type": "object",
         "properties": {"user": {"$ref": "#/$defs/User"}},
         "$defs": {"User": {"type": "object", "properties": {"%s": {"type": "string"}}}}}
        """;
    Files.writeString(tmp.resolve("a.json"), event.formatted("a", "A", "ticket:created", "id"));
    Files.writeString(tmp.resolve("b.json"), event.formatted("b", "B", "ticket.created", "name"));
    ContractSet set = JsonSchemaContractLoader.load(List.of(tmp));
    TypeScriptNaming naming = TypeScriptNaming.allocate(set);
    var a = set.bySubject("ticket:created").orElseThrow();
    var b = set.bySubject("ticket.created").orElseThrow();
    assertThat(naming.subjectMember(a)).isEqualTo("TicketCreated");
    assertThat(naming.subjectMember(b)).isEqualTo("TicketCreated2");
    assertThat(naming.eventInterface(b)).isEqualTo("TicketCreated2Event");
    assertThat(naming.stanListenerClass(b)).isEqualTo("TicketCreated2StanListener");
    assertThat(naming.stanPublisherClass(b)).isEqualTo("TicketCreated2StanPublisher");
    var userA = resolved(set, ((io.eventcontracts.codegen.model.ObjectType) a.rootType()).fields().get(0).type());
    var userB = resolved(set, ((io.eventcontracts.codegen.model.ObjectType) b.rootType()).fields().get(0).type());
    assertThat(naming.typeName(userA)).isEqualTo("User");
    assertThat(naming.typeName(userB)).isEqualTo("User2");
    assertThat(naming.findings()).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(tmp.resolve("b.json"));
      assertThat(f.message()).startsWith("type at /$defs/User would be TypeScript type User, already used by ")
          .endsWith("; it is generated as User2");
      assertThat(f.hint()).isEqualTo("give it a distinct \"title\" if the name matters");
    });
    List<GeneratedFile> files = TypeScriptGenerator.generate(set, naming, OPTIONS);
    String types = files.stream().filter(f -> f.relativePath().equals("src/types.ts")).findFirst().orElseThrow()
        .contentAsString();
    assertThat(types).contains("export interface User {\n  id?: string;\n  /** The contract allows further"
        + " properties. */\n  [key: string]: unknown;\n}").contains("export interface User2 {\n  name?: string;");
    assertThat(types).contains("  [Subjects.TicketCreated2]: TicketCreated2Data;");
    TypeScriptCodegen.Result r = TypeScriptCodegen.execute(new TypeScriptCodegen.Request(List.of(tmp),
        tmp.resolve("out"), OPTIONS, null));
    assertThat(r.warnings()).singleElement().asString().contains("it is generated as User2");
  }

  private static io.eventcontracts.codegen.model.DataType resolved(ContractSet set,
      io.eventcontracts.codegen.model.DataType t) {
    return t instanceof io.eventcontracts.codegen.model.TypeRef r ? set.resolve(r) : t;
  }

  @Test
  void optionsAreChecked() {
    assertThat(OPTIONS.problems()).isEmpty();
    assertThat(new TypeScriptOptions("ticketing-events", "0.1.0-SNAPSHOT", null).problems()).isEmpty();
    assertThat(new TypeScriptOptions("Ticketing", "1.0", "").problems()).containsExactly(
        "npm package name \"Ticketing\" is not valid: use lower-case letters, digits, '-', '.', '_' and an optional"
            + " scope, e.g. @eventcontracts/ticketing-events",
        "package version \"1.0\" is not a semantic version (npm refuses it): use e.g. 1.2.0 or 0.1.0-SNAPSHOT");
    assertThat(new TypeScriptOptions("a".repeat(215), "1.0.0", "").problems()).hasSize(1);
    assertThat(new TypeScriptOptions("a".repeat(214), "1.0.0", "").problems()).isEmpty();
    assertThat(new TypeScriptOptions("x", "01.0.0", "").problems()).hasSize(1);
  }

  @Test
  void codegenWritesThePackageAndReplacesOldSources() throws IOException {
    Path out = tmp.resolve("pkg");
    Files.createDirectories(out.resolve("src"));
    Files.writeString(out.resolve("src/stale.ts"), "old");
    TypeScriptCodegen.Result r = TypeScriptCodegen.execute(new TypeScriptCodegen.Request(
        List.of(Path.of("../schemas/json")), out, OPTIONS, null, ProtoTestSupport.ticketingProtobuf(tmp.resolve("w"))));
    assertThat(r.events()).isEqualTo(6);
    assertThat(r.warnings()).isEmpty();
    assertThat(out.resolve("src/stale.ts")).doesNotExist();
    assertThat(out.resolve("src/types.ts")).exists();
    assertThat(Files.readString(out.resolve("package.json"))).contains("\"version\": \"1.2.3\"")
        .contains("\"name\": \"@eventcontracts/ticketing-events\"");
    assertThat(r.files()).hasSize(ticketing().size());
  }

  @Test
  void badOptionsFailWithEveryProblem() {
    assertThatThrownBy(() -> TypeScriptCodegen.execute(new TypeScriptCodegen.Request(
        List.of(Path.of("../schemas/json")), tmp, new TypeScriptOptions("Bad Name", "x", ""), null)))
        .isInstanceOf(ContractException.class)
        .satisfies(e -> assertThat(((ContractException) e).errors()).hasSize(2));
  }

  @Test
  void escapesStringsForJsonAndTypeScript() {
    assertThat(TypeScriptGenerator.json("a\"b\\c\nd\te\u0001\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\"");
  }
}
