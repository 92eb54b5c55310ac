package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Strict UTF-8 (Unicode table 3-7) at every range edge: the first and last byte a lead or second byte may take, and
 * one beyond, with the exact reason and offset.
 */
class StrictUtf8SpecTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "7B7D", "01", "7F", "C280", "DFBF", "E0A080", "E0BFBF", "E18080", "ECBFBF", "ED8080",
      "ED9FBF", "EE8080", "EFBFBF", "F0908080", "F0BFBFBF", "F1808080", "F3BFBFBF", "F4808080", "F48FBFBF",
      "41EFBBBF"})
  void wellFormedSequencesAtEveryRangeEdgePass(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(StrictUtf8.problem(bytes)).isNull();
    assertThat(jdkAccepts(bytes)).isTrue();
  }

  @ParameterizedTest(name = "{0} at offset {1}")
  @CsvSource({"80, 0, 80", "BF, 0, BF", "C0AF, 0, C0", "C1BF, 0, C1", "C27F, 0, C2", "C2C0, 0, C2",
      "E09F80, 0, E0", "E0C080, 0, E0", "E17F80, 0, E1", "ED A080, 0, ED", "EDBFBF, 0, ED", "E1807F, 0, E1",
      "E180C0, 0, E1", "F08F8080, 0, F0", "F0C08080, 0, F0", "F4908080, 0, F4", "F47F8080, 0, F4", "F5808080, 0, F5",
      "FF, 0, FF", "F180807F, 0, F1", "F18080C0, 0, F1", "F1807F80, 0, F1", "41C0AF, 1, C0"})
  void illFormedSequencesAreNamedWithTheirOffsetAndLeadByte(String hex, int offset, String lead) {
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(StrictUtf8.problem(bytes)).isEqualTo("invalid UTF-8 at offset " + offset + " (byte 0x" + lead
        + "): overlong, surrogate, out-of-range or stray byte; payloads must be strict UTF-8 (RFC 8259 §8.1)");
    assertThat(jdkAccepts(bytes)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"C2, 0, C2", "E080, 0, E0", "E1, 0, E1", "F09080, 0, F0", "4142F4, 2, F4"})
  void aSequenceCutByTheEndOfThePayloadIsTruncated(String hex, int offset, String lead) {
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex(hex)))
        .isEqualTo("truncated UTF-8 sequence at offset " + offset + " (byte 0x" + lead + ")");
  }

  @Test
  void aByteOrderMarkIsRefusedOnlyAtTheStartAndOnlyWhole() {
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex("EFBBBF7B7D")))
        .isEqualTo("payload starts with a UTF-8 byte order mark; JSON text must not (RFC 8259 §8.1)");
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex("EFBBBF")))
        .isEqualTo("payload starts with a UTF-8 byte order mark; JSON text must not (RFC 8259 §8.1)");
    // EF BB BE and EF BA BF are other, well-formed characters
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex("EFBBBE"))).isNull();
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex("EFBABF"))).isNull();
    assertThat(StrictUtf8.problem(HexFormat.of().parseHex("EEBBBF"))).isNull();
  }

  @Test
  void aNulByteIsNamedWithItsOffset() {
    assertThat(StrictUtf8.problem(new byte[] {0, '{'}))
        .isEqualTo("NUL byte at offset 0: the payload is not UTF-8 JSON (UTF-16 or UTF-32?)");
    assertThat(StrictUtf8.problem(new byte[] {'{', '"', (byte) 0xC3, (byte) 0xA9, 0}))
        .isEqualTo("NUL byte at offset 4: the payload is not UTF-8 JSON (UTF-16 or UTF-32?)");
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
