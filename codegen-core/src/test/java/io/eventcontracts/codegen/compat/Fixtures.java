package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small contract files for the compat tests. */
final class Fixtures {

  private Fixtures() {}

  /** An event contract: {@code properties} is the JSON text of the properties object. */
  static String event(String subject, int version, String properties, String required, String additional) {
    return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
        + "  \"$id\": \"https://example.com/" + subject.replace(':', '-') + ".json\",\n"
        + "  \"description\": \"An event.\",\n"
        + "  \"x-subject\": \"" + subject + "\",\n  \"x-version\": " + version + ",\n  \"type\": \"object\",\n"
        + "  \"properties\": " + properties + ",\n  \"required\": [" + required + "]"
        + (additional == null ? "" : ",\n  \"additionalProperties\": " + additional) + "\n}\n";
  }

  static Path write(Path dir, String name, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContractSet load(Path dir) {
    return JsonSchemaContractLoader.load(List.of(dir));
  }
}
