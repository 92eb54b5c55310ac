package io.eventcontracts.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inline contract → exact generated text, for the cases the golden sets do not hold: colliding enum constants,
 * constants of every kind, a property called {@code additionalProperties}, Javadoc escaping and constraints.
 */
class GeneratedSourceTest {

  @TempDir
  static Path root;

  static List<GeneratedFile> files;

  @BeforeAll
  static void generate() throws IOException {
    Files.writeString(root.resolve("job.json"), """
        {
          "$id": "https://example.com/job.json",
          "title": "Job",
          "description": "A job; costs $5 */ not a comment end.",
          "x-subject": "job:changed",
          "x-version": 1,
          "type": "object",
          "properties": {
            "state": { "description": "State.", "enum": ["in-progress", "IN_PROGRESS", "done"] },
            "count": { "description": "Count.", "const": 3 },
            "big": { "description": "Big.", "const": 92233720368547758070 },
            "ratio": { "description": "Ratio.", "const": 0.5 },
            "flag": { "description": "Flag.", "const": true },
            "name": { "description": "Name.", "type": "string", "minLength": 1, "maxLength": 5 },
            "additionalProperties": { "description": "A property with an unlucky name.", "type": "string" },
            "note": { "type": ["string", "null"] }
          }
        }
        """);
    files = Codegen.generate(JsonSchemaContractLoader.load(List.of(root)), "com.example.jobs");
  }

  @Test
  void filesComeSourcesFirstThenTheBundleEachInPathOrder() {
    assertThat(files).extracting(GeneratedFile::relativePath).containsExactly(
        "com/example/jobs/EventTypes.java", "com/example/jobs/JobChangedEvent.java",
        "com/example/jobs/JobChangedListener.java", "com/example/jobs/JobChangedPublisher.java",
        "com/example/jobs/JobChangedState.java", "com/example/jobs/Subjects.java",
        "META-INF/eventcontracts/index.json", "META-INF/eventcontracts/schemas/job.json");
  }

  @Test
  void collidingEnumConstantsAreNumberedAndKeepTheirWireValue() {
    assertThat(source("JobChangedState.java")).contains("""
        public enum JobChangedState {
            IN_PROGRESS("in-progress"),

            IN_PROGRESS_2("IN_PROGRESS"),

            DONE("done");
        """).contains("throw new IllegalArgumentException(\"not a JobChangedState value: \" + value);");
  }

  @Test
  void everyConstantKindHasATypedValueConstant() {
    assertThat(source("JobChangedEvent.java"))
        .contains("public static final Long COUNT_VALUE = 3L;")
        .contains("public static final BigInteger BIG_VALUE = new BigInteger(\"92233720368547758070\");")
        .contains("public static final BigDecimal RATIO_VALUE = new BigDecimal(\"0.5\");")
        .contains("public static final Boolean FLAG_VALUE = true;");
  }

  @Test
  void aPropertyNamedAdditionalPropertiesDoesNotClashWithTheMapOfUnknownProperties() {
    assertThat(source("JobChangedEvent.java"))
        .contains("@JsonProperty(\"additionalProperties\")\n    private String additionalProperties2;")
        .contains("private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();")
        .contains("public String getAdditionalProperties2()")
        .contains("public Map<String, JsonNode> getAdditionalProperties()");
  }

  @Test
  void javadocIsEscapedAndNamesConstraintsRequirednessAndNullability() {
    String source = source("JobChangedEvent.java");

    assertThat(source).contains(" * A job; costs $5 *&#47; not a comment end.\n");
    assertThat(source).contains("""
             * Name.
             * <p>Contract: minLength 1, maxLength 5.
             * <p>Optional.
        """);
    assertThat(source).as("no description: no leading <p>").contains("""
            /**
             * Optional, may be {@code null}.
             */
            public String getNote() {
        """);
    assertThat(source).contains("public boolean hasNote()").contains("public void clearNote()")
        .contains("private Optional<String> note;");
  }

  private static String source(String name) {
    return files.stream().filter(f -> f.relativePath().endsWith("/" + name)).findFirst().orElseThrow()
        .contentAsString();
  }
}
