package io.eventcontracts.codegen.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.ContractError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** protoc's output lines become located contract errors (no protoc run needed). */
class ProtocDiagnosticsTest {

  @TempDir Path root;

  @Test
  void locatedLinesPointAtTheContractFileUnderItsRoot() throws Exception {
    Files.createDirectories(root.resolve("a"));
    Files.writeString(root.resolve("a/x.proto"), "");
    List<ContractError> errors = Protoc.diagnostics(List.of(
        "a/x.proto:7:3: Expected \";\".",
        "a/x.proto:2:1: warning: Import google/protobuf/any.proto is unused.",
        "",
        "[libprotobuf WARNING something]",
        "b/missing.proto:4:1: \"Foo\" is not defined."), List.of(Path.of("/nonexistent-root"), root));
    assertThat(errors).containsExactly(
        new ContractError(root.resolve("a/x.proto"), 7, "Expected \";\".",
            "fix the .proto syntax (protoc's message above)"),
        new ContractError(Path.of("b/missing.proto"), 4, "\"Foo\" is not defined.",
            "fix the .proto syntax (protoc's message above)"));
  }

  @Test
  void fileLevelAndImportProblemsGetTheImportHint() {
    List<ContractError> errors = Protoc.diagnostics(List.of(
        "x.proto: File not found.",
        "y.proto:3:1: Import \"z.proto\" was not found or had errors."), List.of(root));
    assertThat(errors).extracting(ContractError::line).containsExactly(0, 3);
    assertThat(errors).extracting(ContractError::hint).containsOnly("put the imported file below a contract root (or"
        + " import \"eventcontracts/options.proto\" / a google/protobuf well-known type, which are always available)");
    assertThat(errors.get(0).message()).isEqualTo("File not found.");
  }

  @Test
  void anyOtherLineIsKeptAsAProtocMessage() {
    assertThat(Protoc.diagnostics(List.of("  --java_out: boom  "), List.of(root))).containsExactly(
        new ContractError(null, 0, "protoc: --java_out: boom", "fix the .proto file protoc names"));
    assertThat(Protoc.diagnostics(List.of("something: warning: ignored"), List.of(root))).isEmpty();
  }
}
