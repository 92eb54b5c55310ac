package io.eventcontracts.codegen.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.validate.ValidateProto;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.runtime.ContractRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample corpus of each ticketing twin ({@code src/test/resources/corpus/twins/<contract>/}), checked both
 * ways, with the real JSON Schema validator of the runtime and protobuf's own proto3 JSON mapping (JsonFormat) on
 * the message protoc compiled from the twin:
 *
 * <ul>
 *   <li>{@code valid-*}: validates under the JSON Schema; parses as the proto message; printing it (and its binary
 *       form, parsed back) gives the same JSON (numbers compared by value: protobuf prints {@code 20} as
 *       {@code 20.0});</li>
 *   <li>{@code invalid-*}: rejected by the JSON Schema, and by the protobuf route: the JSON parser refuses it, or
 *       the printed JSON of what it parsed fails the same JSON Schema (the runtime validates the JSON form of a
 *       protobuf payload);</li>
 *   <li>{@code lenient-*}: rejected by the JSON Schema, but protobuf's JSON parser accepts it (a number as a string,
 *       {@code null} for an absent scalar): documented leniencies of the proto3 JSON mapping; the runtime validates
 *       JSON before converting it, so they never reach the wire.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwinSampleCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/corpus/twins");
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  @TempDir static Path work;
  ContractRegistry registry;
  final Map<String, Descriptor> messages = new HashMap<>();
  final Map<String, String> ids = new HashMap<>();
  /** protovalidate's own validator (CEL): the declared rules' verdict, independent of the model and JSON Schema. */
  final Validator protovalidate = ValidatorFactory.newBuilder().build();

  @BeforeAll
  void compileTwins() throws Exception {
    ContractSet json = JsonSchemaContractLoader.load(List.of(ProtoTestSupport.TICKETING_JSON));
    ContractRegistry.Builder builder = ContractRegistry.builder();
    for (Contract c : json.contracts()) {
      builder = c.isEvent() ? builder.contract(c.id(), c.subject(), c.version(), c.document().content())
          : builder.type(c.id(), c.version(), c.document().content());
    }
    registry = builder.build();
    Protoc.Output out = new Protoc(ProtoTestSupport.protoc(), work)
        .run(List.of(ProtoTestSupport.TICKETING_PROTO), List.of("ticketing/v1/tickets.proto", "ticketing/v1/orders.proto"), false);
    assertThat(out.errors()).isEmpty();
    Map<String, FileDescriptor> built = new HashMap<>();
    // with protovalidate's extensions registered, the (buf.validate.field) options are readable by its validator
    ExtensionRegistry extensions = ExtensionRegistry.newInstance();
    ValidateProto.registerAllExtensions(extensions);
    for (FileDescriptorProto file : FileDescriptorSet.parseFrom(out.descriptorSet(), extensions).getFileList()) {
      FileDescriptor[] deps = file.getDependencyList().stream().map(built::get).toArray(FileDescriptor[]::new);
      built.put(file.getName(), FileDescriptor.buildFrom(file, deps));
    }
    FileDescriptor tickets = built.get("ticketing/v1/tickets.proto");
    messages.put("ticket-created", tickets.findMessageTypeByName("TicketCreated"));
    messages.put("ticket-updated", tickets.findMessageTypeByName("TicketUpdated"));
    ids.put("ticket-created", json.bySubject("ticket:created").orElseThrow().id());
    ids.put("ticket-updated", json.bySubject("ticket:updated").orElseThrow().id());
    messages.put("order-created", built.get("ticketing/v1/orders.proto").findMessageTypeByName("OrderCreated"));
    ids.put("order-created", json.bySubject("order:created").orElseThrow().id());
  }

  static Stream<Path> samples(String prefix) throws IOException {
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      return walk.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList().stream();
    }
  }

  static Stream<Path> valid() throws IOException {
    return samples("valid-");
  }

  static Stream<Path> invalid() throws IOException {
    return samples("invalid-");
  }

  static Stream<Path> lenient() throws IOException {
    return samples("lenient-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validSamplesValidateAndRoundTripThroughProtobuf(Path sample) throws Exception {
    String twin = sample.getParent().getFileName().toString();
    String text = Files.readString(sample);
    JsonNode tree = MAPPER.readTree(text);
    assertThat(registry.validate(ids.get(twin), tree)).as("JSON Schema verdict").isEmpty();

    DynamicMessage message = parse(twin, text);
    JsonNode printed = MAPPER.readTree(JsonFormat.printer().print(message));
    assertThat(normalize(printed)).as("printed proto3 JSON").isEqualTo(normalize(tree));
    DynamicMessage fromBinary = DynamicMessage.parseFrom(messages.get(twin), message.toByteArray());
    assertThat(normalize(MAPPER.readTree(JsonFormat.printer().print(fromBinary)))).isEqualTo(normalize(tree));
    assertThat(registry.validate(ids.get(twin), printed)).as("printed form validates too").isEmpty();
    assertThat(protovalidate.validate(message).getViolations()).as("protovalidate verdict").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidSamplesAreRejectedByBoth(Path sample) throws Exception {
    String twin = sample.getParent().getFileName().toString();
    String text = Files.readString(sample);
    assertThat(registry.validate(ids.get(twin), MAPPER.readTree(text))).as("JSON Schema verdict").isNotEmpty();
    boolean rejectedByProtobuf;
    boolean rejectedByProtovalidate;
    try {
      DynamicMessage message = parse(twin, text);
      JsonNode printed = MAPPER.readTree(JsonFormat.printer().print(message));
      rejectedByProtobuf = !registry.validate(ids.get(twin), printed).isEmpty();
      rejectedByProtovalidate = !protovalidate.validate(message).isSuccess() || missesRequired(twin, printed);
    } catch (InvalidProtocolBufferException e) {
      rejectedByProtobuf = true;
      rejectedByProtovalidate = true;
    }
    assertThat(rejectedByProtobuf).as("protobuf route verdict").isTrue();
    assertThat(rejectedByProtovalidate).as("protovalidate verdict (plus (eventcontracts.required))").isTrue();
  }

  /**
   * {@code (eventcontracts.required)} is this toolkit's own option, unknown to protovalidate: a required field absent
   * from the JSON form (the only thing it adds) is checked here so the protovalidate verdict covers the whole twin.
   */
  private boolean missesRequired(String twin, JsonNode printed) {
    return registry.validate(ids.get(twin), printed).stream().anyMatch(v -> "required".equals(v.keyword()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lenient")
  void lenientSamplesAreRejectedByTheJsonSchemaButAcceptedByProtobufsJsonParser(Path sample) throws Exception {
    String twin = sample.getParent().getFileName().toString();
    String text = Files.readString(sample);
    assertThat(registry.validate(ids.get(twin), MAPPER.readTree(text))).isNotEmpty();
    JsonNode printed = MAPPER.readTree(JsonFormat.printer().print(parse(twin, text)));
    assertThat(registry.validate(ids.get(twin), printed)).as("what protobuf made of it is valid").isEmpty();
  }

  /** Guards the protovalidate verdicts above: its validator does see the rules declared in the twins. */
  @org.junit.jupiter.api.Test
  void protovalidateSeesTheRulesDeclaredInTheTwins() throws Exception {
    assertThat(protovalidate.validate(parse("order-created", Files.readString(
        CORPUS.resolve("order-created/invalid-status-not-in-the-enum.json")))).getViolations())
        .singleElement().satisfies(v -> assertThat(v.toProto().getField().toString()).contains("status"));
    assertThat(protovalidate.validate(parse("ticket-created", Files.readString(
        CORPUS.resolve("ticket-created/invalid-negative-price.json")))).getViolations())
        .singleElement().satisfies(v -> assertThat(v.toProto().getRuleId()).isEqualTo("double.gte"));
  }

  private DynamicMessage parse(String twin, String json) throws InvalidProtocolBufferException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(messages.get(twin));
    JsonFormat.parser().merge(json, builder);
    return builder.build();
  }

  /** Numbers by value ({@code 20} and {@code 20.0} are the same number). */
  private static Object normalize(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      return value.signum() == 0 ? BigDecimal.ZERO : value;
    }
    if (node.isObject()) {
      Map<String, Object> map = new java.util.TreeMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), normalize(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new java.util.ArrayList<>();
      node.forEach(e -> list.add(normalize(e)));
      return list;
    }
    return node;
  }
}
