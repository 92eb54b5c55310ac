package io.eventcontracts.codegen.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tree the loader reads and the line of every value, which every finding's {@code file:line} comes from. */
class LocatedJsonTest {

  private static final String DOC = """
      {
        "a": {
          "b~c/d": [
            10,
            { "e": true }
          ]
        },
        "f": null,
        "g": false, "h": "x"
      }
      """;

  @Test
  void everyValueHasTheLineOfItsNameOrArrayElement() throws IOException {
    LocatedJson json = parse(DOC);

    assertThat(json.line("")).isEqualTo(1);
    assertThat(json.line("/a")).isEqualTo(2);
    assertThat(json.line("/a/b~0c~1d")).isEqualTo(3);
    assertThat(json.line("/a/b~0c~1d/0")).isEqualTo(4);
    assertThat(json.line("/a/b~0c~1d/1")).isEqualTo(5);
    assertThat(json.line("/a/b~0c~1d/1/e")).isEqualTo(5);
    assertThat(json.line("/f")).isEqualTo(8);
    assertThat(json.line("/h")).isEqualTo(9);
  }

  @Test
  void anUnknownPointerHasTheLineOfItsNearestAncestor() throws IOException {
    LocatedJson json = parse(DOC);

    assertThat(json.line("/a/b~0c~1d/1/nope/deeper")).isEqualTo(5);
    assertThat(json.line("/nope")).isEqualTo(1);
  }

  @Test
  void theTreeKeepsEveryValueAndNumbersKeepTheirDigits() throws IOException {
    LocatedJson json = parse("""
        { "i": 123456789012345678901234567890, "d": 0.10, "t": true, "f": false, "n": null, "s": "x",
          "a": [1, [2]], "o": {} }
        """);

    assertThat(json.tree().get("i").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(json.tree().get("d").decimalValue()).isEqualTo(new BigDecimal("0.10"));
    assertThat(json.tree().get("t").booleanValue()).isTrue();
    assertThat(json.tree().get("f").isBoolean()).isTrue();
    assertThat(json.tree().get("f").booleanValue()).isFalse();
    assertThat(json.tree().get("n").isNull()).isTrue();
    assertThat(json.tree().get("s").textValue()).isEqualTo("x");
    assertThat(json.tree().get("a").toString()).isEqualTo("[1,[2]]");
    assertThat(json.tree().get("o").isObject()).isTrue();
    assertThat(json.tree().properties()).hasSize(8);
  }

  @Test
  void aScalarDocumentIsATree() throws IOException {
    assertThat(parse("\"x\"").tree().textValue()).isEqualTo("x");
    assertThat(parse("[]").tree().isArray()).isTrue();
  }

  @Test
  void malformedDocumentsAreRefusedWithTheParsersLocation() {
    assertThat(refused("")).isEqualTo("empty file: no JSON value");
    assertThat(refused("{} {}")).isEqualTo("unexpected content after the JSON value");
    assertThat(refused("{\n\"a\": 1,\n\"a\": 2}")).startsWith("Duplicate field 'a'");
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> parse("{\n  \"a\": 1,\n}"));
    assertThat(e.getLocation().getLineNr()).isEqualTo(3);
  }

  @Test
  void escapingFollowsRfc6901() {
    assertThat(LocatedJson.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(LocatedJson.escape("~1")).isEqualTo("~01");
  }

  private static LocatedJson parse(String text) throws IOException {
    return LocatedJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String refused(String text) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> parse(text));
    assertThat(e).as(text).isNotNull();
    return e.getOriginalMessage();
  }
}
