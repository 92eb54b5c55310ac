package io.eventcontracts.codegen.proto;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The protoc binary Maven resolved for the tests, and small helpers. */
public final class ProtoTestSupport {

  static final Path TICKETING_JSON = Path.of("../schemas/json");
  static final Path TICKETING_PROTO = Path.of("../schemas/proto");

  private ProtoTestSupport() {}

  /**
   * The ticketing contracts of both formats, as the build loads them: the JSON Schemas plus the {@code .proto}
   * contracts (twins checked, {@code payment:created} Protobuf-only).
   */
  public static Codegen.Loaded ticketing(Path work) {
    return Codegen.load(List.of(TICKETING_JSON), new JsonSchemaContractLoader.Options(null, false),
        ticketingProtobuf(work));
  }

  /** The Protobuf part of a request for the ticketing {@code .proto} contracts. */
  public static ProtobufOptions ticketingProtobuf(Path work) {
    return new ProtobufOptions(List.of(TICKETING_PROTO), protoc(), work, false);
  }

  static Path protoc() {
    String path = System.getProperty("eventcontracts.protoc");
    if (path == null) {
      throw new IllegalStateException("system property eventcontracts.protoc is not set (run the tests with Maven)");
    }
    return Path.of(path);
  }

  static ProtobufContractLoader.Result load(Path root, Path work) {
    return ProtobufContractLoader.load(List.of(root), new ProtobufContractLoader.Options(protoc(), work, false));
  }

  static Contract only(ProtobufContractLoader.Result result, String subject) {
    return result.contracts().stream().filter(c -> subject.equals(c.subject())).findFirst().orElseThrow();
  }

  static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static List<String> messages(ContractException e) {
    return e.errors().stream().map(ContractError::format).toList();
  }
}
